import type { LexToken } from '../lexing/lexer';
import type { Range } from '../model';

// Navigation over the shared lexer's tokens for the Android readers (Kotlin, Java, Groovy and Kotlin DSL
// build files): bracket matching, call arguments, statement ends and string values with exact ranges.
// Every walk is bounded by the token count and never recurses.

export type Token = LexToken;

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

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
      if (OPENERS[t.text]) stack.push(i);
      else if (t.text === ')' || t.text === ']' || t.text === '}') {
        // Pop to the matching opener; openers left unclosed by broken input are dropped on the way.
        for (let s = stack.length - 1; s >= 0; s--) {
          if (OPENERS[tokens[stack[s]].text] === t.text) {
            this.partner[stack[s]] = i;
            this.partner[i] = stack[s];
            stack.length = s;
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
      if (t.kind === 'punct' && OPENERS[t.text] && this.closing(i) > i) i = this.closing(i);
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
        if (OPENERS[t.text]) {
          const close = this.closing(i);
          if (close < 0) return limit;
          i = close;
          continue;
        }
        if (t.text === ';' || t.text === ',' || t.text === ')' || t.text === ']' || t.text === '}') return i;
      }
      if (t.kind === 'newline') {
        const before = this.tokens[this.skipNewlinesBack(i - 1)];
        const after = this.tokens[this.skipNewlines(i)];
        const continues = (before?.kind === 'punct' && '+=-*/(,?:.'.includes(before.text)) || (after?.kind === 'punct' && '+.?:'.includes(after.text));
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

/** Resolves a name (`X`, `Config.X`) to its value; undefined when the name is not known statically. */
export type NameLookup = (name: string, depth: number) => CodeValue | undefined;

/** Calls that hand their string argument through unchanged (`Uri.parse(x)`) or a receiver (`x.toUri()`). */
const PASS_THROUGH_CALLS = new Set(['parse', 'toUri', 'toString', 'trim', 'toHttpUrl', 'create', 'valueOf']);
const MAX_DEPTH = 8;

/**
 * Evaluates a string expression of tokens [start, end): literals (holes filled from `lookup`), names,
 * `a + b`, parentheses and the pass-through calls above. Text it cannot see is kept as `${…}` and the
 * value marked partial; undefined when nothing of it is a string.
 */
export function evaluate(cursor: TokenCursor, start: number, end: number, lookup: NameLookup, depth = 0): CodeValue | undefined {
  if (depth > MAX_DEPTH || start >= end) return undefined;
  const { tokens } = cursor;
  const terms: CodeValue[] = [];
  let seen = false;
  let i = cursor.skipNewlines(start);
  while (i < end) {
    const [value, next] = term(cursor, i, end, lookup, depth);
    if (value) seen = true;
    terms.push(
      value ?? {
        value: `\${${tokens
          .slice(i, next)
          .map((t) => t.text)
          .join('')}}`,
        range: spanOf(tokens, i, Math.max(i + 1, next)),
        partial: true,
      },
    );
    i = cursor.skipNewlines(Math.max(next, i + 1));
    if (i >= end || !cursor.isPunct(i, '+')) break;
    i = cursor.skipNewlines(i + 1);
  }
  // Tokens left over (an operator other than `+`): the expression is not a plain string.
  if (!seen) return undefined;
  if (i < end) terms.push({ value: '${…}', range: spanOf(tokens, i, end), partial: true });
  if (terms.length === 1) return terms[0];
  return {
    value: terms.map((t) => t.value).join(''),
    // A concatenation is located where it is written (its parts may come from declarations elsewhere).
    range: spanOf(tokens, cursor.skipNewlines(start), cursor.skipNewlinesBack(end - 1) + 1),
    partial: terms.some((t) => t.partial) || undefined,
  };
}

/** One operand: its value (undefined when not a string) and the index after it. */
function term(cursor: TokenCursor, i: number, end: number, lookup: NameLookup, depth: number): [CodeValue | undefined, number] {
  const { tokens } = cursor;
  const t = tokens[i];
  if (t.kind === 'string') {
    const s = stringValue(t);
    let value = s.text;
    let partial = false;
    for (const hole of s.holes) {
      const filled = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(hole.expression.trim()) ? lookup(hole.expression.trim(), depth + 1) : undefined;
      if (filled && !filled.partial) value = value.replace(`\${${hole.expression}}`, () => filled.value);
      else partial = true;
    }
    return [{ value, range: s.range, partial: partial || undefined }, skipSuffixCalls(cursor, i + 1, end)];
  }
  if (t.kind === 'punct' && t.text === '(') {
    const close = cursor.closing(i);
    if (close < 0 || close >= end) return [undefined, end];
    return [evaluate(cursor, i + 1, close, lookup, depth + 1), skipSuffixCalls(cursor, close + 1, end)];
  }
  if (t.kind !== 'identifier') return [undefined, cursor.expressionEnd(i + 1, end)];
  // A dotted name, possibly a call: `Uri.parse(x)`, `Config.REDIRECT`, `BuildConfig.X`.
  let j = i;
  const names = [t.text];
  while (cursor.isPunct(j + 1, '.') && cursor.isIdent(j + 2)) {
    j += 2;
    names.push(tokens[j].text);
  }
  if (cursor.isPunct(j + 1, '(')) {
    const close = cursor.closing(j + 1);
    if (close < 0 || close >= end) return [undefined, end];
    const args = cursor.args(j + 1) ?? [];
    const callee = names[names.length - 1];
    if (PASS_THROUGH_CALLS.has(callee) && args.length === 1) {
      return [evaluate(cursor, args[0][0], args[0][1], lookup, depth + 1), skipSuffixCalls(cursor, close + 1, end)];
    }
    // `REDIRECT.toUri()`: the receiver's value.
    if (PASS_THROUGH_CALLS.has(callee) && !args.length && names.length > 1) {
      return [lookup(names.slice(0, -1).join('.'), depth + 1), skipSuffixCalls(cursor, close + 1, end)];
    }
    return [undefined, skipSuffixCalls(cursor, close + 1, end)];
  }
  if (names.length === 1 && (t.text === 'null' || t.text === 'true' || t.text === 'false')) return [undefined, j + 1];
  const value = lookup(names.join('.'), depth + 1);
  return [value, skipSuffixCalls(cursor, j + 1, end)];
}

/** Skips `.toUri()`, `.toString()`, `!!` after a value; other calls make the rest of the term unknown. */
function skipSuffixCalls(cursor: TokenCursor, i: number, end: number): number {
  while (i < end) {
    if (cursor.isPunct(i, '!') && cursor.isPunct(i + 1, '!')) {
      i += 2;
      continue;
    }
    if (
      (cursor.isPunct(i, '.') || (cursor.isPunct(i, '?') && cursor.isPunct(i + 1, '.'))) &&
      PASS_THROUGH_CALLS.has(cursor.tokens[cursor.isPunct(i, '?') ? i + 2 : i + 1]?.text ?? '')
    ) {
      const name = cursor.isPunct(i, '?') ? i + 2 : i + 1;
      if (cursor.isPunct(name + 1, '(') && cursor.closing(name + 1) === name + 2) {
        i = name + 3;
        continue;
      }
    }
    break;
  }
  return i;
}

/** Keywords that declare a name with `=`: Kotlin `val`/`var`, Groovy `def`, and Java/Groovy `String`. */
const DECLARERS = new Set(['val', 'var', 'def', 'String']);
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
    if (tokens[i].kind !== 'identifier' || !DECLARERS.has(tokens[i].text) || !cursor.isIdent(i + 1)) continue;
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
 * A lookup over a file's declarations: `X` or `Owner.X` (the last segment) resolves when every declaration
 * of the name gives the same value; `extra` answers names the declarations do not (the build's own
 * properties in Gradle).
 */
export function declarationLookup(cursor: TokenCursor, declared: Map<string, [number, number][]>, extra?: NameLookup): NameLookup {
  // Each name is evaluated once; a name met again while it is being evaluated is a cycle (`a = b`, `b = a`).
  const memo = new Map<string, CodeValue | undefined | 'pending'>();
  const lookup: NameLookup = (name, depth) => {
    if (depth > MAX_DEPTH) return undefined;
    const own = extra?.(name, depth);
    if (own) return own;
    const last = name.slice(name.lastIndexOf('.') + 1);
    const known = memo.get(last);
    if (known === 'pending') return undefined;
    if (memo.has(last)) return known;
    const ranges = declared.get(last);
    if (!ranges?.length) return undefined;
    memo.set(last, 'pending');
    const values = ranges.map(([s, e]) => evaluate(cursor, s, e, lookup, depth + 1));
    const [first] = values;
    const value = !first || values.some((v) => !v || v.value !== first.value) ? undefined : first;
    memo.set(last, value);
    return value;
  };
  return lookup;
}
