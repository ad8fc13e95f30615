import type { Node } from 'jsonc-parser';
import type { AuthConfig, Located, UserAgent } from '../model';
import { readJsonInto, redirectUri } from './config-util';
import { bool, nodeRange, prop, str } from '../parsing/json-util';
import { configAuthority } from '../entra/authority';
import { defaultUserAgent } from '../entra/libraries';
import { emptyParsed, defineFormat } from './types';

// MSAL Android configuration (`res/raw/auth_config*.json`, `msal_config.json`): snake_case keys read by
// PublicClientApplication.create(context, R.raw.x). A res/raw JSON with AppAuth's keys instead (`issuer_uri`,
// `discovery_uri`) is an AppAuth app's config.

export const androidConfigFormat = defineFormat({
  id: 'android-config',
  title: 'MSAL Android config',
  files: '`res/raw/*.json`',
  reads:
    "`client_id`, `redirect_uri`, `authorization_user_agent`, `broker_redirect_uri_registered`, `authorities` (merged over MSAL's defaults); an AppAuth app's `issuer_uri` / `discovery_uri` config",
  globs: ['**/res/raw/*.json'],
  markers: ['**/res/raw/auth_config*.json', '**/res/raw/msal_config*.json'],
  literal: 'json',
  languageIds: ['json'],
  untitled: [{ languageId: 'json', name: 'auth_config.json', hint: /"(client_id|redirect_uri)"\s*:/ }],
  facts: { provides: ['android-msal-settings'], reads: ['android-intent-filters', 'android-build-values', 'android-config-uses'] },
  byName: (path) => (/\.json$/i.test(path) ? 'sniff' : 'no'),
  sniff: (text) =>
    text.includes('"client_id"') &&
    (text.includes('"redirect_uri"') ||
      text.includes('"authorities"') ||
      text.includes('"authorization_user_agent"') ||
      text.includes('"broker_redirect_uri_registered"') ||
      text.includes('"issuer_uri"') ||
      text.includes('"discovery_uri"')),
  parse(path, text) {
    const parsed = emptyParsed(path, 'android-config', text);
    const root = readJsonInto(parsed, text);
    if (root?.type === 'object') parsed.configs.push(isAppAuthConfig(root) ? readAppAuthConfig(root) : readAndroidConfig(root));
    return parsed;
  },
});

/** Keys only MSAL's config has; an AppAuth app's res/raw JSON (its demo app's, Okta's) has none of them. */
const MSAL_KEYS = ['authorities', 'authorization_user_agent', 'broker_redirect_uri_registered', 'account_mode'];
/** Where AppAuth apps keep their provider, in the order they are used (issuer, discovery document, endpoint). */
const APPAUTH_PROVIDER_KEYS = ['issuer_uri', 'discovery_uri', 'authorization_endpoint_uri'];

function isAppAuthConfig(root: Node): boolean {
  return !MSAL_KEYS.some((key) => prop(root, key)) && APPAUTH_PROVIDER_KEYS.some((key) => prop(root, key));
}

/**
 * The JSON config of an app that signs in with AppAuth (the shape of AppAuth-Android's demo app and Okta's
 * SDK): its provider is whatever the issuer or endpoint names. With every provider field blank it is a
 * template that signs in nowhere yet. AppAuth signs in with Custom Tabs or the browser only.
 */
function readAppAuthConfig(root: Node): AuthConfig {
  const config: AuthConfig = {
    kind: 'config',
    library: 'appauth-android',
    platform: 'android',
    clientId: str(prop(root, 'client_id')),
    redirectUris: [],
    userAgent: defaultUserAgent('appauth-android'),
    range: nodeRange(root),
  };
  const redirect = str(prop(root, 'redirect_uri'));
  if (redirect?.value.trim()) config.redirectUris.push(redirectUri(redirect.value, redirect.range, 'android', 'redirect'));
  const logout = str(prop(root, 'end_session_redirect_uri'));
  if (logout?.value.trim()) config.redirectUris.push(redirectUri(logout.value, logout.range, 'android', 'postLogout'));
  const provider = APPAUTH_PROVIDER_KEYS.map((key) => str(prop(root, key))).find((value) => value?.value.trim());
  if (provider) config.authority = provider;
  else config.template = true;
  return config;
}

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
  const type = readAuthority(prop(root, 'authorities'), config);
  // MSAL uses the broker only with Entra ID authorities (MSALControllerFactory.brokerEligible: an
  // AzureActiveDirectoryAuthority): never for B2C, External ID (CIAM) or ADFS, whether the authority's
  // `type` or its URL says so.
  const kind = configAuthority(config)?.info.kind;
  const brokerEligible = (kind === undefined || kind === 'entra') && (type === undefined || type === 'AAD');
  config.userAgent = androidUserAgent(str(prop(root, 'authorization_user_agent')), bool(prop(root, 'broker_redirect_uri_registered')), brokerEligible);
  return config;
}

/**
 * MSAL Android merges the app's config over msal_default_config.json, where broker_redirect_uri_registered
 * is true and authorization_user_agent DEFAULT: a missing key is the default, not "off". WEBVIEW keeps the
 * sign-in inside the app; DEFAULT and BROWSER open Custom Tabs (or the browser).
 */
export function androidUserAgent(agent: Located<string> | undefined, broker: Located<boolean> | undefined, brokerEligible = true): UserAgent {
  const embedded = agent?.value.trim().toUpperCase() === 'WEBVIEW';
  const web = embedded ? 'an embedded web view (authorization_user_agent WEBVIEW)' : 'Custom Tabs';
  if (!brokerEligible)
    return {
      kind: embedded ? 'embedded' : 'system-browser',
      range: embedded ? agent?.range : undefined,
      description: `${web} (MSAL never uses the broker with this authority)`,
    };
  if (broker?.value ?? true) {
    const description = `the broker when Microsoft Authenticator or Company Portal is installed, otherwise ${web}`;
    return { kind: 'broker', fallback: embedded ? 'embedded' : 'system-browser', range: broker?.range ?? agent?.range, description };
  }
  return {
    kind: embedded ? 'embedded' : 'system-browser',
    range: embedded ? agent?.range : broker?.range,
    description: `${web} (broker_redirect_uri_registered is false)`,
  };
}

/** The default authority (or the first one): its URL, or the AAD audience's tenant; returns its `type` (AAD, B2C, CIAM, ADFS). */
function readAuthority(list: Node | undefined, config: AuthConfig): string | undefined {
  if (list?.type !== 'array' || !list.children?.length) return undefined;
  const authorities = list.children.filter((n) => n.type === 'object');
  const chosen = authorities.find((a) => bool(prop(a, 'default'))?.value) ?? authorities[0];
  if (!chosen) return undefined;
  const url = str(prop(chosen, 'authority_url'));
  if (url) config.authority = url;
  const audience = prop(chosen, 'audience');
  const tenant: Located<string> | undefined = str(prop(audience, 'tenant_id'));
  if (tenant) config.tenant = tenant;
  return str(prop(chosen, 'type'))?.value.trim().toUpperCase();
}
