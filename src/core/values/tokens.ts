import type { Range } from '../model';
import type { LexToken, TemplatePart } from '../lexing/lexer';
import { stringLiteral, unknown, type StringExprPart, type ValueExpr } from './ir';

// The token front end: an expression of a C-family language (C#, Swift, Kotlin, Java, Dart, Groovy,
// PowerShell) as lexer tokens → the IR. It knows strings with their holes, numbers, names and member
// paths (`A.B.C`, `this.x`, `$var`), `+` concatenation, parentheses, and the alternatives `c ? a : b`,
// `a ?? b` and (where the language has it) the Elvis `a ?: b`. Anything else is `unknown`.

export interface TokenSyntax {
  /** How an unknown part shows in a partial value: C# `{x}`, Kotlin/Dart `${x}`, Swift `\(x)`. */
  display(source: string): string;
  /** Kotlin, Groovy: `a ?: b` is an alternative. */
  elvis?: boolean;
  /** Types whose one-argument constructor passes its argument on: C# `new Uri("myapp://")`. */
  transparentConstructors?: ReadonlySet<string>;
}

/** Nesting of parentheses and ternaries followed before the rest becomes unknown. */
const MAX_NESTING = 16;

const DOTTED_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$/;

type Token = LexToken<string>;

/** The IR of `tokens` (an argument, an initializer, the right side of an assignment). */
export function expressionOf(tokens: readonly Token[], syntax: TokenSyntax): ValueExpr {
  const code = tokens.filter((t) => t.kind !== 'newline' && t.kind !== 'directive');
  return parse(code, syntax, 0);
}

/** The IR of a string token: its text parts, and each hole as a name (`{ClientId}`) or unknown. */
export function stringOf(token: Token, syntax: TokenSyntax): ValueExpr {
  const range = token.content ?? { start: token.start, end: token.end };
  const parts: StringExprPart[] = (token.parts ?? []).map((part) => ('text' in part ? { text: part.text } : { hole: holeOf(part, syntax) }));
  return { kind: 'string', parts, range };
}

function holeOf(part: Extract<TemplatePart, { expression: string }>, syntax: TokenSyntax): ValueExpr {
  const display = syntax.display(part.expression);
  const expression = part.expression.replace(/^\$/, '');
  if (DOTTED_NAME.test(expression)) return { kind: 'name', path: expression.split('.'), range: part.range, display };
  return unknown(part.range, display);
}

function parse(tokens: readonly Token[], syntax: TokenSyntax, nesting: number): ValueExpr {
  if (!tokens.length) return unknown({ start: 0, end: 0 }, syntax.display(''));
  const range = span(tokens);
  const display = syntax.display(tokens.map((t) => t.text).join(''));
  if (nesting > MAX_NESTING) return unknown(range, display);
  const inner = withoutParentheses(tokens);
  if (inner) return parse(inner, syntax, nesting + 1);

  // `condition ? a : b` binds loosest.
  const question = topLevelTernary(tokens, syntax);
  if (question) {
    const [, then, otherwise] = question;
    return { kind: 'alternatives', options: [parse(then, syntax, nesting + 1), parse(otherwise, syntax, nesting + 1)], range, display };
  }
  const coalesced = splitTopLevel(tokens, (k) => isCoalesce(tokens, k, syntax), 2);
  if (coalesced.length > 1) return { kind: 'alternatives', options: coalesced.map((side) => parse(side, syntax, nesting + 1)), range, display };

  const operands = splitTopLevel(tokens, (k) => isPlus(tokens, k), 1);
  if (operands.length > 1) return { kind: 'concat', operands: operands.map((o) => operand(o, syntax, nesting + 1)), range, display };
  return operand(tokens, syntax, nesting);
}

function operand(tokens: readonly Token[], syntax: TokenSyntax, nesting: number): ValueExpr {
  if (!tokens.length) return unknown({ start: 0, end: 0 }, syntax.display(''));
  const range = span(tokens);
  const display = syntax.display(tokens.map((t) => t.text).join(''));
  if (withoutParentheses(tokens)) return parse(tokens, syntax, nesting + 1);
  if (tokens.length === 1) {
    const [token] = tokens;
    if (token.kind === 'string') return { ...stringOf(token, syntax), display };
    if (token.kind === 'number') return { ...stringLiteral(token.text, range), display };
    if (token.kind === 'identifier' || token.kind === 'variable') return { kind: 'name', path: [token.text], range, display };
  }
  const path = memberPath(tokens);
  if (path) return { kind: 'name', path, range, display };
  // `new Uri("myapp://auth")`, `new System.Uri(x)`: the argument.
  const constructed = constructorArgument(tokens, syntax);
  if (constructed) return parse(constructed, syntax, nesting + 1);
  return unknown(range, display);
}

/** `A.B.C` (names and dots only). */
function memberPath(tokens: readonly Token[]): string[] | undefined {
  if (tokens.length % 2 === 0) return undefined;
  const path: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (k % 2 === 1) {
      if (t.kind !== 'punct' || t.text !== '.') return undefined;
    } else if (t.kind === 'identifier' || t.kind === 'variable') path.push(t.text);
    else return undefined;
  }
  return path;
}

