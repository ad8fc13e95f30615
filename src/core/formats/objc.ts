import { tokenizeObjectiveC } from '../lexing/languages';
import { TokenListMemo, type LexToken } from '../lexing/lexer';
import type { ParsedFile } from '../model';
import {
  APPLE_SDK_TYPES,
  type AppleSyntax,
  type Assignment,
  type Call,
  type AppleDeclaration,
  holdsAppleMarker,
  isPunct,
  matching,
  MAX_EXPRESSION_TOKENS,
  readAppleFile,
  type Span,
} from './apple-code';
import { defineFormat, emptyParsed, SLASH_COMMENTS } from './types';

// Objective-C: message sends (`[[MSALPublicClientApplicationConfig alloc] initWithClientId:…
// redirectUri:… authority:…]`, `[NSURL URLWithString:…]`), property assignments and setter messages, and the
// constants they read (`#define NAME @"…"`, `static NSString *const kName = @"…";`, locals), turned into the
// calls, assignments and declarations apple-code.ts reads. A first selector piece `initWithClientId:` is the
// method `init` with the label `clientId`, as Swift spells it.

export const objcFormat = defineFormat({
  id: 'objc',
  title: 'Objective-C (MSAL for iOS/macOS, AppAuth)',
  files: '`*.m`, `*.mm`, `*.h` that mention MSAL, AppAuth or a redirect URI',
  reads:
    '`initWithClientId:redirectUri:authority:`, `config.redirectUri`, authorities, `MSALGlobalConfig.brokerAvailability`, `webviewType`; AppAuth `initWithConfiguration:…redirectURL:…` with its issuer or endpoints; `#define` and `static NSString *const` constants, `stringWithFormat:`',
  globs: ['**/*.m', '**/*.mm', '**/*.h'],
  comments: SLASH_COMMENTS,
  literal: 'code',
  languageIds: ['objective-c', 'objective-cpp'],
  untitled: [
    { languageId: 'objective-c', name: 'Untitled.m' },
    { languageId: 'objective-cpp', name: 'Untitled.mm' },
  ],
  facts: { reads: ['ios-url-schemes'] },
  byName: (path) => (/\.(m|mm|h)$/i.test(path) ? 'sniff' : 'no'),
  sniff: (text) => holdsAppleMarker(text),
  parse(path, text): ParsedFile {
    return readAppleFile(emptyParsed(path, 'objc', text), objcSyntax(text));
  },
});

type Token = LexToken;

const CONDITIONAL_OPEN = new Set(['#if', '#ifdef', '#ifndef']);

export function objcSyntax(text: string): AppleSyntax {
  const lexed = tokenizeObjectiveC(text);
  const tokens = lexed.tokens;
  const calls: Call[] = [];
  const assignments: Assignment[] = [];
  const declarations: AppleDeclaration[] = [];
  let conditionalDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'directive') {
      if (CONDITIONAL_OPEN.has(t.text)) conditionalDepth++;
      else if (t.text === '#endif') conditionalDepth = Math.max(0, conditionalDepth - 1);
      else if (t.text === '#define' && tokens[i + 1]?.kind === 'identifier') {
        // `#define NAME value`: the value runs to the end of the directive's line.
        const lineEnd = endOfLine(text, tokens[i + 1].end);
        let end = i + 2;
        while (end < tokens.length && tokens[end].start < lineEnd && tokens[end].kind !== 'directive') end++;
        if (end > i + 2) declarations.push({ name: tokens[i + 1].text, value: { tokens, start: i + 2, end }, at: t.start, conditional: conditionalDepth > 0 });
        i = end - 1;
      }
      continue;
    }
    if (t.kind !== 'punct') continue;
    if (t.text === '[') {
      const call = messageAt(tokens, i, isScanned);
      if (!call) continue;
      if (call.method.startsWith('set') && call.args.length === 1 && call.labels[0] === '' && /^set[A-Z]/.test(call.method) && call.receiver) {
        assignments.push({ path: [call.receiver, lowerFirst(call.method.slice(3))], value: call.args[0], at: i });
      } else if (APPLE_SDK_TYPES.has(call.receiver)) {
        call.assignedTo = assignedName(tokens, i);
        calls.push(call);
      }
    } else if (t.text === '=' && isLoneEquals(tokens, i)) {
      const value: Span = { tokens, start: i + 1, end: statementEnd(tokens, i + 1) };
      const path = pathBefore(tokens, i);
      if (!path) continue;
      const name = path[path.length - 1];
      if (path.length > 1) assignments.push({ path, value, at: i });
      // `NSString *const kName = …`, `NSURL *url = …`, `name = …`, `self.name = …`: a value code may read back.
      if (path.length === 1 || (path.length === 2 && path[0] === 'self')) declarations.push({ name, value, at: t.start, conditional: conditionalDepth > 0 });
    }
  }
  return {
    lexed,
    text,
    language: 'objc',
    calls,
    assignments,
    declarations,
    relex: (expression) => tokenizeObjectiveC(expression).tokens,
    callAt: (list, start, end) => (isPunct(list[start], '[') && matching(list, start, end) === end - 1 ? messageAt(list, start) : undefined),
  };
}

