import type { AppRegistration, Located, ParseProblem, Platform, Range, RedirectUri } from '../model';
import { GUID } from '../entra/uri';
import { tokenizeBicep, type BicepToken } from '../lexing/languages/bicep';
import { tokenStartingAt } from '../lexing/lexer';
import { emptyParsed, MAX_PROBLEMS, defineFormat, SLASH_COMMENTS } from './types';

// Bicep app registrations: `resource x 'Microsoft.Graph/applications@v1.0' = { … }` (the Microsoft Graph
// Bicep extension), read from tokens into a value tree with an explicit stack.

const GRAPH_APPLICATION = /^Microsoft\.Graph\/applications@/i;
const PLATFORMS = ['web', 'spa', 'publicClient'] as const;

export type BicepValue =
  | { kind: 'object'; props: Map<string, { keyRange: Range; value: BicepValue }>; range: Range }
  | { kind: 'array'; items: BicepValue[]; range: Range }
  | { kind: 'string'; value: string; range: Range; partial: boolean; unknownStart: boolean }
  | { kind: 'bool'; value: boolean; range: Range }
  | { kind: 'other'; range: Range };

type Container = Extract<BicepValue, { kind: 'object' | 'array' }>;

export const bicepFormat = defineFormat({
  id: 'bicep',
  title: 'Bicep',
  files: '`*.bicep`',
  reads: '`Microsoft.Graph/applications` (`web`/`spa`/`publicClient`)',
  globs: ['**/*.bicep'],
  markers: ['**/*.bicep'],
  comments: SLASH_COMMENTS,
  literal: 'code',
  languageIds: ['bicep'],
  untitled: [{ languageId: 'bicep', name: 'main.bicep', hint: /Microsoft\.Graph\/applications|redirectUris/ }],
  byName: (path) => (/\.bicep$/i.test(path) ? 'yes' : 'no'),
  parse(path, text) {
    const parsed = emptyParsed(path, 'bicep', text);
    const { tokens, comments, problems } = tokenizeBicep(text);
    parsed.comments = comments;
    const registrations: AppRegistration[] = [];
    // Only a `resource` token can start an application: find those from the text's occurrences of the word
    // instead of reading every token (a token list is ~25,000 objects at 100 KB).
    let resumeAt = 0;
    for (let at = text.indexOf('resource'); at >= 0; at = text.indexOf('resource', at + 1)) {
      const i = tokenStartingAt(tokens, at);
      if (i < resumeAt) continue; // not a token start (-1), or inside the application just read
      const body = applicationBody(tokens, i);
      if (body === undefined) continue;
      const { value, next } = parseValue(tokens, body, problems);
      if (value.kind === 'object') registrations.push(readApplication(value, tokens[i].start));
      resumeAt = Math.max(i + 1, next);
    }
    parsed.problems.push(...problems.slice(0, MAX_PROBLEMS));
    parsed.registrations.push(...registrations);
    return parsed;
  },
});

/** Index of the `{` of `resource name 'Microsoft.Graph/applications@…' = [if (…)] {`, when `i` starts one. */
function applicationBody(tokens: BicepToken[], i: number): number | undefined {
  if (tokens[i].kind !== 'identifier' || tokens[i].text !== 'resource') return undefined;
  if (tokens[i - 1] && tokens[i - 1].kind !== 'newline') return undefined;
  const type = tokens[i + 2];
  if (tokens[i + 1]?.kind !== 'identifier' || type?.kind !== 'string' || !GRAPH_APPLICATION.test(stringText(type))) return undefined;
  let j = i + 3;
  if (tokens[j]?.text === 'existing') return undefined; // a reference to an app defined elsewhere
  if (tokens[j]?.text !== '=') return undefined;
  j++;
  if (tokens[j]?.text === 'if') {
    // skip the balanced condition
    let depth = 0;
    for (j++; j < tokens.length; j++) {
      if (tokens[j].text === '(') depth++;
      else if (tokens[j].text === ')' && --depth <= 0) break;
    }
    j++;
  }
  return tokens[j]?.text === '{' ? j : undefined;
}

