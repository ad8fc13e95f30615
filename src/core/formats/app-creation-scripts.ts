import type { Node } from 'jsonc-parser';
import type { AppRegistration, AuthConfig, Library, Located, Platform, Range, RedirectUri } from '../model';
import { GUID } from '../entra/uri';
import { readJsonInto, redirectUri } from './config-util';
import { bool, nodeRange, prop, str } from '../parsing/json-util';
import { emptyParsed, defineFormat } from './types';

// Azure-Samples AppCreationScripts: `sample.json` (AADApps[] with a comma-separated ReplyUrls string,
// CodeConfiguration mappings) and `apps.json` (AppRegistrations[] with replyUrlsWithType and
// codeConfigurations[].replaceTokens). The registration side becomes AppRegistrations; the values the
// scripts write into the app's own config files become AuthConfigs.

export const appCreationScriptsFormat = defineFormat({
  id: 'app-creation-scripts',
  title: 'AppCreationScripts',
  files: '`AppCreationScripts/sample.json`, `apps.json`',
  reads: '`AADApps[].ReplyUrls` (one comma-separated string, each URI with its own range), `Kind`, `Audience`, `replyUrlsWithType`',
  globs: ['**/AppCreationScripts/*.json', '**/apps.json'],
  markers: ['**/AppCreationScripts/sample.json'],
  literal: 'json',
  languageIds: ['json'],
  byName: (path) => (/\.json$/i.test(path) ? 'sniff' : 'no'),
  sniff: (text) => text.includes('"AADApps"') || text.includes('"AppRegistrations"'),
  parse(path, text) {
    const parsed = emptyParsed(path, 'app-creation-scripts', text);
    const root = readJsonInto(parsed, text);
    if (root?.type !== 'object') return parsed;
    const sampleClient = str(prop(prop(root, 'Sample'), 'Client'))?.value ?? '';
    for (const app of objects(prop(root, 'AADApps'))) {
      const registration = readSampleApp(app, text);
      parsed.registrations.push(registration);
    }
    for (const entry of objects(prop(root, 'CodeConfiguration'))) {
      const config = readSampleMappings(entry, root);
      if (config) parsed.configs.push(config);
    }
    for (const app of objects(prop(root, 'AppRegistrations'))) {
      const registration = readAppsJsonRegistration(app);
      parsed.registrations.push(registration);
      for (const entry of objects(prop(app, 'codeConfigurations'))) {
        const config = readReplaceTokens(entry, registration, sampleClient);
        if (config) parsed.configs.push(config);
      }
    }
    return parsed;
  },
});

function objects(list: Node | undefined): Node[] {
  return list?.type === 'array' ? (list.children ?? []).filter((n) => n.type === 'object') : [];
}

/** sample.json `Kind` → the platform its reply URLs are registered under. */
export function platformOfKind(kind: string | undefined): 'web' | 'spa' | 'publicClient' {
  const k = (kind ?? '').toLowerCase().replace(/[\s_-]/g, '');
  if (k === 'singlepageapplication' || k === 'spa') return 'spa';
  if (/^(desktop|mobile|native|publicclient|installedclient|android|ios|console|xamarin|maui|uwp|wpf|winforms)/.test(k)) return 'publicClient';
  return 'web';
}

function guidOnly(node: Node | undefined): AppRegistration['appId'] {
  const id = str(node);
  return id && GUID.test(id.value.trim()) ? id : undefined;
}

