import type { Node } from 'jsonc-parser';
import type { AppRegistration, Located, Range, RedirectUri } from '../model';
import { GUID } from '../entra/uri';
import { parseJson } from '../parsing/json-util';
import {
  boolOf,
  entryOf,
  itemsOf,
  knownText,
  literalText,
  mapValue,
  renderText,
  renderedLength,
  sourceRange,
  splitText,
  textValue,
  trimText,
  unknownValue,
  type ScriptText,
  type ScriptValue,
} from './script-values';

// What registration scripts do to app registrations, whatever language they are written in: the az CLI
// (`az ad app create|update`, `az rest` against Graph), the CLI for Microsoft 365 (`m365 entra app
// add|set`), and Graph-shaped application objects (Microsoft Graph PowerShell parameters and
// -BodyParameter, `az rest --body`). Each command becomes an operation on one app; the operations of a
// file are merged per app (a create, then updates of the same variable or id) into AppRegistrations.
//
// Facts: az `ad app` arguments from Azure/azure-cli role/_params.py (space-separated `nargs='+'` lists,
// three-state flags that may stand alone, no SPA flag); m365 from pnp/cli-microsoft365 docs and
// src/utils/entraApp.ts (comma-separated `--redirectUris` for one `--platform`; `set` adds URIs).

export type ListPlatform = 'web' | 'spa' | 'publicClient';
/** `unknown`: a list with no platform type (AzureAD `-ReplyUrls`, legacy az `--reply-urls`). */
export type OpPlatform = ListPlatform | 'unknown';

export interface RedirectList {
  platform: OpPlatform;
  /** `replace`: the command sets the platform's whole list (Graph PATCH, az update); `add`: it appends. */
  mode: 'replace' | 'add';
  items: ScriptText[];
  postLogout?: boolean;
}

/** One command's effect on one app registration. */
export interface RegistrationOp {
  /** Creates the app (every platform list starts empty) rather than updating one made elsewhere. */
  create: boolean;
  /**
   * Names the app across the commands of a file: the variable a created app is kept in, or the id or
   * variable an update targets (lower case). Absent: an app of its own.
   */
  key?: string;
  /** Where the command is (the registration's range). */
  range: Range;
  appId?: Located<string>;
  displayName?: string;
  signInAudience?: Located<string>;
  allowPublicClient?: Located<boolean>;
  implicitIdToken?: Located<boolean>;
  implicitAccessToken?: Located<boolean>;
  lists: RedirectList[];
}

export function newOp(create: boolean, range: Range, key?: string): RegistrationOp {
  return { create, range, key, lists: [] };
}

/** Whether an operation says anything a rule reads (an update that only sets API permissions does not). */
function carriesFacts(op: RegistrationOp): boolean {
  return (
    op.create ||
    op.lists.length > 0 ||
    op.signInAudience !== undefined ||
    op.allowPublicClient !== undefined ||
    op.implicitIdToken !== undefined ||
    op.implicitAccessToken !== undefined
  );
}

interface Draft {
  registration: AppRegistration;
  lists: Map<OpPlatform, RedirectUri[]>;
  /** Platforms whose full list the file shows. */
  complete: Set<ListPlatform>;
}

const ALL_PLATFORMS: ListPlatform[] = ['web', 'spa', 'publicClient'];

/** Merges the operations of one file, in order, into app registrations. */
export class RegistrationBuilder {
  private readonly drafts: Draft[] = [];
  /** The draft each key (and each client id) names now. */
  private readonly byKey = new Map<string, Draft>();
  private readonly byAppId = new Map<string, Draft>();
  private readonly appIds = new Map<string, Located<string>>();

  /** The app a key names has this client id (`az ad app show --id <appId>`, `Get-MgApplication -Filter "appId eq …"`). */
  noteAppId(key: string, appId: Located<string>): void {
    this.appIds.set(key, appId);
  }

