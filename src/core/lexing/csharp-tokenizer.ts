import type { ParseProblem, Range } from '../model';
import { blockCommentEnd, isLineBreak, lineCommentEnd, type LexToken, type TemplatePart } from './lexing';

// A small C# tokenizer: enough of the lexical grammar to find builder chains with exact offsets.
// It knows every string form (regular, verbatim @"", interpolated $"" and $@"", raw """ with $$
// holes), char literals, comments and preprocessor lines, so none of them is mistaken for code.

export type CsTokenKind = 'identifier' | 'string' | 'char' | 'number' | 'punct' | 'directive';

/** A piece of a string literal: known text, or an interpolation hole `{expression}`. */
export type StringPart = TemplatePart;

/** For directives, `text` is the line without its trailing comment. */
export type CsToken = LexToken<CsTokenKind>;

export interface CsTokens {
  tokens: CsToken[];
  comments: Range[];
  problems: ParseProblem[];
}

// Character classes by code unit: the tokenizer visits every character, and a regex test per character
// dominated its profile on large files.
const isLetterOrUnderscore = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code >= 0xc0;
const isDigit = (code: number) => code >= 48 && code <= 57;
/** `[A-Za-z_\u00C0-\uFFFF]` (code units, so surrogate halves count as letters). */
const isIdentStartCode = (code: number) => isLetterOrUnderscore(code);
/** `[A-Za-z0-9_\u00C0-\uFFFF]` */
const isIdentPartCode = (code: number) => isLetterOrUnderscore(code) || isDigit(code);
/** `[0-9A-Za-z_.]`: the characters a numeric literal runs over. */
const isNumberPartCode = (code: number) => isDigit(code) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 46;

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b' };

export function tokenizeCSharp(text: string): CsTokens {
  const tokens: CsToken[] = [];
  const comments: Range[] = [];
  const problems: ParseProblem[] = [];
  let atLineStart = true;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (isLineBreak(c)) {
      atLineStart = true;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\uFEFF' || c === '\f' || c === '\v') {
      i++;
      continue;
    }
    const start = i;
    const code = text.charCodeAt(i);
    if (isIdentStartCode(code)) {
      // The common case first (no comment, directive, string or char starts with a letter).
      atLineStart = false;
      i++;
      while (i < text.length && isIdentPartCode(text.charCodeAt(i))) i++;
      tokens.push({ kind: 'identifier', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      i = lineCommentEnd(text, i);
      comments.push({ start, end: i });
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      i = blockCommentEnd(text, i, problems, 'C# comment is not closed (missing */)');
      comments.push({ start, end: i });
      continue;
    }
    if (c === '#' && atLineStart) {
      i = lineCommentEnd(text, i);
      const line = text.slice(start, i);
      const comment = line.indexOf('//');
      if (comment >= 0) comments.push({ start: start + comment, end: i });
      tokens.push({ kind: 'directive', text: (comment >= 0 ? line.slice(0, comment) : line).trim(), start, end: i });
      continue;
    }
    atLineStart = false;
    const stringStart = c === '"' || c === '$' || c === '@' ? stringPrefix(text, i) : undefined;
    if (stringStart) {
      i = readString(text, i, stringStart, tokens, problems);
      continue;
    }
    if (c === "'") {
      i = readChar(text, i, tokens, problems);
      continue;
    }
    if (c === '@' && i + 1 < text.length && isIdentStartCode(text.charCodeAt(i + 1))) {
      // `@class`: a keyword used as a name; the token's text is the name without the `@`.
      i += 2;
      while (i < text.length && isIdentPartCode(text.charCodeAt(i))) i++;
      tokens.push({ kind: 'identifier', text: text.slice(start + 1, i), start, end: i });
      continue;
    }
    if (isDigit(code)) {
      while (i < text.length && isNumberPartCode(text.charCodeAt(i))) i++;
      tokens.push({ kind: 'number', text: text.slice(start, i), start, end: i });
      continue;
    }
    tokens.push({ kind: 'punct', text: c, start, end: i + 1 });
    i++;
  }
  return { tokens, comments, problems };
}

interface StringPrefix {
  dollars: number;
  verbatim: boolean;
  /** Offset of the first quote. */
  quote: number;
}

/** Recognises `"`, `@"`, `$"`, `$@"`, `@$"`, `$$"""` ... at `i`. */
function stringPrefix(text: string, i: number): StringPrefix | undefined {
  let j = i;
  let dollars = 0;
  let verbatim = false;
  while (text[j] === '$' || (text[j] === '@' && !verbatim)) {
    if (text[j] === '$') dollars++;
    else verbatim = true;
    j++;
  }
  return text[j] === '"' ? { dollars, verbatim, quote: j } : undefined;
}

function readString(text: string, start: number, prefix: StringPrefix, tokens: CsToken[], problems: ParseProblem[]): number {
  let quotes = 0;
  while (text[prefix.quote + quotes] === '"') quotes++;
  if (quotes >= 3 && !prefix.verbatim) return readRawString(text, start, prefix, quotes, tokens, problems);
  const contentStart = prefix.quote + 1;
  const parts: StringPart[] = [];
  let literal = '';
  let i = contentStart;
  const flush = () => {
    if (literal) parts.push({ text: literal });
    literal = '';
  };
  let closed = false;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      if (prefix.verbatim && text[i + 1] === '"') {
        literal += '"';
        i += 2;
        continue;
      }
      closed = true;
      break;
    }
    if (!prefix.verbatim && isLineBreak(c)) break;
    if (!prefix.verbatim && c === '\\') {
      const [decoded, length] = escape(text, i);
      literal += decoded;
      i = Math.min(text.length, i + length); // a backslash at the very end takes only itself
      continue;
    }
    if (prefix.dollars > 0 && (c === '{' || c === '}')) {
      if (text[i + 1] === c) {
        literal += c;
        i += 2;
        continue;
      }
      if (c === '{') {
        flush();
        i = readHole(text, i, 1, parts);
        continue;
      }
    }
    literal += c;
    i++;
  }
  flush();
  if (!closed) problems.push({ message: 'C# string is not closed (missing ")', range: { start, end: Math.min(text.length, start + 1) } });
  const end = closed ? i + 1 : i;
  tokens.push({ kind: 'string', text: text.slice(start, end), start, end, parts, content: { start: contentStart, end: i } });
  return end;
}