/**
 * The sends the file scan keeps: SDK messages and setters (`[config setRedirectUri:x]`). Checked before a send's
 * arguments are split, so the file's other messages (most of its `[`) build nothing.
 */
function isScanned(receiver: string, selector: string): boolean {
  return APPLE_SDK_TYPES.has(receiver) || selector.startsWith('set');
}

function endOfLine(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  const r = text.indexOf('\r', from);
  const ends = [n, r].filter((x) => x >= 0);
  return ends.length ? Math.min(...ends) : text.length;
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** A lone `=` (not `==`, `!=`, `<=`, `+=` …). */
function isLoneEquals(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (isPunct(after, '=') && after.start === tokens[i].end) return false;
  return !(before?.kind === 'punct' && before.end === tokens[i].start && '=!<>+-*/%&|^~'.includes(before.text));
}

/** `a.b.c` right before an `=` (a declaration's name is a one-name path). */
function pathBefore(tokens: Token[], i: number): string[] | undefined {
  const path: string[] = [];
  let k = i - 1;
  if (tokens[k]?.kind !== 'identifier') return undefined;
  while (k >= 0 && tokens[k].kind === 'identifier') {
    path.unshift(tokens[k].text);
    if (!isPunct(tokens[k - 1], '.')) break;
    k -= 2;
  }
  return path;
}

/** Where a statement's expression ends: `;` or a `,` at depth 0, or a bracket that closes what it did not open. */
function statementEnd(tokens: Token[], from: number): number {
  let depth = 0;
  const last = Math.min(tokens.length, from + MAX_EXPRESSION_TOKENS);
  for (let k = from; k < last; k++) {
    const t = tokens[k];
    if (t.kind === 'directive') return k;
    if (t.kind !== 'punct') continue;
    if ('([{'.includes(t.text)) depth++;
    else if (')]}'.includes(t.text)) {
      if (depth === 0) return k;
      depth--;
    } else if (depth === 0 && (t.text === ';' || t.text === ',')) return k;
  }
  return last;
}

/** `Type *name = [` / `name = [` / `self.name = [`: the variable a message's result goes to. */
function assignedName(tokens: Token[], open: number): string | undefined {
  if (!isPunct(tokens[open - 1], '=')) return undefined;
  return tokens[open - 2]?.kind === 'identifier' ? tokens[open - 2].text : undefined;
}

/**
 * The message send starting at the `[` at `open`: its receiver (`[[Type alloc] init…]` → Type), the method
 * and labels of its selector (`initWithClientId:redirectUri:` → init, clientid, redirecturi), and its
 * arguments; varargs after the last piece (`stringWithFormat:f, a, b`) are unlabelled arguments.
 * `wanted` (receiver, first selector piece) can refuse the send before its arguments are read.
 */
function messageAt(tokens: Token[], open: number, wanted?: (receiver: string, selector: string) => boolean): Call | undefined {
  const close = closeWithin(tokens, open, Math.min(tokens.length, open + MAX_EXPRESSION_TOKENS + 1));
  if (close < 0) return undefined;
  // The receiver: a name, or the innermost of nested sends (`[[[Type alloc] init…] autorelease]` → Type), without recursion.
  let k = open + 1;
  let outer = -1;
  while (isPunct(tokens[k], '[')) {
    if (outer < 0) outer = k;
    k++;
  }
  if (tokens[k]?.kind !== 'identifier') return undefined;
  let receiver = tokens[k].text;
  const nameToken = tokens[k];
  if (outer >= 0) {
    const innerClose = closeWithin(tokens, outer, close);
    if (innerClose < 0) return undefined;
    k = innerClose + 1;
  } else {
    k++;
    while (isPunct(tokens[k], '.') && tokens[k + 1]?.kind === 'identifier') {
      receiver = tokens[k + 1].text;
      k += 2;
    }
  }
  const selector = tokens[k];
  if (selector?.kind !== 'identifier') return undefined;
  if (wanted && !wanted(receiver, selector.text)) return undefined;
  // A unary message: `[Type alloc]`, `[Type new]`.
  if (k + 1 === close) return { receiver, method: selector.text, labels: [], args: [], nameToken, at: open };
  if (!isPunct(tokens[k + 1], ':')) return undefined;
  const pieces: { label: string; start: number }[] = [];
  let depth = 0;
  let ternaries = 0;
  for (let a = k; a < close; a++) {
    const t = tokens[a];
    if (t.kind === 'punct') {
      if ('([{'.includes(t.text)) depth++;
      else if (')]}'.includes(t.text)) depth--;
      else if (depth === 0 && t.text === '?') ternaries++;
      else if (depth === 0 && t.text === ':' && ternaries > 0 && tokens[a - 1]?.kind !== 'identifier') ternaries--;
    }
    if (depth !== 0 || t.kind !== 'identifier' || !isPunct(tokens[a + 1], ':')) continue;
    // `cond ? a : b` inside an argument: its `:` is not a selector piece.
    if (ternaries > 0) {
      ternaries--;
      continue;
    }
    pieces.push({ label: t.text, start: a + 2 });
    a++;
  }
  if (!pieces.length) return undefined;
  const { method, label } = splitSelector(pieces[0].label);
  return { receiver, method, ...labelledArguments(tokens, pieces, label, close), nameToken, at: open };
}

/**
 * The labels and arguments of a send's selector pieces (the first piece's label is `firstLabel`). Apart from
 * messageAt: its closures would make every call of it allocate their context, and most sends of a file
 * stop before their arguments are read.
 */
function labelledArguments(tokens: Token[], pieces: { label: string; start: number }[], firstLabel: string, close: number): { labels: string[]; args: Span[] } {
  const labels: string[] = [];
  const args: Span[] = [];
  pieces.forEach((piece, n) => {
    const end = n + 1 < pieces.length ? pieces[n + 1].start - 2 : close;
    const parts = n + 1 < pieces.length ? [{ start: piece.start, end }] : commaParts(tokens, piece.start, end);
    parts.forEach((part, p) => {
      labels.push(p > 0 ? '' : (n === 0 ? firstLabel : piece.label).toLowerCase());
      args.push({ tokens, start: part.start, end: part.end });
    });
  });
  return { labels, args };
}

/** Tokens the scans of closeWithin walked, per token list. */
const scannedIn = new TokenListMemo<number>();

/**
 * The bracket closing the opener at `open` before `limit`, or -1: the pairing of `matching` (a closer closes
 * the innermost opener, of any kind), found by a scan from `open`. `matching` first builds a table of the
 * whole list, a walk over every token, where a file's sends are short and few. Once the scans of a list
 * have walked as many tokens as it holds, the table is used instead (hostile nesting stays linear).
 */
function closeWithin(tokens: Token[], open: number, limit: number): number {
  const scanned = scannedIn.get(tokens) ?? 0;
  if (scanned >= tokens.length) return matching(tokens, open, limit);
  let depth = 0;
  let k = open;
  for (; k < limit; k++) {
    const t = tokens[k];
    if (t.kind !== 'punct') continue;
    if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
    else if ((t.text === ')' || t.text === ']' || t.text === '}') && --depth === 0) break;
  }
  scannedIn.set(tokens, scanned + k - open + 1);
  return k < limit ? k : -1;
}

/** `initWithClientId` → init + clientId; `discoverServiceConfigurationForIssuer` → discoverServiceConfiguration + forIssuer. */
function splitSelector(piece: string): { method: string; label: string } {
  const match = /^(.*?)(With|For|By)([A-Z].*)$/.exec(piece);
  if (!match || !match[1]) return { method: piece, label: '' };
  return { method: match[1], label: match[2] === 'With' ? match[3] : `${match[2].toLowerCase()}${match[3]}` };
}

function commaParts(tokens: Token[], start: number, end: number): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  let depth = 0;
  let from = start;
  for (let a = start; a < end; a++) {
    const t = tokens[a];
    if (t.kind !== 'punct') continue;
    if ('([{'.includes(t.text)) depth++;
    else if (')]}'.includes(t.text)) depth--;
    else if (depth === 0 && t.text === ',') {
      parts.push({ start: from, end: a });
      from = a + 1;
    }
  }
  parts.push({ start: from, end });
  return parts;
}
