import type { Node } from 'jsonc-parser';
import type { AppRegistration, ParsedFile, Platform, Range, RedirectUri } from '../model';
import { bool, nodeRange, parseJson, prop, str, strings } from '../parsing/json-util';
import { emptyParsed, defineFormat } from './types';

// App registration manifests as the Entra portal exports them: the Microsoft Graph format
// (web/spa/publicClient.redirectUris) and the legacy Azure AD Graph format (replyUrlsWithType).

const isJson = (path: string) => (/\.json$/i.test(path) ? 'sniff' : 'no');

export const graphManifestFormat = defineFormat({
  id: 'graph-manifest',
  title: 'Microsoft Graph app manifest',
  files: '`*.json` with `web`/`spa`/`publicClient.redirectUris`',
  reads: '`appId`, `signInAudience`, `isFallbackPublicClient`, redirect URIs per platform, `web.implicitGrantSettings`',
  globs: ['**/*.json'],
  markers: ['**/app-registration*.json'],
  literal: 'json',
  languageIds: ['json'],
  byName: isJson,
  sniff: (text) =>
    !text.includes('"replyUrlsWithType"') &&
    (text.includes('"implicitGrantSettings"') || (text.includes('"redirectUris"') && (text.includes('"signInAudience"') || text.includes('"appId"')))),
  parse: (path, text) => parseManifest(path, text, 'graph-manifest', readGraph),
});

export const aadManifestFormat = defineFormat({
  id: 'aad-manifest',
  title: 'Azure AD Graph (legacy) manifest',
  files: '`*.json` with `replyUrlsWithType`',
  reads: '`replyUrlsWithType` (`Web`, `Spa`, `InstalledClient`), `replyUrls`, `allowPublicClient`, `oauth2Allow*ImplicitFlow`',
  globs: ['**/*.json'],
  markers: ['**/*manifest*.json'],
  literal: 'json',
  languageIds: ['json'],
  byName: isJson,
  sniff: (text) => text.includes('"replyUrlsWithType"') || (text.includes('"replyUrls"') && text.includes('"appId"')),
  parse: (path, text) => parseManifest(path, text, 'aad-manifest', readAad),
});

/** Both formats: the same JSON reading, one registration per app object, each read by its format's reader. */
function parseManifest(path: string, text: string, format: 'graph-manifest' | 'aad-manifest', readApp: (app: Node) => AppRegistration): ParsedFile {
  const parsed = emptyParsed(path, format, text);
  const { root, problems } = parseJson(text);
  parsed.problems.push(...problems);
  for (const app of manifestObjects(root)) {
    const registration = readApp(app);
    // A portal manifest is the whole registration: no list means no redirect URIs of that platform.
    registration.redirectsComplete = true;
    registration.manifestSchema = format === 'graph-manifest' ? 'graph' : 'aad-graph';
    parsed.registrations.push(registration);
  }
  return parsed;
}

/** A manifest file holds one app object, or (in some exports) an array of them or a `value` list. */
function manifestObjects(root: Node | undefined): Node[] {
  if (!root) return [];
  if (root.type === 'array') return (root.children ?? []).filter((n) => n.type === 'object');
  const list = prop(root, 'value');
  if (list?.type === 'array') return (list.children ?? []).filter((n) => n.type === 'object');
  return root.type === 'object' ? [root] : [];
}

function registrationBase(app: Node): AppRegistration {
  return {
    kind: 'registration',
    appId: str(prop(app, 'appId')),
    displayName: str(prop(app, 'displayName') ?? prop(app, 'name'))?.value,
    signInAudience: str(prop(app, 'signInAudience')),
    homeTenant: str(prop(app, 'publisherDomain')),
    redirectUris: [],
    redirectLists: {},
    range: nodeRange(app),
  };
}

function readGraph(app: Node): AppRegistration {
  const reg = registrationBase(app);
  reg.allowPublicClient = bool(prop(app, 'isFallbackPublicClient'));
  const web = prop(app, 'web');
  const implicit = prop(web, 'implicitGrantSettings');
  reg.implicitAccessToken = bool(prop(implicit, 'enableAccessTokenIssuance'));
  reg.implicitIdToken = bool(prop(implicit, 'enableIdTokenIssuance'));
  for (const platform of ['web', 'spa', 'publicClient'] as const) {
    const list = prop(prop(app, platform), 'redirectUris');
    if (list?.type !== 'array') continue;
    reg.redirectLists![platform] = nodeRange(list);
    for (const uri of strings(list)) reg.redirectUris.push(registered(uri.value, uri.range, platform));
  }
  return reg;
}

const AAD_TYPES: Record<string, 'web' | 'spa' | 'publicClient'> = { web: 'web', spa: 'spa', installedclient: 'publicClient' };

function readAad(app: Node): AppRegistration {
  const reg = registrationBase(app);
  reg.allowPublicClient = bool(prop(app, 'allowPublicClient') ?? prop(app, 'publicClient'));
  reg.implicitAccessToken = bool(prop(app, 'oauth2AllowImplicitFlow'));
  reg.implicitIdToken = bool(prop(app, 'oauth2AllowIdTokenImplicitFlow'));
  const typed = prop(app, 'replyUrlsWithType');
  if (typed?.type === 'array') {
    for (const entry of typed.children ?? []) {
      const url = str(prop(entry, 'url'));
      if (!url) continue;
      const type = str(prop(entry, 'type'))?.value.toLowerCase() ?? 'web';
      reg.redirectUris.push(registered(url.value, url.range, AAD_TYPES[type] ?? 'web'));
    }
  }
  const legacy = prop(app, 'replyUrls');
  if (legacy?.type === 'array') {
    // replyUrls carries no type; a public client app's URLs count as public client ones.
    const platform: Platform = reg.allowPublicClient?.value ? 'publicClient' : 'web';
    for (const uri of strings(legacy)) reg.redirectUris.push(registered(uri.value, uri.range, platform));
  }
  return reg;
}

function registered(value: string, range: Range, platform: Platform): RedirectUri {
  return { value, range, platform, role: 'redirect', partial: /\$\{\{|\{\{/.test(value) || undefined };
}
