import { tokenizeSwift } from '../lexing/languages';
import type { LexToken } from '../lexing/lexer';
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

// Swift: MSAL for iOS/macOS and AppAuth-iOS calls, the property assignments that configure them, and the
// constants they read (`let`, `static let`, computed `var x: String { "…" }`, enum raw values), turned into
// the calls, assignments and declarations apple-code.ts reads. A line break ends a statement unless the
// next line goes on with an operator or a `.` member.

export const swiftFormat = defineFormat({
  id: 'swift',
  title: 'Swift (MSAL for iOS/macOS, AppAuth)',
  files: '`*.swift` that mention MSAL, AppAuth or a redirect URI',
  reads:
    '`MSALPublicClientApplicationConfig(clientId:redirectUri:authority:)`, `config.redirectUri`, authorities, `MSALGlobalConfig.brokerAvailability`, `webviewType`; AppAuth `OIDAuthorizationRequest(…redirectURL:…)` with its issuer or endpoints; constants, interpolation, `??` and ternaries',
  globs: ['**/*.swift'],
  comments: SLASH_COMMENTS,
  literal: 'code',
  languageIds: ['swift'],
  untitled: [{ languageId: 'swift', name: 'Untitled.swift' }],
  facts: { reads: ['ios-url-schemes'] },
  byName: (path) => (/\.swift$/i.test(path) ? 'sniff' : 'no'),
  sniff: (text) => holdsAppleMarker(text),
  parse(path, text): ParsedFile {
    return readAppleFile(emptyParsed(path, 'swift', text), swiftSyntax(text));
  },
});

type Token = LexToken;

const TYPE_KEYWORDS = new Set(['enum', 'struct', 'class', 'extension', 'actor', 'protocol']);
/** A name of TYPE_KEYWORDS: their lengths are 4 to 9, so most names are told apart without a Set lookup. */
const isTypeKeyword = (name: string): boolean => name.length >= 4 && name.length <= 9 && TYPE_KEYWORDS.has(name);
/** Operators that, at the end or the start of a line, carry an expression on to the next line. */
const CONTINUES = new Set(['+', '-', '*', '?', ':', '=', '.', ',', '&', '|', '(', '[']);

export function swiftSyntax(text: string): AppleSyntax {
  const lexed = tokenizeSwift(text);
  // Line breaks are kept apart: `lineBreakBefore[k]` says a statement may end before token k. The newline
  // tokens are dropped in place (the lexer's array is this reader's alone): no second token-sized array.
  const tokens = lexed.tokens;
  const lineBreakBefore = new Uint8Array(tokens.length + 1);
  let count = 0;
  let pendingBreak = 1;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === 'newline') {
      pendingBreak = 1;
      continue;
    }
    lineBreakBefore[count] = pendingBreak;
    tokens[count++] = t;
    pendingBreak = 0;
  }
  tokens.length = count;
  const reader = new SwiftStatements(tokens, lineBreakBefore);
  reader.scan();
  return {
    lexed,
    text,
    language: 'swift',
    calls: reader.calls,
    assignments: reader.assignments,
    declarations: reader.declarations,
    relex: (expression) => tokenizeSwift(expression).tokens.filter((t) => t.kind !== 'newline'),
    callAt: (list, start, end) => callIn(list, start, end),
  };
}

class SwiftStatements {
  readonly calls: Call[] = [];
  readonly assignments: Assignment[] = [];
  readonly declarations: AppleDeclaration[] = [];

  constructor(
    private readonly tokens: Token[],
    private readonly lineBreakBefore: Uint8Array,
  ) {}

