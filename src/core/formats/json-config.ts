import type { Node } from 'jsonc-parser';
import type { AuthConfig, Library, Platform } from '../model';
import { readJsonInto, redirectUri } from './config-util';
import { nodeRange, prop, str, strings, walk } from '../parsing/json-util';
import { emptyParsed, defineFormat, SLASH_COMMENTS } from './types';
import { lowerBaseName } from '../io/paths';

// Generic MSAL JSON configs no other JSON format claims, e.g. an Electron msal-node config
// (authOptions.clientId, request.authCodeUrlParameters.redirectUri, customProtocol.name). It must be the
// last format: it only sniffs for an MSAL-ish client id key next to a redirect or authority key.

// Tool files that can never hold an MSAL config are not even read.
const TOOL_FILES = /^(package(-lock)?\.json|tsconfig.*\.json|jsconfig.*\.json|composer\.json|launch\.json|tasks\.json|\.eslintrc.*)$/;

const CLIENT_ID_KEYS = ['clientId', 'client_id', 'clientID'];
const REDIRECT_KEYS = ['redirectUri', 'redirect_uri', 'redirectURI', 'redirectUrl', 'replyUrl'];
// `secret` is the MSAL Python samples' key (parameters.json); the file already passed the MSAL sniff.
const SECRET_KEYS = ['clientSecret', 'client_secret', 'secret'];
const POST_LOGOUT_KEYS = ['postLogoutRedirectUri', 'post_logout_redirect_uri', 'postLogoutRedirectURI'];

export const jsonConfigFormat = defineFormat({
  id: 'json-config',
  title: 'Generic MSAL JSON config',
  files: 'other `*.json` with MSAL keys',
  reads: '`clientId`, `redirectUri` (any depth), Electron `customProtocol.name`',
  globs: ['**/*.json', '**/*.jsonc'],
  markers: ['**/auth_config*.json', '**/msal_config*.json'],
  comments: (path) => (/\.jsonc$/i.test(path) ? SLASH_COMMENTS : undefined),
  literal: 'json',
  languageIds: ['json', 'jsonc'],
  untitled: [
    { languageId: 'json', name: 'untitled.json' },
    { languageId: 'jsonc', name: 'untitled.json' },
  ],
  byName: (path) => (/\.jsonc?$/i.test(path) && !TOOL_FILES.test(lowerBaseName(path)) ? 'sniff' : 'no'),
  sniff: (text) =>
    /"(clientId|client_id|clientID)"\s*:/.test(text) &&
    /"(redirectUri|redirect_uri|redirectURI|redirectUrl|postLogoutRedirectUri|authority|customProtocol)"\s*:/.test(text),
  parse(path, text) {
    const parsed = emptyParsed(path, 'json-config', text);
    const root = readJsonInto(parsed, text);
    if (root) {
      const config = readConfig(root);
      if (config) parsed.configs.push(config);
    }
    return parsed;
  },
});

/** The property key of a value node (undefined for key nodes themselves and array items). */
function keyOf(node: Node): string | undefined {
  const key = node.parent?.type === 'property' && node.parent.children?.[1] === node ? node.parent.children[0]?.value : undefined;
  return typeof key === 'string' ? key : undefined;
}

/** Reads every MSAL key of the file into one config (the first client id and authority win). */
function readConfig(root: Node): AuthConfig | undefined {
  const electron = prop(root, 'customProtocol') !== undefined;
  let msalNode = electron;
  const config: AuthConfig = { kind: 'config', library: 'unknown', platform: 'unknown', redirectUris: [], range: nodeRange(root) };
  for (const node of walk(root)) {
    const key = keyOf(node);
    if (!key) continue;
    if (key === 'authCodeUrlParameters' || key === 'authCodeRequest') msalNode = true;
    const value = str(node);
    if (CLIENT_ID_KEYS.includes(key)) config.clientId ??= value;
    else if (key === 'authority') config.authority ??= value;
    else if (key === 'knownAuthorities' && node.type === 'array')
      config.knownAuthorities ??= { value: strings(node).map((s) => s.value), range: nodeRange(node) };
    else if (SECRET_KEYS.includes(key)) config.clientSecret ??= value;
    else if (key === 'responseType' || key === 'response_type') config.responseType ??= value;
    else if (value && REDIRECT_KEYS.includes(key)) config.redirectUris.push(redirectUri(value.value, value.range, 'unknown', 'redirect'));
    else if (value && POST_LOGOUT_KEYS.includes(key)) config.redirectUris.push(redirectUri(value.value, value.range, 'unknown', 'postLogout'));
  }
  // An Electron app registers `customProtocol.name` as its URL scheme and receives `<name>://auth`.
  const protocol = str(prop(prop(root, 'customProtocol'), 'name'));
  if (protocol?.value.trim()) {
    const scheme = protocol.value.trim();
    config.redirectUris.push(redirectUri(`${scheme}://auth`, protocol.range, 'unknown', 'scheme', { implied: true, raw: protocol.value }));
  }
  if (!config.clientId && !config.redirectUris.length) return undefined;
  const library: Library = electron ? 'electron' : msalNode ? 'msal-node' : 'unknown';
  // msal-node alone may be a confidential web app; only the Electron protocol shows a desktop client.
  const platform: Platform = electron ? 'publicClient' : 'unknown';
  config.library = library;
  config.platform = platform;
  for (const uri of config.redirectUris) uri.platform = platform;
  return config;
}