/** Raw string `"""…"""` (C# 11): no escapes; `$$"""` holes open with as many braces as there are dollars. */
function readRawString(text: string, start: number, prefix: StringPrefix, quotes: number, tokens: CsToken[], problems: ParseProblem[]): number {
  const delimiter = '"'.repeat(quotes);
  const contentStart = prefix.quote + quotes;
  let close = text.indexOf(delimiter, contentStart);
  if (close < 0) {
    problems.push({ message: 'C# raw string is not closed (missing """)', range: { start, end: start + 1 } });
    close = text.length;
  }
  const parts: StringPart[] = [];
  const braces = '{'.repeat(Math.max(1, prefix.dollars));
  let literal = '';
  let i = contentStart;
  while (i < close) {
    if (prefix.dollars > 0 && text.startsWith(braces, i) && text[i + braces.length] !== '{') {
      if (literal) parts.push({ text: literal });
      literal = '';
      i = Math.min(close, readHole(text, i, braces.length, parts));
      continue;
    }
    literal += text[i];
    i++;
  }
  if (literal) parts.push({ text: literal });
  const end = Math.min(text.length, close + quotes);
  tokens.push({ kind: 'string', text: text.slice(start, end), start, end, parts, content: { start: contentStart, end: close } });
  return end;
}

/** Reads an interpolation hole opened by `braces` `{` at `i`; returns the offset after its closing braces. */
function readHole(text: string, i: number, braces: number, parts: StringPart[]): number {
  const holeStart = i + braces;
  let depth = 0;
  let j = holeStart;
  let cut = -1; // start of `:format` or `,alignment` at the top level
  while (j < text.length) {
    const c = text[j];
    if (c === '"') {
      // a nested string inside the hole: skip it (escapes only)
      j++;
      while (j < text.length && text[j] !== '"' && !isLineBreak(text[j])) j += text[j] === '\\' ? 2 : 1;
      j = Math.min(text.length, j + 1);
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (c === '}') {
      if (depth === 0) break;
      depth--;
    } else if ((c === ':' || c === ',') && depth === 0 && cut < 0) cut = j;
    else if (isLineBreak(c) && braces === 1) break;
    j++;
  }
  const expressionEnd = cut >= 0 ? cut : j;
  parts.push({ expression: text.slice(holeStart, expressionEnd).trim(), range: { start: holeStart, end: expressionEnd } });
  let k = j;
  for (let n = 0; n < braces && text[k] === '}'; n++) k++;
  return k;
}

function escape(text: string, i: number): [string, number] {
  const next = text[i + 1] ?? '';
  if (next === 'u' || next === 'x' || next === 'U') {
    const max = next === 'U' ? 8 : 4;
    const hex = /^[0-9A-Fa-f]+/.exec(text.slice(i + 2, i + 2 + max))?.[0] ?? '';
    const code = parseInt(hex || '0', 16);
    return [code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD', 2 + hex.length];
  }
  return [ESCAPES[next] ?? next, 2];
}

function readChar(text: string, start: number, tokens: CsToken[], problems: ParseProblem[]): number {
  let i = start + 1;
  while (i < text.length && text[i] !== "'" && !isLineBreak(text[i])) i += text[i] === '\\' ? 2 : 1;
  i = Math.min(text.length, i);
  if (text[i] !== "'") problems.push({ message: "C# character literal is not closed (missing ')", range: { start, end: start + 1 } });
  const end = text[i] === "'" ? i + 1 : i;
  tokens.push({ kind: 'char', text: text.slice(start, end), start, end });
  return end;
}
