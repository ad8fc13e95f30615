import type { AppRegistration, Located, ParseProblem, Platform, Range, RedirectUri } from '../model';
import { GUID } from '../entra/uri';
import { tokenizeHcl, type HclToken } from '../lexing/languages/hcl';
import { emptyParsed, MAX_PROBLEMS, defineFormat, HASH_COMMENTS } from './types';

// Terraform (azuread provider) app registrations: `azuread_application`, `azuread_application_registration`
// and `azuread_application_redirect_uris`, read from HCL tokens into a block tree (explicit stack).

const APPLICATION_TYPES = new Set(['azuread_application', 'azuread_application_registration']);
const PLATFORM_BLOCKS: Record<string, 'web' | 'spa' | 'publicClient'> = { web: 'web', single_page_application: 'spa', public_client: 'publicClient' };
const REDIRECT_URIS_TYPES: Record<string, 'web' | 'spa' | 'publicClient'> = { publicclient: 'publicClient', spa: 'spa', web: 'web' };

export interface HclAttribute {
  name: string;
  nameRange: Range;
  /** The expression's tokens (newlines inside brackets removed). */
  value: HclToken[];
}

export interface HclBlock {
  type: string;
  labels: string[];
  attributes: Map<string, HclAttribute>;
  blocks: HclBlock[];
  range: Range;
}

export const terraformFormat = defineFormat({
  id: 'terraform',
  title: 'Terraform',
  files: '`*.tf`',
  reads: '`azuread_application` (`web`/`single_page_application`/`public_client` `redirect_uris`), `azuread_application_redirect_uris`',
  globs: ['**/*.tf'],
  markers: ['**/*.tf'],
  comments: HASH_COMMENTS,
  literal: 'code',
  languageIds: ['terraform'],
  untitled: [{ languageId: 'terraform', name: 'main.tf', hint: /azuread_application/ }],
  byName: (path) => (/\.tf$/i.test(path) ? 'yes' : 'no'),
  parse(path, text) {
    const parsed = emptyParsed(path, 'terraform', text);
    const { tokens, comments, problems } = tokenizeHcl(text);
    parsed.comments = comments;
    const body = parseHclBody(tokens, text.length, problems);
    parsed.problems.push(...problems.slice(0, MAX_PROBLEMS));
    parsed.registrations.push(...readRegistrations(body));
    return parsed;
  },
});

/** Builds the block tree of a file. Never throws; unbalanced braces and stray tokens become problems. */
function parseHclBody(tokens: HclToken[], length: number, problems: ParseProblem[]): HclBlock {
  const root: HclBlock = { type: '', labels: [], attributes: new Map(), blocks: [], range: { start: 0, end: length } };
  const stack: HclBlock[] = [root];
  // Whether each open block's attributes are kept: only app-registration resources are read (readRegistrations),
  // so the other blocks are walked for their structure (and problems) without holding their value tokens.
  const keeping: boolean[] = [false];
  let i = 0;
  const skipLine = () => {
    while (i < tokens.length && tokens[i].kind !== 'newline') i++;
  };
  while (i < tokens.length) {
    const token = tokens[i];
    const block = stack[stack.length - 1];
    if (token.kind === 'newline' || token.text === ',') {
      i++;
      continue;
    }
    if (token.text === '}' && token.kind === 'punct') {
      if (stack.length > 1) {
        block.range.end = token.end;
        stack.pop();
        keeping.pop();
      } else problems.push({ message: 'unexpected } (no block is open)', range: { start: token.start, end: token.end } });
      i++;
      continue;
    }
    if (token.kind !== 'identifier' && !(token.kind === 'string' && tokens[i + 1]?.text === '=')) {
      problems.push({ message: `unexpected ${describe(token)}; expected an attribute or a block`, range: { start: token.start, end: token.end } });
      i++;
      skipLine();
      continue;
    }
    const name = token.kind === 'string' ? tokenString(token) : token.text;
    if (tokens[i + 1]?.text === '=' && tokens[i + 2]?.text !== '=') {
      i += 2;
      const keep = keeping[keeping.length - 1];
      const value: HclToken[] = [];
      let valueTokens = 0;
      let depth = 0;
      while (i < tokens.length) {
        const t = tokens[i];
        if (t.kind === 'punct' && isOpener(t.text)) depth++;
        else if (t.kind === 'punct' && isCloser(t.text)) {
          if (depth === 0) break; // `}` closing a one-line block
          depth--;
        } else if (t.kind === 'newline' && depth === 0) break;
        if (t.kind !== 'newline') {
          valueTokens++;
          if (keep) value.push(t);
        }
        i++;
      }
      if (!valueTokens) problems.push({ message: `attribute ${name} has no value`, range: { start: token.start, end: token.end } });
      if (keep) block.attributes.set(name, { name, nameRange: { start: token.start, end: token.end }, value });
      continue;
    }
    // A block: `type "label" label2 {`
    const labels: string[] = [];
    let j = i + 1;
    for (; j < tokens.length && (tokens[j].kind === 'string' || tokens[j].kind === 'identifier'); j++)
      labels.push(tokens[j].kind === 'string' ? tokenString(tokens[j]) : tokens[j].text);
    if (tokens[j]?.text !== '{') {
      const at = tokens[j] ?? token;
      problems.push({ message: `expected { or = after ${name}`, range: { start: at.start, end: at.end } });
      i = j;
      skipLine();
      continue;
    }
    const child: HclBlock = { type: name, labels, attributes: new Map(), blocks: [], range: { start: token.start, end: length } };
    block.blocks.push(child);
    stack.push(child);
    keeping.push(stack.length === 2 ? isReadResource(child) : keeping[keeping.length - 1]);
    i = j + 1;
  }
  for (let k = stack.length - 1; k > 0; k--) {
    problems.push({
      message: `block ${[stack[k].type, ...stack[k].labels].join(' ')} is not closed (missing })`,
      range: { start: stack[k].range.start, end: stack[k].range.start + stack[k].type.length },
    });
  }
  return root;
}