function readSampleApp(app: Node, text: string): AppRegistration {
  const platform = platformOfKind(str(prop(app, 'Kind'))?.value);
  const registration: AppRegistration = {
    kind: 'registration',
    appId: guidOnly(prop(app, 'AppId') ?? prop(app, 'Id')),
    displayName: str(prop(app, 'Name'))?.value,
    signInAudience: str(prop(app, 'Audience')),
    redirectUris: [],
    range: nodeRange(app),
  };
  if (platform === 'publicClient') registration.allowPublicClient = bool(prop(app, 'AllowPublicClient'));
  const replyUrls = prop(app, 'ReplyUrls');
  if (replyUrls?.type === 'string') registration.redirectUris = splitReplyUrls(replyUrls, text, platform);
  else if (replyUrls?.type === 'array') {
    for (const item of replyUrls.children ?? []) {
      const url = str(item);
      if (url) registration.redirectUris.push(redirectUri(url.value, url.range, platform, 'redirect'));
    }
  }
  const logout = str(prop(app, 'LogoutUrl'));
  if (logout) registration.redirectUris.push(redirectUri(logout.value, logout.range, platform, 'postLogout'));
  // "UsesDefaultMsalRedirectUri": true makes the scripts register msal{AppId}://auth; the finding sits on `true`.
  const usesDefault = bool(
    prop(prop(app, 'DefaultDesktopAndMobileRedirectUriSettings'), 'UsesDefaultMsalRedirectUri') ?? prop(app, 'UsesDefaultMsalRedirectUri'),
  );
  if (usesDefault?.value) {
    const value = registration.appId ? `msal${registration.appId.value.trim()}://auth` : 'msal{AppId}://auth';
    registration.redirectUris.push(redirectUri(value, usesDefault.range, 'publicClient', 'redirect'));
  }
  return registration;
}

/**
 * `ReplyUrls` is one JSON string of comma-separated URIs; each gets the range of its own characters.
 * The split runs over the raw string text so that escapes (`\/`) keep the offsets right.
 */
function splitReplyUrls(node: Node, text: string, platform: Platform): RedirectUri[] {
  const start = node.offset + 1;
  const raw = text.slice(start, node.offset + node.length - 1);
  const result: RedirectUri[] = [];
  let pieceStart = 0;
  for (let i = 0; i <= raw.length; i++) {
    if (i < raw.length && raw[i] !== ',') continue;
    const piece = raw.slice(pieceStart, i);
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (trimmed) {
      const range: Range = { start: start + pieceStart + lead, end: start + pieceStart + lead + trimmed.length };
      result.push(redirectUri(unescapeJson(trimmed), range, platform, 'redirect'));
    }
    pieceStart = i + 1;
  }
  return result;
}

function unescapeJson(raw: string): string {
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** A sample.json CodeConfiguration entry whose mapping writes a literal redirect URI into a config file. */
function readSampleMappings(entry: Node, root: Node): AuthConfig | undefined {
  // Most mappings write an app id or a setting: the app, its platform and the target file are looked up
  // only for an entry that writes a redirect URI.
  let literals: Located<string>[] | undefined;
  const mappings = prop(entry, 'Mappings');
  const count = mappings?.type === 'array' ? (mappings.children?.length ?? 0) : 0;
  for (let k = 0; k < count; k++) {
    const mapping = mappings!.children![k];
    if (mapping.type !== 'object') continue;
    const key = stringOf(prop(mapping, 'key')) ?? '';
    if (!/redirect|reply/i.test(key)) continue;
    const value = str(prop(mapping, 'value'));
    if (!value) continue;
    // Mapping values are PowerShell expressions; only a quoted literal URI is statically known.
    const literal = /^'([^']*)'$/.exec(value.value.trim());
    if (!literal || !literal[1].includes('://')) continue;
    const offset = value.value.indexOf(literal[1]);
    (literals ??= []).push({ value: literal[1], range: { start: value.range.start + offset, end: value.range.start + offset + literal[1].length } });
  }
  if (!literals) return undefined;
  const appRef = stringOf(prop(entry, 'App'));
  const app = objects(prop(root, 'AADApps')).find((a) => stringOf(prop(a, 'Id')) === appRef);
  const platform = platformOfKind(stringOf(prop(app, 'Kind')));
  const config = emptyConfig(entry, stringOf(prop(entry, 'SettingFile')) ?? '', platform);
  for (const literal of literals) config.redirectUris.push(redirectUri(literal.value, literal.range, config.platform, 'redirect'));
  return config;
}