  apply(op: RegistrationOp): void {
    if (!carriesFacts(op)) return;
    if (!op.appId && op.key) op.appId = this.appIds.get(op.key);
    const draft = this.draftFor(op);
    const r = draft.registration;
    if (op.appId) r.appId = op.appId;
    if (op.displayName !== undefined) r.displayName = op.displayName;
    if (op.signInAudience) r.signInAudience = op.signInAudience;
    if (op.allowPublicClient) r.allowPublicClient = op.allowPublicClient;
    if (op.implicitIdToken) r.implicitIdToken = op.implicitIdToken;
    if (op.implicitAccessToken) r.implicitAccessToken = op.implicitAccessToken;
    r.range = { start: Math.min(r.range.start, op.range.start), end: Math.max(r.range.end, op.range.end) };
    for (const list of op.lists) {
      const uris: RedirectUri[] = [];
      let schemeUnknown = false;
      for (const item of list.items) {
        const uri = redirectOf(item, list.platform, list.postLogout);
        if (uri === 'scheme-unknown') schemeUnknown = true;
        else if (uri) uris.push(uri);
      }
      const previous = draft.lists.get(list.platform) ?? [];
      // A post-logout URL sits beside a platform's redirect list; setting it replaces only itself.
      const kept = list.mode === 'replace' ? previous.filter((u) => (u.role === 'postLogout') !== !!list.postLogout) : previous;
      draft.lists.set(list.platform, [...kept, ...uris]);
      if (list.platform !== 'unknown' && !list.postLogout) {
        if (list.mode === 'replace' && !schemeUnknown) draft.complete.add(list.platform);
        if (schemeUnknown) draft.complete.delete(list.platform);
      }
      if (list.platform === 'unknown' && schemeUnknown) draft.complete.clear();
    }
  }

  build(): AppRegistration[] {
    return this.drafts.map((draft) => {
      const r = draft.registration;
      r.redirectUris = [];
      for (const uris of draft.lists.values()) for (const uri of uris) r.redirectUris.push(uri);
      const complete = ALL_PLATFORMS.filter((p) => draft.complete.has(p));
      if (complete.length < ALL_PLATFORMS.length) r.redirectPlatforms = complete;
      return r;
    });
  }

  private draftFor(op: RegistrationOp): Draft {
    const appId = op.appId?.value.toLowerCase();
    const existing = op.create ? undefined : ((op.key !== undefined ? this.byKey.get(op.key) : undefined) ?? (appId ? this.byAppId.get(appId) : undefined));
    if (existing) {
      if (appId && !this.byAppId.has(appId)) this.byAppId.set(appId, existing);
      return existing;
    }
    const draft: Draft = {
      registration: { kind: 'registration', redirectUris: [], range: { ...op.range } },
      lists: new Map(),
      complete: new Set(op.create ? ALL_PLATFORMS : []),
    };
    // A second create under the same variable (an if/else) is its own app; later updates go to the last one.
    if (op.key !== undefined) this.byKey.set(op.key, draft);
    if (appId) this.byAppId.set(appId, draft);
    this.drafts.push(draft);
    return draft;
  }
}

/**
 * A redirect URI from a script value: partial when a part is only known at run time. A value whose
 * scheme itself is unknown (`$SCHEME://auth`) cannot be judged at all: it is left out, and the caller
 * marks its list as not fully known.
 */
function redirectOf(item: ScriptText, platform: OpPlatform, postLogout = false): RedirectUri | 'scheme-unknown' | undefined {
  const text = trimText(item);
  if (!text.pieces.length) return undefined;
  const { value, partial, unknownStart } = renderText(text);
  if (!value) return undefined;
  if (unknownStart) {
    const first = text.pieces[0];
    const after = value.slice(renderedLength(first));
    if (/^[A-Za-z0-9+.-]*:/.test(after)) return 'scheme-unknown';
  }
  const uri: RedirectUri = {
    value,
    range: tightRange(text),
    platform,
    role: postLogout ? 'postLogout' : 'redirect',
  };
  if (partial) uri.partial = true;
  return uri;
}

/**
 * Where a value is fixed in the file: its own characters when they are all written in one place (inside
 * the string, or all at the variable's definition), else where the value is put together.
 */
export function tightRange(text: ScriptText): Range {
  if (!text.pieces.length) return text.range;
  let start = Infinity;
  let end = -Infinity;
  let local = false;
  for (const piece of text.pieces) {
    start = Math.min(start, piece.range.start);
    end = Math.max(end, piece.range.end);
    if (piece.range.start >= text.range.start && piece.range.end <= text.range.end) local = true;
  }
  if (start >= text.range.start && end <= text.range.end) return { start, end };
  return local ? text.range : { start, end };
}