function constructorArgument(tokens: readonly Token[], syntax: TokenSyntax): Token[] | undefined {
  if (!syntax.transparentConstructors || tokens[0]?.text !== 'new') return undefined;
  const open = tokens.findIndex((t) => t.text === '(');
  if (open < 2 || tokens[tokens.length - 1].text !== ')' || matching(tokens, open) !== tokens.length - 1) return undefined;
  const type = tokens[open - 1].text;
  if (!syntax.transparentConstructors.has(type)) return undefined;
  const args = tokens.slice(open + 1, tokens.length - 1);
  return splitTopLevel(args, (k) => args[k].text === ',', 1).length === 1 ? args : undefined;
}

/** The tokens inside `( … )` when one pair of parentheses wraps them all. */
function withoutParentheses(tokens: readonly Token[]): Token[] | undefined {
  if (tokens.length < 2 || tokens[0].text !== '(' || tokens[0].kind !== 'punct') return undefined;
  return matching(tokens, 0) === tokens.length - 1 ? tokens.slice(1, -1) : undefined;
}

/** Index of the bracket closing the one at `open`, or -1. */
function matching(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== 'punct') continue;
    if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
    else if (t.text === ')' || t.text === ']' || t.text === '}') {
      depth--;
      if (depth === 0) return k;
    }
  }
  return -1;
}

/** Splits at top-level separators found by `at` (each `width` tokens long). */
function splitTopLevel(tokens: readonly Token[], at: (k: number) => boolean, width: number): Token[][] {
  const parts: Token[][] = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === 'punct' && (t.text === '(' || t.text === '[' || t.text === '{')) depth++;
    else if (t.kind === 'punct' && (t.text === ')' || t.text === ']' || t.text === '}')) depth--;
    else if (depth === 0 && at(k)) {
      parts.push(tokens.slice(start, k));
      start = k + width;
      k += width - 1;
    }
  }
  parts.push(tokens.slice(start));
  return parts.filter((p) => p.length > 0);
}

const adjacent = (a: Token | undefined, b: Token | undefined): boolean => a !== undefined && b !== undefined && a.end === b.start;
const isPunct = (t: Token | undefined, text: string): boolean => t?.kind === 'punct' && t.text === text;

/** `??` (and `?:` where the language has the Elvis operator). */
function isCoalesce(tokens: readonly Token[], k: number, syntax: TokenSyntax): boolean {
  if (!isPunct(tokens[k], '?') || !adjacent(tokens[k], tokens[k + 1])) return false;
  return isPunct(tokens[k + 1], '?') || (syntax.elvis === true && isPunct(tokens[k + 1], ':'));
}

/** A binary `+` (not `++`, `+=`, or a sign after an operator). */
function isPlus(tokens: readonly Token[], k: number): boolean {
  if (!isPunct(tokens[k], '+') || k === 0) return false;
  const next = tokens[k + 1];
  const previous = tokens[k - 1];
  if ((isPunct(next, '+') || isPunct(next, '=')) && adjacent(tokens[k], next)) return false;
  if (isPunct(previous, '+') && adjacent(previous, tokens[k])) return false;
  return previous.kind !== 'punct' || previous.text === ')' || previous.text === ']';
}

/** `c ? a : b` at the top level: the condition, the two branches. */
function topLevelTernary(tokens: readonly Token[], syntax: TokenSyntax): [Token[], Token[], Token[]] | undefined {
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== 'punct') continue;
    if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
    else if (t.text === ')' || t.text === ']' || t.text === '}') depth--;
    else if (depth === 0 && t.text === '?' && isTernaryQuestion(tokens, k, syntax)) {
      const colon = matchingColon(tokens, k + 1, syntax);
      if (colon < 0) return undefined;
      return [tokens.slice(0, k), tokens.slice(k + 1, colon), tokens.slice(colon + 1)];
    }
  }
  return undefined;
}

/** A `?` that is neither `??`, `?.`, `?[`, an Elvis `?:` nor a nullable type (`string?`). */
function isTernaryQuestion(tokens: readonly Token[], k: number, syntax: TokenSyntax): boolean {
  const next = tokens[k + 1];
  const previous = tokens[k - 1];
  if (adjacent(tokens[k], next) && (isPunct(next, '?') || isPunct(next, '.') || isPunct(next, '[') || (syntax.elvis && isPunct(next, ':')))) return false;
  if (adjacent(previous, tokens[k]) && isPunct(previous, '?')) return false;
  return k > 0 && next !== undefined;
}

/** The `:` that closes the ternary whose branch starts at `from` (nested ternaries counted). */
function matchingColon(tokens: readonly Token[], from: number, syntax: TokenSyntax): number {
  let depth = 0;
  let pending = 0;
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== 'punct') continue;
    if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
    else if (t.text === ')' || t.text === ']' || t.text === '}') depth--;
    else if (depth === 0 && t.text === '?' && isTernaryQuestion(tokens, k, syntax)) pending++;
    else if (depth === 0 && t.text === ':' && !(isPunct(tokens[k - 1], '?') && adjacent(tokens[k - 1], t)) && !isPunct(tokens[k + 1], ':')) {
      if (pending === 0) return k;
      pending--;
    }
  }
  return -1;
}

function span(tokens: readonly Token[]): Range {
  return { start: tokens[0].start, end: tokens[tokens.length - 1].end };
}
