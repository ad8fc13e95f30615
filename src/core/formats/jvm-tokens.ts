import type { LexToken } from '../lexing/lexer';
import type { Range } from '../model';
import { resourceMarker } from './android-values';
import { expressionOf, MapScope, stringLiteral, ValueEvaluator, type Declaration, type TokenSyntax, type ValueExpr } from '../values';

// Navigation over the shared lexer's tokens for the Android readers (Kotlin, Java, Groovy and Kotlin DSL
// build files): bracket matching, call arguments, statement ends and string values with exact ranges.
// Every walk is bounded by the token count and never recurses.

export type Token = LexToken;

/** `(`, `[` or `{`: by character code (a keyed lookup per token cost a string hash each). */
function isOpener(text: string): boolean {
  const c = text.charCodeAt(0);
  return text.length === 1 && (c === 40 || c === 91 || c === 123);
}

/** A string literal's decoded text (holes kept as `${expression}`) and the range of its content inside the quotes. */
export interface StringValue {
  text: string;
  /** Expressions of `$name` / `${…}` holes, in order (none for a plain literal). */
  holes: { expression: string; range: Range }[];
  range: Range;
}

export class TokenCursor {
  /** Index of each bracket's partner, computed once (unbalanced ones have none). */
  private readonly partner: Int32Array;

  constructor(readonly tokens: Token[]) {
    this.partner = new Int32Array(tokens.length).fill(-1);
    const stack: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind !== 'punct') continue;
      const c = t.text.charCodeAt(0);
      if (c === 40 || c === 91 || c === 123) stack.push(i);
      else if (c === 41 || c === 93 || c === 125) {
        // Pop to the matching opener; openers left unclosed by broken input are dropped on the way.
        const opener = c === 41 ? 40 : c === 93 ? 91 : 123;
        for (let s = stack.length - 1; s >= 0; s--) {
          if (tokens[stack[s]].text.charCodeAt(0) === opener) {
            this.partner[stack[s]] = i;
            this.partner[i] = stack[s];
            // The usual case, the top opener, is a pop: setting `length` is a slower builtin call.
            if (s === stack.length - 1) stack.pop();
            else stack.length = s;
            break;
          }
        }
      }
    }
  }

  get length(): number {
    return this.tokens.length;
  }

  isPunct(i: number, text: string): boolean {
    const t = this.tokens[i];
    return t !== undefined && t.kind === 'punct' && t.text === text;
  }

  isIdent(i: number, text?: string): boolean {
    const t = this.tokens[i];
    return t !== undefined && t.kind === 'identifier' && (text === undefined || t.text === text);
  }

  isNewline(i: number): boolean {
    return this.tokens[i]?.kind === 'newline';
  }

  /** The next index at or after `i` that is not a line break. */
  skipNewlines(i: number): number {
    while (i < this.tokens.length && this.tokens[i].kind === 'newline') i++;
    return i;
  }

  /** The previous index at or before `i` that is not a line break (-1 when none). */
  skipNewlinesBack(i: number): number {
    while (i >= 0 && this.tokens[i].kind === 'newline') i--;
    return i;
  }

  /** The index of the bracket closing the one at `i`, or -1. */
  closing(i: number): number {
    return this.partner[i] ?? -1;
  }

  /** The index of the bracket opening the one at `i`, or -1. */
  opening(i: number): number {
    return this.partner[i] ?? -1;
  }

  /**
   * The arguments of the call whose `(` is at `open`: token index ranges [start, end), split at depth-0
   * commas, line breaks trimmed. Undefined when the parenthesis is not closed.
   */
  args(open: number): [number, number][] | undefined {
    const close = this.closing(open);
    if (close < 0) return undefined;
    const result: [number, number][] = [];
    let start = open + 1;
    for (let i = open + 1; i <= close; i++) {
      const t = this.tokens[i];
      if (i === close || (t.kind === 'punct' && t.text === ',')) {
        const s = this.skipNewlines(start);
        const e = this.skipNewlinesBack(i - 1) + 1;
        if (e > s) result.push([s, e]);
        start = i + 1;
        continue;
      }
      if (t.kind === 'punct' && isOpener(t.text) && this.closing(i) > i) i = this.closing(i);
    }
    return result;
  }

  /**
   * Where an expression starting at `start` ends (exclusive): at `;` or `,` at depth 0, a closing bracket
   * of an enclosing pair, or a line break at depth 0 that does not continue the expression (the line
   * ends with an operator, or the next begins with `+`, `.`, `?`).
   */
  expressionEnd(start: number, limit = this.tokens.length): number {
    for (let i = start; i < limit; i++) {
      const t = this.tokens[i];
      if (t.kind === 'punct') {
        if (isOpener(t.text)) {
          const close = this.closing(i);
          if (close < 0) return limit;
          i = close;
          continue;
        }
        if (t.text === ';' || t.text === ',' || t.text === ')' || t.text === ']' || t.text === '}') return i;
      }
      if (t.kind === 'newline') {
        const b = this.skipNewlinesBack(i - 1);
        const before = this.tokens[b];
        const after = this.tokens[this.skipNewlines(i)];
        const continues =
          (before?.kind === 'punct' && '+=-*/(,?:.'.includes(before.text)) ||
          (after?.kind === 'punct' && '+.?:'.includes(after.text)) ||
          // Kotlin's `if (c)⏎ a⏎ else⏎ b` used as an expression.
          this.isIdent(b, 'else') ||
          (after?.kind === 'identifier' && after.text === 'else') ||
          (before?.kind === 'punct' && before.text === ')' && this.isIdent(this.opening(b) - 1, 'if'));
        if (!continues || i === start) return i;
      }
    }
    return limit;
  }
}