/** A string node's value (what `str(node)?.value` is, without its range). */
function stringOf(node: Node | undefined): string | undefined {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

function readAppsJsonRegistration(app: Node): AppRegistration {
  const registration: AppRegistration = {
    kind: 'registration',
    appId: guidOnly(prop(app, 'appId')),
    displayName: str(prop(app, 'x-ms-name') ?? prop(app, 'displayName'))?.value,
    signInAudience: str(prop(app, 'signInAudience')),
    allowPublicClient: bool(prop(app, 'allowPublicClient') ?? prop(app, 'isFallbackPublicClient')),
    implicitAccessToken: bool(prop(app, 'oauth2AllowImplicitFlow')),
    implicitIdToken: bool(prop(app, 'oauth2AllowIdTokenImplicitFlow')),
    redirectUris: [],
    redirectLists: {},
    range: nodeRange(app),
  };
  const typed = prop(app, 'replyUrlsWithType');
  for (const entry of objects(typed)) {
    const url = str(prop(entry, 'url'));
    if (!url) continue;
    const type = (str(prop(entry, 'type'))?.value ?? 'web').toLowerCase();
    const platform = type === 'installedclient' ? 'publicClient' : type === 'spa' ? 'spa' : 'web';
    registration.redirectUris.push(redirectUri(url.value, url.range, platform, 'redirect'));
  }
  // Newer apps.json files use the Microsoft Graph shape.
  for (const platform of ['web', 'spa', 'publicClient'] as const) {
    const list = prop(prop(app, platform), 'redirectUris');
    if (list?.type !== 'array') continue;
    registration.redirectLists![platform] = nodeRange(list);
    for (const item of list.children ?? []) {
      const url = str(item);
      if (url) registration.redirectUris.push(redirectUri(url.value, url.range, platform, 'redirect'));
    }
  }
  return registration;
}

/** The platform and library of the file a codeConfiguration writes into, from its path. */
function targetOf(settingFile: string, fallback: Platform, sampleClient: string): { platform: Platform; library: Library } {
  const file = settingFile.replace(/\\/g, '/').toLowerCase();
  if (file.includes('/res/raw/') || file.endsWith('androidmanifest.xml') || /\.(java|kt)$/.test(file)) return { platform: 'android', library: 'msal-android' };
  if (/(\.swift|\.m|info\.plist|\.pbxproj)$/.test(file)) return { platform: 'ios', library: 'msal-ios' };
  if (/\.cs$|appsettings[^/]*\.json$/.test(file)) return { platform: fallback, library: 'msal-dotnet' };
  if (/electron|desktop/i.test(sampleClient)) return { platform: 'publicClient', library: 'msal-node' };
  return { platform: fallback, library: 'unknown' };
}

function emptyConfig(entry: Node, settingFile: string, fallback: Platform, sampleClient = ''): AuthConfig {
  const { platform, library } = targetOf(settingFile, fallback, sampleClient);
  // The script writes these values into the sample's files: the placeholders it replaces are by design.
  return { kind: 'config', library, platform, redirectUris: [], range: nodeRange(entry), template: true };
}

function readReplaceTokens(entry: Node, registration: AppRegistration, sampleClient: string): AuthConfig | undefined {
  const tokens = prop(entry, 'replaceTokens');
  if (tokens?.type !== 'object') return undefined;
  const settingFile = str(prop(entry, 'settingFile'))?.value ?? '';
  const fallback: Platform = registration.redirectUris.find((u) => u.platform === 'publicClient')
    ? 'publicClient'
    : (registration.redirectUris[0]?.platform ?? 'unknown');
  const config = emptyConfig(entry, settingFile, fallback, sampleClient);
  const redirect = str(prop(tokens, 'redirectUri'));
  const appId = str(prop(tokens, 'appId') ?? prop(tokens, 'clientId'));
  if (!redirect && !(appId && GUID.test(appId.value.trim()))) return undefined;
  if (redirect) config.redirectUris.push(redirectUri(redirect.value, redirect.range, config.platform, 'redirect'));
  config.clientId = appId;
  config.tenant = str(prop(tokens, 'tenantId'));
  config.instance = str(prop(tokens, 'authorityEndpointHost'));
  return config;
}