  scan(): void {
    const { tokens } = this;
    // The brace stack knows which type a member is declared in; `#if` depth marks conditional declarations.
    const braces: (string | undefined)[] = [];
    let pendingType: string | undefined;
    let conditionalDepth = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind === 'directive') {
        if (t.text === '#if') conditionalDepth++;
        else if (t.text === '#endif') conditionalDepth = Math.max(0, conditionalDepth - 1);
        continue;
      }
      if (t.kind === 'punct') {
        if (t.text === '{') {
          braces.push(pendingType);
          pendingType = undefined;
        } else if (t.text === '}') braces.pop();
        else if (t.text === '=' && this.isAssignment(i)) this.readAssignment(i, braces, conditionalDepth > 0);
        else if (t.text === '(' && tokens[i - 1]?.kind === 'identifier' && tokens[i - 1].end === t.start) this.readCall(i - 1);
        continue;
      }
      if (t.kind !== 'identifier') continue;
      if (isTypeKeyword(t.text) && tokens[i + 1]?.kind === 'identifier') pendingType = tokens[i + 1].text;
      else if ((t.text === 'let' || t.text === 'var') && tokens[i + 1]?.kind === 'identifier') {
        const owner = braces.length ? braces[braces.length - 1] : undefined;
        i = this.readDeclaration(i, owner, conditionalDepth > 0);
      } else if (t.text === 'case' && tokens[i + 1]?.kind === 'identifier' && isPunct(tokens[i + 2], '=') && braces[braces.length - 1]) {
        const end = this.expressionEnd(i + 3);
        this.declarations.push({
          name: tokens[i + 1].text,
          owner: braces[braces.length - 1],
          value: this.span(i + 3, end),
          at: tokens[i].start,
          conditional: conditionalDepth > 0,
        });
      }
    }
  }

  private span(start: number, end: number): Span {
    return { tokens: this.tokens, start, end };
  }

  /** `let name (: Type)? = value` or a computed `var name: Type { return value }`; returns the index to go on from. */
  private readDeclaration(i: number, owner: string | undefined, conditional: boolean): number {
    const { tokens } = this;
    const name = tokens[i + 1].text;
    let k = i + 2;
    if (isPunct(tokens[k], ':')) {
      // Skip the type annotation: up to `=` or `{` at depth 0 on this line.
      let depth = 0;
      for (k++; k < tokens.length; k++) {
        if (depth === 0 && this.lineBreakBefore[k]) return k - 1;
        const t = tokens[k];
        if (t.kind !== 'punct') continue;
        if ('([<'.includes(t.text)) depth++;
        else if (')]>'.includes(t.text)) depth--;
        else if (depth <= 0 && (t.text === '=' || t.text === '{')) break;
      }
    }
    if (isPunct(tokens[k], '=') && !isPunct(tokens[k + 1], '=')) {
      const end = this.expressionEnd(k + 1);
      this.declarations.push({ name, owner, value: this.span(k + 1, end), at: tokens[i].start, conditional });
      return k;
    }
    if (isPunct(tokens[k], '{')) {
      let body = k + 1;
      // `{ get { return x } }`
      if (tokens[body]?.text === 'get' && isPunct(tokens[body + 1], '{')) body += 2;
      if (tokens[body]?.text === 'return') body++;
      const end = this.expressionEnd(body);
      if (end > body) this.declarations.push({ name, owner, value: this.span(body, end), at: tokens[i].start, conditional });
    }
    return k - 1;
  }

  /** A lone `=` (not `==`, `!=`, `<=`, `+=` …). */
  private isAssignment(i: number): boolean {
    const { tokens } = this;
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    if (isPunct(after, '=') && after.start === tokens[i].end) return false;
    if (before?.kind === 'punct' && before.end === tokens[i].start && '=!<>+-*/%&|^~?'.includes(before.text)) return false;
    return before?.kind === 'identifier';
  }

  /** `a.b = value`: recorded as an assignment, and as a declaration of `b` for code that reads it back. */
  private readAssignment(i: number, braces: (string | undefined)[], conditional: boolean): void {
    const { tokens } = this;
    const path: string[] = [];
    let k = i - 1;
    while (k >= 0 && tokens[k].kind === 'identifier') {
      path.unshift(tokens[k].text);
      if (!isPunct(tokens[k - 1], '.')) break;
      k -= 2;
    }
    // `let x = …` is a declaration (read elsewhere); `x: T = …` is its typed form.
    const lead = tokens[k - 1];
    if (lead?.kind === 'identifier' && (lead.text === 'let' || lead.text === 'var' || lead.text === 'case')) return;
    if (isPunct(lead, ':') || (lead?.kind === 'punct' && lead.text === '>')) return;
    const end = this.expressionEnd(i + 1);
    const value = this.span(i + 1, end);
    this.assignments.push({ path, value, at: i });
    const name = path[path.length - 1];
    if (path.length === 1 || (path.length === 2 && path[0] === 'self'))
      this.declarations.push({ name, owner: path.length === 2 ? innermostType(braces) : undefined, value, at: tokens[i].start, conditional });
  }

  private readCall(nameIndex: number): void {
    const { tokens } = this;
    const dotted = isPunct(tokens[nameIndex - 1], '.') && tokens[nameIndex - 2]?.kind === 'identifier';
    const receiver = dotted ? tokens[nameIndex - 2].text : tokens[nameIndex].text;
    if (!APPLE_SDK_TYPES.has(receiver)) return;
    let start = nameIndex;
    while (isPunct(tokens[start - 1], '.') && tokens[start - 2]?.kind === 'identifier') start -= 2;
    const call = callIn(tokens, start, this.expressionEnd(nameIndex), true);
    if (!call) return;
    call.assignedTo = this.assignedTo(start);
    this.calls.push(call);
  }

  /** `let config = Type(…)`, `config = try Type(…)`, `let config: T = Type(…)`: the variable's name. */
  private assignedTo(start: number): string | undefined {
    const { tokens } = this;
    let k = start - 1;
    while (k >= 0 && ((tokens[k].kind === 'identifier' && (tokens[k].text === 'try' || tokens[k].text === 'await')) || isPunct(tokens[k], '!', '?'))) k--;
    if (!isPunct(tokens[k], '=')) return undefined;
    for (let j = k - 1; j >= 0 && j >= k - 12; j--) {
      if (tokens[j].kind === 'identifier' && (tokens[j].text === 'let' || tokens[j].text === 'var'))
        return tokens[j + 1]?.kind === 'identifier' ? tokens[j + 1].text : undefined;
      if (this.lineBreakBefore[j]) break;
    }
    return tokens[k - 1]?.kind === 'identifier' ? tokens[k - 1].text : undefined;
  }

  /** Where an expression starting at `from` ends: a line break (unless an operator carries it on), `;`, `,`, `else`, or a bracket that closes what it did not open. */
  expressionEnd(from: number): number {
    const { tokens } = this;
    let depth = 0;
    const last = Math.min(tokens.length, from + MAX_EXPRESSION_TOKENS);
    for (let k = from; k < last; k++) {
      const t = tokens[k];
      if (k > from && depth === 0 && this.lineBreakBefore[k]) {
        const carried =
          (t.kind === 'punct' && CONTINUES.has(t.text) && t.text !== '(' && t.text !== '[') ||
          (tokens[k - 1].kind === 'punct' && CONTINUES.has(tokens[k - 1].text));
        if (!carried) return k;
      }
      if (t.kind === 'identifier' && depth === 0 && t.text === 'else') return k;
      if (t.kind !== 'punct') continue;
      if (t.text === '(' || t.text === '[') depth++;
      else if (t.text === '{') {
        if (depth === 0) return k;
        depth++;
      } else if (t.text === ')' || t.text === ']' || t.text === '}') {
        if (depth === 0) return k;
        depth--;
      } else if (depth === 0 && (t.text === ';' || t.text === ',')) return k;
    }
    return last;
  }
}

