import type { Node } from 'jsonc-parser';
import type { AuthConfig, Located, Platform } from '../model';
import { readJsonInto, redirectUri } from './config-util';
import { nodeRange, prop, str, walk } from '../parsing/json-util';
import { emptyParsed, defineFormat, SLASH_COMMENTS } from './types';
import { lowerBaseName } from '../io/paths';

// .NET `appsettings*.json`: Microsoft.Identity.Web sections (AzureAd, AzureAdB2C, MicrosoftEntraID) and
// the MSAL.NET / MAUI style (ClientId + RedirectUri, AndroidRedirectUri, iOSRedirectUri). .NET
// configuration keys are case-insensitive, so keys are matched ignoring case.

const SECTION_NAMES = ['azuread', 'azureadb2c', 'microsoftentraid', 'entraid', 'azureadb2cui'];
const COMPANION_KEYS = ['instance', 'tenantid', 'redirecturi', 'callbackpath', 'authority', 'domain'];

/** Each place the name of an identity section is followed by `": {` (the quote before it is checked apart). */
const SECTION_KEY_TAIL = /(?:AzureAd|AzureAdB2C|MicrosoftEntraID)"\s*:\s*\{/gi;

/**
 * A `"AzureAd": {` key (any case, as .NET binds it). The regex starts at the name, not the quote: in JSON
 * every other character is a quote, and a pattern starting with one tries the names at each of them (a
 * 100 KB file took 110 µs instead of 15; every JSON file the formats before this one pass on is sniffed).
 */
function hasSectionKey(text: string): boolean {
  SECTION_KEY_TAIL.lastIndex = 0;
  for (let match = SECTION_KEY_TAIL.exec(text); match; match = SECTION_KEY_TAIL.exec(text)) {
    if (text.charCodeAt(match.index - 1) === 34) return true;
  }
  return false;
}

export const dotnetAppSettingsFormat = defineFormat({
  id: 'dotnet-appsettings',
  title: '.NET (Microsoft.Identity.Web, MAUI)',
  files: '`appsettings*.json`',
  reads: '`AzureAd` / `AzureAdB2C` / `MicrosoftEntraID`: `Instance`, `TenantId`, `ClientId`, `ClientSecret`, `CallbackPath`, MAUI redirect keys',
  globs: ['**/appsettings*.json'],
  markers: ['**/appsettings*.json'],
  comments: SLASH_COMMENTS,
  literal: 'json',
  languageIds: ['json', 'jsonc'],
  untitled: [
    { languageId: 'json', name: 'appsettings.json', hint: /"(AzureAd|AzureAdB2C|MicrosoftIdentityPlatform)"\s*:/i },
    { languageId: 'jsonc', name: 'appsettings.json', hint: /"(AzureAd|AzureAdB2C)"\s*:/i },
  ],
  byName: (path) => {
    if (!/\.json$/i.test(path)) return 'no';
    return /(^|[._-])appsettings([._-][^/\\]*)?\.json$/i.test(lowerBaseName(path)) ? 'yes' : 'sniff';
  },
  // PascalCase keys are the .NET convention; camelCase `clientId` belongs to JavaScript configs.
  sniff: (text) => hasSectionKey(text) || (text.includes('"ClientId"') && /"(Instance|TenantId|RedirectUri|CallbackPath)"/i.test(text)),
  parse(path, text) {
    const parsed = emptyParsed(path, 'dotnet-appsettings', text);
    const root = readJsonInto(parsed, text);
    for (const node of walk(root)) {
      if (node.type === 'object' && isIdentitySection(node)) parsed.configs.push(readSection(node));
    }
    return parsed;
  },
});

function keyOf(node: Node): string | undefined {
  const key = node.parent?.type === 'property' ? node.parent.children?.[0]?.value : undefined;
  return typeof key === 'string' ? key : undefined;
}

function isIdentitySection(node: Node): boolean {
  const name = keyOf(node)?.toLowerCase();
  if (name && SECTION_NAMES.includes(name)) return true;
  return prop(node, 'ClientId', true) !== undefined && COMPANION_KEYS.some((k) => prop(node, k, true) !== undefined);
}

function get(section: Node, key: string): Located<string> | undefined {
  return str(prop(section, key, true));
}

function readSection(section: Node): AuthConfig {
  const callback = get(section, 'CallbackPath');
  const signedOut = get(section, 'SignedOutCallbackPath');
  const publicRedirect = get(section, 'RedirectUri');
  const android = get(section, 'AndroidRedirectUri');
  const ios = get(section, 'iOSRedirectUri');
  // A web app (Microsoft.Identity.Web) names callback paths; a public client (MSAL.NET, MAUI) names redirect URIs.
  const isPublicClient = !callback && !signedOut && !!(publicRedirect || android || ios);
  const platform: Platform = isPublicClient ? 'publicClient' : 'web';
  const config: AuthConfig = {
    kind: 'config',
    library: isPublicClient ? 'msal-dotnet' : 'ms-identity-web',
    platform,
    clientId: get(section, 'ClientId'),
    authority: get(section, 'Authority'),
    tenant: get(section, 'TenantId'),
    instance: get(section, 'Instance'),
    clientSecret: get(section, 'ClientSecret') ?? credentialSecret(section),
    redirectUris: [],
    range: nodeRange(section),
  };
  // Callback paths are relative: the host comes from the request at run time.
  if (callback) config.redirectUris.push(redirectUri(callback.value, callback.range, 'web', 'redirect', { partial: isRelative(callback.value) }));
  if (signedOut) config.redirectUris.push(redirectUri(signedOut.value, signedOut.range, 'web', 'postLogout', { partial: isRelative(signedOut.value) }));
  if (publicRedirect) config.redirectUris.push(redirectUri(publicRedirect.value, publicRedirect.range, isPublicClient ? 'publicClient' : 'web', 'redirect'));
  if (android) config.redirectUris.push(redirectUri(android.value, android.range, 'android', 'redirect'));
  if (ios) config.redirectUris.push(redirectUri(ios.value, ios.range, 'ios', 'redirect'));
  const postLogout = get(section, 'PostLogoutRedirectUri');
  if (postLogout) config.redirectUris.push(redirectUri(postLogout.value, postLogout.range, platform, 'postLogout'));
  return config;
}

function isRelative(value: string): boolean {
  return !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value.trim());
}

/** `ClientCredentials: [{ "SourceType": "ClientSecret", "ClientSecret": "..." }]` (Microsoft.Identity.Web 2+). */
function credentialSecret(section: Node): Located<string> | undefined {
  const list = prop(section, 'ClientCredentials', true);
  if (list?.type !== 'array') return undefined;
  for (const entry of list.children ?? []) {
    if (get(entry, 'SourceType')?.value.toLowerCase() !== 'clientsecret') continue;
    const secret = get(entry, 'ClientSecret');
    if (secret) return secret;
  }
  return undefined;
}