function stringText(token: BicepToken): string {
  const parts = token.parts ?? [];
  // Most strings are one literal part: its text, without a mapped array and a join.
  if (parts.length === 1 && 'text' in parts[0]) return parts[0].text;
  return parts.map((p) => ('text' in p ? p.text : `\${${p.expression}}`)).join('');
}

/**
 * Parses the object or array opening at `start` without recursion: newline- or comma-separated
 * `key: value` properties and items. Expressions other than strings and booleans become `other`.
 */
function parseValue(tokens: BicepToken[], start: number, problems: ParseProblem[]): { value: BicepValue; next: number } {
  const root = open(tokens[start]);
  const stack: { container: Container; key?: { name: string; range: Range } }[] = [{ container: root }];
  let i = start + 1;
  const attach = (value: BicepValue) => {
    const frame = stack[stack.length - 1];
    if (frame.container.kind === 'array') frame.container.items.push(value);
    else if (frame.key) frame.container.props.set(frame.key.name, { keyRange: frame.key.range, value });
    frame.key = undefined;
  };
  while (i < tokens.length && stack.length) {
    const frame = stack[stack.length - 1];
    const token = tokens[i];
    if (token.kind === 'newline' || token.text === ',') {
      i++;
      continue;
    }
    if ((token.text === '}' && frame.container.kind === 'object') || (token.text === ']' && frame.container.kind === 'array')) {
      frame.container.range.end = token.end;
      stack.pop();
      i++;
      if (stack.length) attach(frame.container);
      continue;
    }
    if (frame.container.kind === 'object' && !frame.key) {
      const isKey = (token.kind === 'identifier' || token.kind === 'string') && tokens[i + 1]?.text === ':';
      if (!isKey) {
        problems.push({
          message: `unexpected ${token.kind === 'string' ? 'string' : `'${token.text}'`}; expected a property name and ':'`,
          range: { start: token.start, end: token.end },
        });
        while (i < tokens.length && tokens[i].kind !== 'newline' && tokens[i].text !== '}') i++;
        continue;
      }
      frame.key = {
        name: token.kind === 'string' ? stringText(token) : token.text,
        range: token.kind === 'string' ? token.content! : { start: token.start, end: token.end },
      };
      i += 2;
      continue;
    }
    // A value: an object or array opens a frame; anything else runs to the end of the item.
    if ((token.text === '{' || token.text === '[') && tokens[i + 1]?.text !== 'for') {
      stack.push({ container: open(token) });
      i++;
      continue;
    }
    const expressionStart = i;
    let depth = 0;
    while (i < tokens.length) {
      const t = tokens[i];
      if (t.kind === 'punct' && isOpener(t.text)) depth++;
      else if (t.kind === 'punct' && isCloser(t.text)) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (t.kind === 'newline' || t.text === ',')) break;
      i++;
    }
    if (i === expressionStart) {
      // A closer of the other kind (`}` where `]` is missing): close the open container here. Without
      // this the loop would stand still on the closer, attaching empty items until memory runs out.
      const container = frame.container;
      problems.push({
        message: `${container.kind} is not closed (missing ${container.kind === 'object' ? '}' : ']'})`,
        range: { start: container.range.start, end: container.range.start + 1 },
      });
      container.range.end = Math.max(container.range.start, token.start);
      stack.pop();
      if (stack.length) attach(container);
      continue;
    }
    attach(primitive(tokens.slice(expressionStart, i)));
  }
  // Unclosed at the end of the file: close what is open so everything read is kept.
  while (stack.length) {
    const { container } = stack.pop()!;
    problems.push({
      message: `${container.kind} is not closed (missing ${container.kind === 'object' ? '}' : ']'})`,
      range: { start: container.range.start, end: container.range.start + 1 },
    });
    container.range.end = tokens[tokens.length - 1]?.end ?? container.range.start;
    if (stack.length) attach(container);
  }
  return { value: root, next: i };
}