/** A top-level block readRegistrations reads: an application or a redirect-URIs resource. */
function isReadResource(block: HclBlock): boolean {
  const type = block.labels[0];
  return block.type === 'resource' && block.labels.length >= 2 && (APPLICATION_TYPES.has(type) || type === 'azuread_application_redirect_uris');
}

// Bracket tests on a token's text without a string search per token.
const isOpener = (text: string) => text === '(' || text === '[' || text === '{';
const isCloser = (text: string) => text === ')' || text === ']' || text === '}';

function describe(token: HclToken): string {
  return token.kind === 'string' ? 'string' : `'${token.text}'`;
}

function tokenString(token: HclToken): string {
  const parts = token.parts ?? [];
  // Most strings are one literal part: its text, without a mapped array and a join.
  if (parts.length === 1 && 'text' in parts[0]) return parts[0].text;
  return parts.map((p) => ('text' in p ? p.text : `\${${p.expression}}`)).join('');
}

/** A string attribute value; a template whose start is unknown (its scheme cannot be known) is dropped. */
function stringValue(tokens: HclToken[] | undefined): (Located<string> & { partial?: boolean }) | undefined {
  if (!tokens || tokens.length !== 1 || tokens[0].kind !== 'string') return undefined;
  const token = tokens[0];
  const parts = token.parts ?? [];
  if (parts.length && !('text' in parts[0])) return undefined;
  const partial = parts.some((p) => !('text' in p));
  return { value: tokenString(token), range: token.content!, partial: partial || undefined };
}

function boolValue(tokens: HclToken[] | undefined): Located<boolean> | undefined {
  if (!tokens || tokens.length !== 1 || (tokens[0].text !== 'true' && tokens[0].text !== 'false')) return undefined;
  return { value: tokens[0].text === 'true', range: { start: tokens[0].start, end: tokens[0].end } };
}

/** `[ "a", "b" ]`: its string items and the range of the brackets; other items are skipped. */
function listValue(tokens: HclToken[] | undefined): { items: (Located<string> & { partial?: boolean })[]; range: Range } | undefined {
  if (!tokens || tokens[0]?.text !== '[' || tokens[tokens.length - 1].text !== ']') return undefined;
  const items: (Located<string> & { partial?: boolean })[] = [];
  let item: HclToken[] = [];
  let depth = 0;
  for (const t of tokens.slice(1, -1)) {
    if (t.kind === 'punct' && isOpener(t.text)) depth++;
    if (t.kind === 'punct' && isCloser(t.text)) depth--;
    if (t.text === ',' && t.kind === 'punct' && depth === 0) {
      const value = stringValue(item);
      if (value) items.push(value);
      item = [];
    } else item.push(t);
  }
  const last = stringValue(item);
  if (last) items.push(last);
  return { items, range: { start: tokens[0].start, end: tokens[tokens.length - 1].end } };
}