/** The value of a string token: decoded text with holes kept as `${…}`, and its content range. */
export function stringValue(token: Token): StringValue {
  const quote = /^("""|'''|"|')/.exec(token.text)?.[0] ?? '';
  const closed = quote && token.text.length >= quote.length * 2 && token.text.endsWith(quote);
  const range = { start: token.start + quote.length, end: closed ? token.end - quote.length : token.end };
  let text = '';
  const holes: StringValue['holes'] = [];
  for (const part of token.parts ?? []) {
    if ('text' in part) text += part.text;
    else {
      text += `\${${part.expression}}`;
      holes.push(part);
    }
  }
  return { text, holes, range };
}

/** The range spanning tokens [start, end). */
export function spanOf(tokens: Token[], start: number, end: number): Range {
  return { start: tokens[start].start, end: tokens[Math.max(start, end - 1)].end };
}

/** A value an expression evaluates to: its text, where it is written, and `partial` when part of it is computed. */
export interface CodeValue {
  value: string;
  range: Range;
  partial?: boolean;
}

/** Kotlin and Groovy show unknown parts as `${x}` and have the Elvis `?:`; Java writes no holes but shows them alike. */
export const KOTLIN_SYNTAX: TokenSyntax = { display: (source) => `\${${source}}`, elvis: true };
export const JAVA_SYNTAX: TokenSyntax = { display: (source) => `\${${source}}` };

/** Calls that hand their one string argument through: `Uri.parse(x)`, `URI.create(x)`, `String.valueOf(x)`. */
const WRAPPING_CALLS = new Set(['parse', 'create', 'valueOf', 'toHttpUrl']);
/** Calls on a value that keep it: `x.toUri()`, `x.toString()`, `x.trim()`. */
const KEEPING_CALLS = new Set(['toUri', 'toString', 'trim', 'toHttpUrl']);

/**
 * The token range of the string inside Android's URI wrappers: `Uri.parse(x)` → `x`, `x.toUri()` → `x`,
 * `x!!` → `x` (repeatedly), so the shared front end sees the string expression itself.
 */
export function unwrapped(cursor: TokenCursor, start: number, end: number): [number, number] {
  for (let guard = 0; guard < 16 && end > start; guard++) {
    const last = end - 1;
    if (cursor.isPunct(last, '!') && cursor.isPunct(last - 1, '!')) {
      end -= 2;
      continue;
    }
    // `….toUri()` / `…?.toString()`
    if (
      cursor.isPunct(last, ')') &&
      cursor.opening(last) === last - 1 &&
      KEEPING_CALLS.has(cursor.tokens[last - 2]?.text ?? '') &&
      cursor.isPunct(last - 3, '.')
    ) {
      end = cursor.isPunct(last - 4, '?') ? last - 4 : last - 3;
      continue;
    }
    // `Uri.parse(…)` spanning the whole range
    if (cursor.isPunct(last, ')') && cursor.isIdent(start)) {
      const open = cursor.opening(last);
      const callee = cursor.tokens[open - 1];
      if (open > start && callee?.kind === 'identifier' && WRAPPING_CALLS.has(callee.text) && isDottedName(cursor, start, open)) {
        const args = cursor.args(open);
        if (args?.length === 1) {
          [start, end] = args[0];
          continue;
        }
      }
    }
    break;
  }
  return [start, end];
}

/** Tokens [start, end) are `a.b.c` (names and dots only). */
function isDottedName(cursor: TokenCursor, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if ((k - start) % 2 === 0 ? !cursor.isIdent(k) : !cursor.isPunct(k, '.')) return false;
  return (end - start) % 2 === 1;
}

/**
 * Words that declare a name with `=`: Kotlin `val`/`var`, Groovy `def`, and the Java/Groovy types a redirect is
 * kept in, `String`, Android's `Uri` and `java.net.URI` (`static final Uri REDIRECT_URI = Uri.parse("…");`).
 * Compared by length first, not looked up in a Set: this runs for every name of a file (a Set lookup hashes each).
 */
const isDeclarer = (name: string): boolean =>
  name.length === 3 ? name === 'val' || name === 'var' || name === 'def' || name === 'Uri' || name === 'URI' : name.length === 6 && name === 'String';
/** Declarations of one name kept beyond this many say nothing a reader can rely on. */
const MAX_DECLARATIONS = 4;

/**
 * Names declared with a value in the file (`const val X = "…"`, `static final String X = "…";`,
 * `def x = "…"`): name → the token ranges of each declaration's value.
 */
export function declarations(cursor: TokenCursor): Map<string, [number, number][]> {
  const found = new Map<string, [number, number][]>();
  const { tokens } = cursor;
  for (let i = 0; i < tokens.length - 2; i++) {
    if (tokens[i].kind !== 'identifier' || !isDeclarer(tokens[i].text) || !cursor.isIdent(i + 1)) continue;
    let j = i + 2;
    // Kotlin `val x: String = …`: skip the type (a name, dots, `?`, generic brackets) up to `=`.
    if (cursor.isPunct(j, ':')) {
      j++;
      while (j < tokens.length && j < i + 12 && !cursor.isPunct(j, '=') && !cursor.isNewline(j) && tokens[j].kind !== 'string') j++;
    }
    if (!cursor.isPunct(j, '=') || cursor.isPunct(j + 1, '=')) continue;
    const start = cursor.skipNewlines(j + 1);
    const end = cursor.expressionEnd(start);
    const name = tokens[i + 1].text;
    const list = found.get(name) ?? [];
    if (list.length < MAX_DECLARATIONS) list.push([start, end]);
    found.set(name, list);
  }
  return found;
}

/**
 * The shared evaluator (../values) over a file's declarations: a name or member path resolves by its last
 * name (`Config.REDIRECT` → `REDIRECT`); `extra` answers names the file does not declare (the build's own
 * properties in Gradle). `values` gives every value an expression may take (`a ?: b`, `c ? a : b`).
 */
export class FileValues {
  private readonly evaluator: ValueEvaluator;

  constructor(
    private readonly cursor: TokenCursor,
    private readonly syntax: TokenSyntax,
    /** The token ranges of each declaration of a name (see `declarations`). */
    declared: (name: string) => [number, number][] | undefined,
    extra?: (name: string) => readonly Declaration[] | undefined,
  ) {
    const file = new MapScope((name) => {
      const own = extra?.(name);
      if (own) return own;
      return declared(name)?.map(([s, e]) => ({ expr: this.ir(s, e) }));
    });
    this.evaluator = new ValueEvaluator({ resolve: (path) => file.resolve([path[path.length - 1]]) });
  }

  /** Every value tokens [start, end) may take. */
  values(start: number, end: number): CodeValue[] {
    if (end <= start) return [];
    return this.evaluator
      .values(this.ir(start, end))
      .map((v) => (v.partial ? { value: v.value, range: v.range, partial: true } : { value: v.value, range: v.range }));
  }

  /** The first value tokens [start, end) may take (ids and authorities: one is expected). */
  value(start: number, end: number): CodeValue | undefined {
    return this.values(start, end)[0];
  }

  private ir(start: number, end: number, depth = 0): ValueExpr {
    const [s, e] = unwrapped(this.cursor, start, end);
    const resource = stringResourceAt(this.cursor, s, e);
    if (resource) return stringLiteral(resourceMarker(resource), spanOf(this.cursor.tokens, s, e));
    const branches = depth < MAX_IF_NESTING ? ifElseBranches(this.cursor, s, e) : undefined;
    if (branches) {
      const range = spanOf(this.cursor.tokens, s, e);
      return { kind: 'alternatives', options: branches.map(([bs, be]) => this.ir(bs, be, depth + 1)), range, display: this.syntax.display('if …') };
    }
    return expressionOf(this.cursor.tokens.slice(s, e), this.syntax);
  }
}

/** `if` expressions nested in branches (`else if …`) followed before the rest becomes unknown. */
const MAX_IF_NESTING = 8;

/**
 * Kotlin's `if (c) a else b` used as an expression (`val url = if (ekmUrl.endsWith("/")) ekmUrl else "$ekmUrl/"`
 * in FlowCrypt/flowcrypt-android ApiClientRepository.kt): the token ranges of its two branches; a `{ … }`
 * branch stands for its last expression. Undefined when tokens [start, end) are not one such expression.
 */
function ifElseBranches(cursor: TokenCursor, start: number, end: number): [number, number][] | undefined {
  if (!cursor.isIdent(start, 'if') || !cursor.isPunct(start + 1, '(')) return undefined;
  const close = cursor.closing(start + 1);
  if (close < 0 || close >= end) return undefined;
  const thenStart = cursor.skipNewlines(close + 1);
  let elseAt = -1;
  for (let k = thenStart; k < end; k++) {
    const t = cursor.tokens[k];
    if (t.kind === 'punct' && isOpener(t.text)) {
      const partner = cursor.closing(k);
      if (partner < 0 || partner >= end) return undefined;
      k = partner;
    } else if (t.kind === 'identifier' && t.text === 'else') {
      elseAt = k;
      break;
    } else if (t.kind === 'identifier' && t.text === 'if') return undefined; // `if (a) if (b) x else y` is not a value
  }
  if (elseAt < 0) return undefined;
  const thenBranch = blockValue(cursor, thenStart, cursor.skipNewlinesBack(elseAt - 1) + 1);
  const elseBranch = blockValue(cursor, cursor.skipNewlines(elseAt + 1), end);
  return thenBranch && elseBranch ? [thenBranch, elseBranch] : undefined;
}

/** A branch's value: the expression itself, or the last statement of a `{ … }` block. */
function blockValue(cursor: TokenCursor, start: number, end: number): [number, number] | undefined {
  if (end <= start) return undefined;
  if (!cursor.isPunct(start, '{') || cursor.closing(start) !== end - 1) return [start, end];
  const inner = cursor.skipNewlinesBack(end - 2) + 1;
  let from = start + 1;
  for (let k = start + 1; k < inner; k++) {
    const t = cursor.tokens[k];
    if (t.kind === 'punct' && isOpener(t.text) && cursor.closing(k) > k) k = cursor.closing(k);
    else if (t.kind === 'newline' || (t.kind === 'punct' && t.text === ';')) {
      const next = cursor.skipNewlines(k + 1);
      if (next < inner && !(cursor.tokens[next].kind === 'punct' && '+.?:'.includes(cursor.tokens[next].text))) from = next;
    }
  }
  from = cursor.skipNewlines(from);
  return inner > from ? [from, inner] : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Android string resources in code

/** Calls that read a string resource: `getString(R.string.x)`, `context.getString(…)`, `resources.getString(…)`. */
const RESOURCE_READERS = new Set(['getString', 'getText']);

/**
 * The name of the string resource tokens [start, end) read: `R.string.x` (or `com.app.R.string.x`),
 * `getString(R.string.x)`, `context.getString(R.string.x)`, `res.getString(R.string.x)`.
 */
export function stringResourceAt(cursor: TokenCursor, start: number, end: number): string | undefined {
  if (end - start >= 5 && cursor.isPunct(end - 1, ')') && cursor.opening(end - 1) > start) {
    const open = cursor.opening(end - 1);
    if (RESOURCE_READERS.has(cursor.tokens[open - 1]?.text ?? '') && isDottedName(cursor, start, open)) {
      const args = cursor.args(open);
      return args?.length === 1 ? stringResourceAt(cursor, args[0][0], args[0][1]) : undefined;
    }
  }
  const last = end - 1;
  if (last - start < 4 || !cursor.isIdent(last) || !cursor.isPunct(last - 1, '.') || !cursor.isIdent(last - 2, 'string')) return undefined;
  if (!cursor.isPunct(last - 3, '.') || !cursor.isIdent(last - 4, 'R') || !isDottedName(cursor, start, end)) return undefined;
  return cursor.tokens[last].text;
}
