import type { Node } from 'jsonc-parser';
import type { AuthConfig, Located } from '../model';
import { jsonComments, redirectUri } from './config-util';
import { bool, nodeRange, parseJson, prop, str } from './json-util';
import { emptyParsed, type Format } from './types';

// MSAL Android configuration (`res/raw/auth_config*.json`, `msal_config.json`): snake_case keys read by
// PublicClientApplication.create(context, R.raw.x).

export const androidConfigFormat: Format = {
  id: 'android-config',
  byName: (path) => (/\.json$/i.test(path) ? 'sniff' : 'no'),
  sniff: (text) =>
    text.includes('"client_id"') &&
    (text.includes('"redirect_uri"') ||
      text.includes('"authorities"') ||
      text.includes('"authorization_user_agent"') ||
      text.includes('"broker_redirect_uri_registered"')),
  parse(path, text) {
    const parsed = emptyParsed(path, 'android-config', text);
    const { root, problems } = parseJson(text);
    parsed.problems.push(...problems);
    parsed.comments = jsonComments(text);
    if (root?.type === 'object') parsed.configs.push(readAndroidConfig(root));
    return parsed;
  },
};

function readAndroidConfig(root: Node): AuthConfig {
  const config: AuthConfig = {
    kind: 'config',
    library: 'msal-android',
    platform: 'android',
    clientId: str(prop(root, 'client_id')),
    redirectUris: [],
    range: nodeRange(root),
  };
  const redirect = str(prop(root, 'redirect_uri'));
  if (redirect) config.redirectUris.push(redirectUri(redirect.value, redirect.range, 'android', 'redirect'));
  const agent = str(prop(root, 'authorization_user_agent'));
  // WEBVIEW keeps the sign-in inside the app; DEFAULT and BROWSER hand it to a browser.
  if (agent) config.embeddedWebView = { value: agent.value.trim().toUpperCase() === 'WEBVIEW', range: agent.range };
  config.broker = bool(prop(root, 'broker_redirect_uri_registered'));
  readAuthority(prop(root, 'authorities'), config);
  return config;
}

/** The default authority (or the first one): its URL, or the AAD audience's tenant. */
function readAuthority(list: Node | undefined, config: AuthConfig): void {
  if (list?.type !== 'array' || !list.children?.length) return;
  const authorities = list.children.filter((n) => n.type === 'object');
  const chosen = authorities.find((a) => bool(prop(a, 'default'))?.value) ?? authorities[0];
  if (!chosen) return;
  const url = str(prop(chosen, 'authority_url'));
  if (url) config.authority = url;
  const audience = prop(chosen, 'audience');
  const tenant: Located<string> | undefined = str(prop(audience, 'tenant_id'));
  if (tenant) config.tenant = tenant;
}