/** `azuread_application.example.id` → `azuread_application.example`. */
function referencedResource(tokens: HclToken[] | undefined): string | undefined {
  const text = (tokens ?? []).map((t) => t.text).join('');
  return /^(azuread_application(?:_registration)?\.[A-Za-z0-9_-]+)\./.exec(text)?.[1];
}

function readRegistrations(root: HclBlock): AppRegistration[] {
  const registrations: AppRegistration[] = [];
  const byAddress = new Map<string, AppRegistration>();
  const redirectResources: HclBlock[] = [];
  for (const block of root.blocks) {
    if (block.type !== 'resource' || block.labels.length < 2) continue;
    const [type, name] = block.labels;
    if (type === 'azuread_application_redirect_uris') {
      redirectResources.push(block);
      continue;
    }
    if (!APPLICATION_TYPES.has(type)) continue;
    const registration = readApplication(block);
    registrations.push(registration);
    byAddress.set(`${type}.${name}`, registration);
  }
  for (const block of redirectResources) {
    const attribute = (key: string) => block.attributes.get(key)?.value;
    const platform = REDIRECT_URIS_TYPES[stringValue(attribute('type'))?.value.toLowerCase() ?? ''] ?? 'web';
    const list = listValue(attribute('redirect_uris'));
    const target = byAddress.get(referencedResource(attribute('application_id')) ?? '');
    const owner = target ?? newRegistration(block);
    if (!target) registrations.push(owner);
    if (list) {
      owner.redirectLists![platform] ??= list.range;
      for (const item of list.items) owner.redirectUris.push(redirect(item, platform)); // no spread: lists can exceed the argument limit
    }
  }
  return registrations;
}

function newRegistration(block: HclBlock): AppRegistration {
  return { kind: 'registration', redirectUris: [], redirectLists: {}, range: { ...block.range } };
}

function readApplication(block: HclBlock): AppRegistration {
  const registration = newRegistration(block);
  const attribute = (b: HclBlock | undefined, key: string) => b?.attributes.get(key)?.value;
  const appId = stringValue(attribute(block, 'client_id') ?? attribute(block, 'application_id'));
  if (appId && !appId.partial && GUID.test(appId.value)) registration.appId = { value: appId.value, range: appId.range };
  registration.displayName = stringValue(attribute(block, 'display_name'))?.value;
  const audience = stringValue(attribute(block, 'sign_in_audience'));
  if (audience && !audience.partial) registration.signInAudience = { value: audience.value, range: audience.range };
  registration.allowPublicClient = boolValue(attribute(block, 'fallback_public_client_enabled'));
  registration.implicitAccessToken = boolValue(attribute(block, 'implicit_access_token_issuance_enabled'));
  registration.implicitIdToken = boolValue(attribute(block, 'implicit_id_token_issuance_enabled'));
  for (const child of block.blocks) {
    const platform = PLATFORM_BLOCKS[child.type];
    if (!platform) continue;
    const list = listValue(attribute(child, 'redirect_uris'));
    if (list) {
      registration.redirectLists![platform] ??= list.range;
      for (const item of list.items) registration.redirectUris.push(redirect(item, platform));
    }
    const implicit = child.blocks.find((b) => b.type === 'implicit_grant');
    if (platform === 'web' && implicit) {
      registration.implicitAccessToken ??= boolValue(attribute(implicit, 'access_token_issuance_enabled'));
      registration.implicitIdToken ??= boolValue(attribute(implicit, 'id_token_issuance_enabled'));
    }
  }
  return registration;
}

function redirect(item: Located<string> & { partial?: boolean }, platform: Platform): RedirectUri {
  return { value: item.value, range: item.range, platform, role: 'redirect', ...(item.partial ? { partial: true } : {}) };
}