/** A GUID text as an app id (a default counts: it names the app the script is written for). */
export function appIdOf(text: ScriptText | undefined): Located<string> | undefined {
  const value = knownText(text, true)?.trim();
  if (!text || !value || !GUID.test(value)) return undefined;
  return { value, range: tightRange(trimText(text)) };
}

function locatedText(value: ScriptValue | undefined): Located<string> | undefined {
  if (value?.kind !== 'text') return undefined;
  const known = knownText(value.text)?.trim();
  return known ? { value: known, range: trimText(value.text).range } : undefined;
}

function listItems(value: ScriptValue | undefined): ScriptText[] {
  const items: ScriptText[] = [];
  for (const item of itemsOf(value)) {
    if (item.kind === 'text') items.push(item.text);
    else if (item.kind === 'list') items.push(...listItems(item));
    else if (item.kind === 'unknown') items.push({ pieces: [{ hole: '(unknown)', range: item.range }], range: item.range });
  }
  return items;
}

// --- Graph-shaped application objects ------------------------------------------------------------

/**
 * Reads a Microsoft Graph `application` object (a PowerShell hashtable or a JSON body) into `op`: the
 * platform objects replace their lists, as a PATCH does. Keys are compared case-insensitively.
 */
export function readGraphApplication(app: ScriptValue, op: RegistrationOp): void {
  if (app.kind !== 'map') return;
  const displayName = locatedText(entryOf(app, 'displayName'));
  if (displayName) op.displayName = displayName.value;
  const audience = locatedText(entryOf(app, 'signInAudience'));
  if (audience) op.signInAudience = audience;
  const fallback = boolOf(entryOf(app, 'isFallbackPublicClient'));
  if (fallback) op.allowPublicClient = fallback;
  const appId = entryOf(app, 'appId');
  if (appId?.kind === 'text') op.appId ??= appIdOf(appId.text);
  for (const [key, platform] of [
    ['web', 'web'],
    ['spa', 'spa'],
    ['publicClient', 'publicClient'],
  ] as const) {
    readPlatformObject(entryOf(app, key), platform, op);
  }
}

/** A `-Web` / `-Spa` / `-PublicClient` object (or the body's `web`, `spa`, `publicClient`). */
export function readPlatformObject(value: ScriptValue | undefined, platform: ListPlatform, op: RegistrationOp): void {
  if (!value || value.kind !== 'map') return;
  const uris = entryOf(value, 'redirectUris');
  if (uris) op.lists.push({ platform, mode: 'replace', items: listItems(uris) });
  if (platform !== 'web') return;
  const logout = entryOf(value, 'logoutUrl');
  if (logout) op.lists.push({ platform, mode: 'replace', items: listItems(logout), postLogout: true });
  const implicit = entryOf(value, 'implicitGrantSettings');
  const idToken = boolOf(entryOf(implicit, 'enableIdTokenIssuance'));
  const accessToken = boolOf(entryOf(implicit, 'enableAccessTokenIssuance'));
  if (idToken) op.implicitIdToken = idToken;
  if (accessToken) op.implicitAccessToken = accessToken;
}

/** A list value of redirect URIs for one platform (flattened parameters such as `-PublicClientRedirectUris`). */
export function pushList(op: RegistrationOp, platform: OpPlatform, value: ScriptValue | undefined, mode: RedirectList['mode'] = 'replace'): void {
  if (value) op.lists.push({ platform, mode, items: listItems(value) });
}

/**
 * A JSON document written in a script string (`az rest --body '{…}'`) as a script value whose ranges
 * point into the file. Undefined when the text is not JSON.
 */
