# Shape: OfficeDev/TeamsFx templates/js/custom-copilot-assistant-new/env/.env.local.user.tpl — a
# scaffolding template whose Mustache sections are rendered away before the file is an .env file.
# A template is read as one: no parse errors, and the values the tool fills in are not judged.
SECRET_BOT_PASSWORD=
{{#useOpenAI}}
{{#openAIKey}}
SECRET_OPENAI_API_KEY='{{{openAIKey}}}'
{{/openAIKey}}
{{^openAIKey}}
SECRET_OPENAI_API_KEY=
{{/openAIKey}}
{{/useOpenAI}}
{{#useEntra}}
AAD_APP_CLIENT_ID={{clientId}}
AAD_APP_TENANT_ID=
AAD_APP_REDIRECT_URI={{{redirectUri}}}
{{/useEntra}}