function innermostType(braces: (string | undefined)[]): string | undefined {
  for (let k = braces.length - 1; k >= 0; k--) if (braces[k]) return braces[k];
  return undefined;
}

/**
 * The call a span is (`Type(label: x)`, `Type.init(…)`, `a.b.method(…)`, with `try` and unwraps around it):
 * labelled arguments split at depth-0 commas. `open` = the span starts at the call's name.
 */
function callIn(tokens: Token[], start: number, end: number, atName = false): Call | undefined {
  let k = start;
  if (!atName) {
    while (k < end && tokens[k].kind === 'identifier' && (tokens[k].text === 'try' || tokens[k].text === 'await')) {
      k++;
      if (isPunct(tokens[k], '!', '?') && tokens[k].start === tokens[k - 1].end) k++;
    }
  }
  // a.b.Name( … ) or Name( … ) or Name.init( … )
  let nameIndex = k;
  while (tokens[nameIndex]?.kind === 'identifier' && isPunct(tokens[nameIndex + 1], '.') && tokens[nameIndex + 2]?.kind === 'identifier') nameIndex += 2;
  if (tokens[nameIndex]?.kind !== 'identifier' || !isPunct(tokens[nameIndex + 1], '(')) return undefined;
  const close = matching(tokens, nameIndex + 1, Math.max(end, nameIndex + 2));
  if (close < 0) return undefined;
  if (!atName) {
    let tail = close + 1;
    while (tail < end && isPunct(tokens[tail], '!', '?')) tail++;
    if (tail !== end) return undefined;
  }
  const name = tokens[nameIndex];
  const dotted = nameIndex > k;
  const receiver = dotted ? tokens[nameIndex - 2].text : name.text;
  const method = dotted && name.text !== 'init' ? name.text : 'init';
  const labels: string[] = [];
  const args: Span[] = [];
  let depth = 0;
  let from = nameIndex + 2;
  for (let a = from; a <= close; a++) {
    const t = tokens[a];
    const atEnd = a === close;
    if (!atEnd && t.kind === 'punct') {
      if ('([{'.includes(t.text)) depth++;
      else if (')]}'.includes(t.text)) depth--;
    }
    if (atEnd || (depth === 0 && isPunct(t, ','))) {
      if (a > from) {
        const labelled = tokens[from].kind === 'identifier' && isPunct(tokens[from + 1], ':') && from + 1 < a;
        labels.push(labelled ? tokens[from].text.toLowerCase() : '');
        args.push({ tokens, start: labelled ? from + 2 : from, end: a });
      }
      from = a + 1;
    }
  }
  return { receiver, method, labels, args, nameToken: dotted && name.text === 'init' ? tokens[nameIndex - 2] : name, at: k };
}