// Bracket tests on a token's text without a string search per token.
const isOpener = (text: string) => text === '(' || text === '[' || text === '{';
const isCloser = (text: string) => text === ')' || text === ']' || text === '}';

function open(token: BicepToken): Container {
  const range = { start: token.start, end: token.end };
  return token.text === '[' ? { kind: 'array', items: [], range } : { kind: 'object', props: new Map(), range };
}

function primitive(tokens: BicepToken[]): BicepValue {
  const range = tokens.length ? { start: tokens[0].start, end: tokens[tokens.length - 1].end } : { start: 0, end: 0 };
  if (tokens.length !== 1) return { kind: 'other', range };
  const [token] = tokens;
  if (token.kind === 'identifier' && (token.text === 'true' || token.text === 'false')) return { kind: 'bool', value: token.text === 'true', range };
  if (token.kind !== 'string') return { kind: 'other', range };
  const parts = token.parts ?? [];
  return {
    kind: 'string',
    value: stringText(token),
    range: token.content!,
    partial: parts.some((p) => !('text' in p)),
    unknownStart: parts.length > 0 && !('text' in parts[0]),
  };
}

function prop(value: BicepValue | undefined, key: string): BicepValue | undefined {
  return value?.kind === 'object' ? value.props.get(key)?.value : undefined;
}

function knownString(value: BicepValue | undefined): Located<string> | undefined {
  return value?.kind === 'string' && !value.partial ? { value: value.value, range: value.range } : undefined;
}

function knownBool(value: BicepValue | undefined): Located<boolean> | undefined {
  return value?.kind === 'bool' ? { value: value.value, range: value.range } : undefined;
}

function readApplication(app: Extract<BicepValue, { kind: 'object' }>, start: number): AppRegistration {
  const registration: AppRegistration = { kind: 'registration', redirectUris: [], redirectLists: {}, range: { start, end: app.range.end } };
  const appId = knownString(prop(app, 'appId'));
  if (appId && GUID.test(appId.value)) registration.appId = appId;
  registration.displayName = knownString(prop(app, 'displayName'))?.value;
  registration.signInAudience = knownString(prop(app, 'signInAudience'));
  registration.allowPublicClient = knownBool(prop(app, 'isFallbackPublicClient'));
  const implicit = prop(prop(app, 'web'), 'implicitGrantSettings');
  registration.implicitAccessToken = knownBool(prop(implicit, 'enableAccessTokenIssuance'));
  registration.implicitIdToken = knownBool(prop(implicit, 'enableIdTokenIssuance'));
  for (const platform of PLATFORMS) {
    const list = prop(prop(app, platform), 'redirectUris');
    if (list?.kind !== 'array') continue;
    registration.redirectLists![platform] = list.range;
    for (const item of list.items) addRedirect(registration, item, platform);
  }
  // web.redirectUriSettings: [{ uri: '…', index: … }] holds the same URIs with an index.
  const settings = prop(prop(app, 'web'), 'redirectUriSettings');
  if (settings?.kind === 'array') for (const item of settings.items) addRedirect(registration, prop(item, 'uri'), 'web');
  return registration;
}

function addRedirect(registration: AppRegistration, item: BicepValue | undefined, platform: Platform): void {
  // A value whose start is an interpolation has no known scheme: nothing about it can be judged.
  if (item?.kind !== 'string' || item.unknownStart) return;
  if (registration.redirectUris.some((u) => u.value === item.value && u.platform === platform)) return;
  const uri: RedirectUri = { value: item.value, range: item.range, platform, role: 'redirect' };
  if (item.partial) uri.partial = true;
  registration.redirectUris.push(uri);
}
