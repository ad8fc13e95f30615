import { lowerBaseName } from '../io/paths';

// Templates are not configs: a scaffolding tool (TeamsFx's `.env.dev.user.tpl`, a cookiecutter, a Helm
// chart) renders them into the real file later. Their markers are not the file's syntax and their values
// are filled in by the tool, so a template is read for what it already says and never judged as broken.

/** File name endings of template engines (`.env.local.tpl`, `appsettings.json.mustache`, `config.j2`). */
const TEMPLATE_EXTENSION = /\.(tpl|tmpl|template|mustache|hbs|handlebars|j2|jinja2?|njk|liquid|ejs)$/;

/**
 * A template engine's tag: Mustache/Handlebars sections, inverted sections, comments and partials
 * (`{{#useOpenAI}}`, `{{/x}}`, `{{^x}}`, `{{!x}}`, `{{>x}}`, `{{else}}`), Jinja/Liquid/Nunjucks statements and
 * comments (`{% if %}`, `{# … #}`), EJS/ERB tags (`<% … %>`). Bounded runs keep it linear.
 */
const BLOCK_TAG = /\{\{[#/^!>&]|\{\{~?\s{0,8}else\s{0,8}~?\}\}|\{%-?\s{0,8}[A-Za-z]|\{#-?\s{0,8}\S[^\n]{0,400}#\}|<%[=\-#_]?\s/;

/** A value substitution: `{{ name }}`, `{{{ name }}}`, GitHub Actions / Azure Pipelines `${{ expr }}`, `<%= x %>`. */
const SUBSTITUTION = /\$?\{\{\{?[^{}\n]{1,400}\}\}\}?|<%=[^\n]{0,400}%>/;

/** Whether the file's name says a template engine renders it. */
export function isTemplatePath(path: string): boolean {
  return TEMPLATE_EXTENSION.test(lowerBaseName(path));
}

/** Whether the text holds a template engine's block tags (sections, statements), not only values. */
export function hasTemplateTags(text: string): boolean {
  return BLOCK_TAG.test(text);
}

/** Whether a file is a template: by its name or by the tags in its text. */
export function isTemplateFile(path: string, text: string): boolean {
  return isTemplatePath(path) || hasTemplateTags(text);
}

/** Whether a line holds only template tags and blanks (`{{#openAIKey}}`, `{% endif %}`): no content of its own. */
export function isTemplateTagLine(line: string): boolean {
  const rest = line
    .replace(/\{\{[^{}\n]{0,400}\}\}\}?/g, '')
    .replace(/\{%[^\n]{0,400}?%\}/g, '')
    .replace(/\{#[^\n]{0,400}?#\}/g, '')
    .replace(/<%[^\n]{0,400}?%>/g, '');
  return rest.trim() === '' && rest.length !== line.length;
}

/** Whether a value holds a template substitution (`{{appName}}`, `${{ secrets.CLIENT_ID }}`): filled in later. */
export function holdsTemplateSubstitution(value: string): boolean {
  return SUBSTITUTION.test(value);
}