export function jsonValue(text: ScriptText): ScriptValue | undefined {
  const { value: rendered } = renderText(text);
  if (!/^\s*[[{]/.test(rendered)) return undefined;
  const { root, problems } = parseJson(rendered);
  if (!root || problems.length) return undefined;
  const convert = (node: Node): ScriptValue => {
    const range = sourceRange(text, node.offset, node.offset + node.length);
    switch (node.type) {
      case 'object': {
        const entries: [string, ScriptValue][] = [];
        for (const pair of node.children ?? []) {
          const [keyNode, valueNode] = pair.children ?? [];
          if (keyNode && valueNode && typeof keyNode.value === 'string') entries.push([keyNode.value, convert(valueNode)]);
        }
        return mapValue(entries, range);
      }
      case 'array':
        return { kind: 'list', items: (node.children ?? []).map(convert), range };
      case 'boolean':
        return { kind: 'bool', value: node.value === true, range };
      case 'string': {
        const inner = sourceRange(text, node.offset + 1, node.offset + node.length - 1);
        return textValue(jsonStringText(text, node, inner));
      }
      default:
        return unknownValue(range);
    }
  };
  return convert(root);
}

/** A JSON string node as script text: holes written inside it stay holes; JSON escapes lose exactness. */
function jsonStringText(text: ScriptText, node: Node, inner: Range): ScriptText {
  const value = String(node.value);
  const from = node.offset + 1;
  const to = node.offset + node.length - 1;
  const raw = renderText(text).value.slice(from, to);
  if (raw !== value) return literalText(value, inner, false);
  // Rebuild the pieces inside the string so holes keep their identity (and partial values stay partial).
  const pieces: ScriptText['pieces'] = [];
  let offset = 0;
  for (const piece of text.pieces) {
    const length = renderedLength(piece);
    const s = Math.max(offset, from);
    const e = Math.min(offset + length, to);
    if (s < e) {
      if ('hole' in piece) pieces.push(piece);
      else {
        const part = piece.text.slice(s - offset, e - offset);
        const range = piece.exact ? { start: piece.range.start + (s - offset), end: piece.range.start + (e - offset) } : piece.range;
        pieces.push({ text: part, range, exact: piece.exact });
      }
    }
    offset += length;
  }
  return { pieces, range: inner, overridable: text.overridable };
}

// --- command lines (az, m365) ---------------------------------------------------------------------

/** Resolves what a value refers to in the file: a variable's name as an app key (`$APP_ID` → `app_id`). */
export type KeyOf = (text: ScriptText) => string | undefined;

interface Option {
  name: string;
  values: ScriptText[];
  range: Range;
}

/** `--name value…` options of a command line; `--name=value` is split. Words before the first option are positional. */
function options(words: ScriptText[]): { positional: ScriptText[]; options: Option[] } {
  const positional: ScriptText[] = [];
  const result: Option[] = [];
  let current: Option | undefined;
  for (const word of words) {
    const first = word.pieces[0];
    const flag = first && 'text' in first && /^--?[A-Za-z]/.test(first.text) ? first.text : undefined;
    if (flag !== undefined) {
      const eq = flag.indexOf('=');
      const name = (eq >= 0 ? flag.slice(0, eq) : flag).toLowerCase();
      current = { name, values: [], range: word.range };
      result.push(current);
      if (eq >= 0) {
        const rest = splitText(word, () => false)[0];
        const value = rest ? dropPrefix(rest, eq + 1) : undefined;
        if (value?.pieces.length) current.values.push(value);
        current = undefined;
      }
      continue;
    }
    if (current) current.values.push(word);
    else positional.push(word);
  }
  return { positional, options: result };
}

/** The text after its first `count` known characters. */
function dropPrefix(text: ScriptText, count: number): ScriptText {
  const pieces = text.pieces.slice();
  let left = count;
  while (left > 0 && pieces.length) {
    const first = pieces[0];
    if ('hole' in first) break;
    if (first.text.length <= left) {
      left -= first.text.length;
      pieces.shift();
      continue;
    }
    const range = first.exact ? { start: first.range.start + left, end: first.range.end } : first.range;
    pieces[0] = { text: first.text.slice(left), range, exact: first.exact };
    left = 0;
  }
  const range = pieces.length ? { start: pieces[0].range.start, end: pieces[pieces.length - 1].range.end } : text.range;
  return { pieces, range, overridable: text.overridable };
}

function option(opts: Option[], ...names: string[]): Option | undefined {
  let found: Option | undefined;
  for (const o of opts) if (names.includes(o.name)) found = o; // the last one wins, as in argparse
  return found;
}

/** An az three-state flag: alone it means true; followed by true/false it says which. */
function threeState(opt: Option | undefined): Located<boolean> | undefined {
  if (!opt) return undefined;
  if (!opt.values.length) return { value: true, range: opt.range };
  return boolOf(textValue(opt.values[0]));
}

/** Space-separated list items (az `nargs='+'`): every word, split again where a value holds spaces. */
function spaceSeparated(values: ScriptText[]): ScriptText[] {
  return values.flatMap((v) => splitText(v, (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r'));
}

function words(opt: Option | undefined): ScriptValue | undefined {
  return opt ? { kind: 'list', items: spaceSeparated(opt.values).map(textValue), range: opt.range } : undefined;
}

/** `az ad app create|update …`, `az rest …`: the words after `az`. Undefined for other az commands. */
export function readAzCommand(args: ScriptText[], range: Range, keyOf: KeyOf, assignedTo?: string): RegistrationOp | undefined {
  const verbs = args.slice(0, 3).map((w) => knownText(w)?.toLowerCase());
  if (verbs[0] === 'rest') return readAzRest(args.slice(1), range, keyOf, assignedTo);
  if (verbs[0] !== 'ad' || verbs[1] !== 'app' || (verbs[2] !== 'create' && verbs[2] !== 'update')) return undefined;
  const create = verbs[2] === 'create';
  const { options: opts } = options(args.slice(3));
  const op = newOp(create, range, create ? assignedTo : undefined);
  if (!create) {
    const id = option(opts, '--id')?.values[0];
    if (id) {
      op.appId = appIdOf(id);
      op.key = op.appId ? op.appId.value.toLowerCase() : keyOf(id);
    }
  }
  const name = option(opts, '--display-name')?.values[0];
  if (name) op.displayName = knownText(name);
  const audience = option(opts, '--sign-in-audience')?.values[0];
  if (audience) op.signInAudience = locatedText(textValue(audience));
  const otherTenants = threeState(option(opts, '--available-to-other-tenants'));
  if (otherTenants && !op.signInAudience) op.signInAudience = { value: otherTenants.value ? 'AzureADMultipleOrgs' : 'AzureADMyOrg', range: otherTenants.range };
  op.allowPublicClient = threeState(option(opts, '--is-fallback-public-client'));
  const nativeApp = threeState(option(opts, '--native-app'));
  op.allowPublicClient ??= nativeApp;
  op.implicitIdToken = threeState(option(opts, '--enable-id-token-issuance'));
  op.implicitAccessToken = threeState(option(opts, '--enable-access-token-issuance')) ?? threeState(option(opts, '--oauth2-allow-implicit-flow'));
  pushList(op, 'publicClient', words(option(opts, '--public-client-redirect-uris')));
  pushList(op, 'web', words(option(opts, '--web-redirect-uris')));
  // Before az 2.37 (Azure AD Graph) reply URLs had no platform type: `--native-app` made the app a public client.
  pushList(op, nativeApp?.value ? 'publicClient' : 'unknown', words(option(opts, '--reply-urls')));
  for (const add of opts.filter((o) => o.name === '--add')) {
    const [property, ...values] = add.values;
    if (property && /^replyurls$/i.test(knownText(property) ?? ''))
      pushList(op, 'unknown', { kind: 'list', items: spaceSeparated(values).map(textValue), range: add.range }, 'add');
  }
  return op;
}

const GRAPH_APPLICATIONS = /graph\.microsoft\.(?:com|us|de)\/(?:v1\.0|beta)\/(?:applications|myorganization\/applications)(?:(\/)|(\(appId=)|\b)/i;

/** `az rest --method PATCH --uri …/applications/{id} --body '{…}'` (and POST to …/applications). */
function readAzRest(args: ScriptText[], range: Range, keyOf: KeyOf, assignedTo?: string): RegistrationOp | undefined {
  const { options: opts } = options(args);
  const method = knownText(option(opts, '--method', '-m')?.values[0])?.toLowerCase() ?? 'get';
  const uri = option(opts, '--uri', '--url', '-u')?.values[0];
  const body = option(opts, '--body', '-b')?.values[0];
  if (!uri || !body || (method !== 'patch' && method !== 'post')) return undefined;
  const rendered = renderText(uri).value;
  const match = GRAPH_APPLICATIONS.exec(rendered);
  if (!match) return undefined;
  const json = jsonValue(body);
  if (!json) return undefined;
  const rest = rendered.slice(match.index + match[0].length);
  const create = method === 'post' && !match[1] && !match[2];
  const op = newOp(create, range, create ? assignedTo : undefined);
  if (!create) {
    const id = /^([^/?'")]+)/.exec(rest)?.[1] ?? '';
    if (match[2] && GUID.test(id)) {
      const at = rendered.indexOf(id, match.index);
      op.appId = { value: id, range: sourceRange(uri, at, at + id.length) };
      op.key = id.toLowerCase();
    } else op.key = GUID.test(id) ? id.toLowerCase() : keyOf(holeFor(uri, rendered.indexOf(id, match.index), id));
  }
  readGraphApplication(json, op);
  return op;
}

/** The piece of `text` written at rendered offset `at` (a hole keeps its identity), for the key of an id in a URL. */
function holeFor(text: ScriptText, at: number, id: string): ScriptText {
  let offset = 0;
  for (const piece of text.pieces) {
    const length = renderedLength(piece);
    if ('hole' in piece && at >= offset && at < offset + length) return { pieces: [piece], range: piece.range };
    offset += length;
  }
  return literalText(id, sourceRange(text, at, at + id.length));
}

/**
 * `m365 entra app add|set …` (also `aad` and the `appregistration` alias): `--redirectUris` is one
 * comma-separated argument for the `--platform` given. `add` creates the app; `set` adds URIs to one.
 */
export function readM365Command(args: ScriptText[], range: Range, keyOf: KeyOf, assignedTo?: string): RegistrationOp | undefined {
  const verbs = args.slice(0, 3).map((w) => knownText(w)?.toLowerCase());
  if ((verbs[0] !== 'entra' && verbs[0] !== 'aad') || (verbs[1] !== 'app' && verbs[1] !== 'appregistration')) return undefined;
  if (verbs[2] !== 'add' && verbs[2] !== 'set') return undefined;
  const create = verbs[2] === 'add';
  const { options: opts } = options(args.slice(3));
  const op = newOp(create, range, create ? assignedTo : undefined);
  if (!create) {
    const appId = option(opts, '--appid')?.values[0];
    const objectId = option(opts, '--objectid')?.values[0];
    op.appId = appIdOf(appId);
    op.key = op.appId?.value.toLowerCase() ?? (appId ? keyOf(appId) : objectId ? (knownText(objectId)?.toLowerCase() ?? keyOf(objectId)) : undefined);
  }
  const name = option(opts, '--name', '-n')?.values[0];
  if (name) op.displayName = knownText(name);
  // `add` registers a single-tenant app unless --multitenant says otherwise (entraApp.ts).
  const multitenant = option(opts, '--multitenant');
  if (multitenant) op.signInAudience = { value: 'AzureADMultipleOrgs', range: multitenant.range };
  else if (create) op.signInAudience = { value: 'AzureADMyOrg', range: args[2].range };
  const publicFlows = option(opts, '--allowpublicclientflows');
  if (publicFlows) op.allowPublicClient = threeState(publicFlows);
  const implicit = option(opts, '--implicitflow');
  if (implicit) {
    op.implicitIdToken = { value: true, range: implicit.range };
    op.implicitAccessToken = { value: true, range: implicit.range };
  }
  const platform = knownText(option(opts, '--platform', '-p')?.values[0]);
  const uris = option(opts, '--redirecturis', '-r')?.values ?? [];
  const listPlatform: OpPlatform | undefined =
    platform === 'spa' || platform === 'web' || platform === 'publicClient' ? platform : platform === undefined ? undefined : 'unknown';
  if (listPlatform && (platform === 'spa' || platform === 'web' || platform === 'publicClient')) {
    const items = uris.flatMap((u) => splitText(u, (c) => c === ','));
    op.lists.push({ platform: listPlatform, mode: create ? 'replace' : 'add', items });
  }
  return op;
}
