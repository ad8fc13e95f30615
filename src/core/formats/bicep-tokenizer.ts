import type { ParseProblem, Range } from '../model';

// A small Bicep tokenizer: '…' strings with `${…}` holes (nested strings in holes included), '''…'''
// multi-line strings, numbers, punctuation, newlines (they separate properties and array items) and
// `//`, `/* */` comments. Iterative: nesting depth cannot overflow the stack.

export type BicepTokenKind = 'identifier' | 'string' | 'number' | 'punct' | 'newline';

export type BicepPart = { text: string } | { expression: string; range: Range };

export interface BicepToken {
  kind: BicepTokenKind;
  text: string;
  start: number;
  end: number;
  parts?: BicepPart[];
  /** Range of a string's content, inside the quotes. */
  content?: Range;
}

export interface BicepTokens {
  tokens: BicepToken[];
  comments: Range[];
  problems: ParseProblem[];
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', "'": "'", '\\': '\\', $: '$' };
const isLineBreak = (c: string | undefined) => c === '\n' || c === '\r';

export function tokenizeBicep(text: string): BicepTokens {
  const tokens: BicepToken[] = [];
  const comments: Range[] = [];
  const problems: ParseProblem[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const start = i;
    if (isLineBreak(c)) {
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      tokens.push({ kind: 'newline', text: '\n', start, end: i });
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\uFEFF') {
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && !isLineBreak(text[i])) i++;
      comments.push({ start, end: i });
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
      if (close < 0) problems.push({ message: 'comment is not closed (missing */)', range: { start, end: start + 2 } });
      comments.push({ start, end: i });
      continue;
    }
    if (text.startsWith("'''", i)) {
      const close = text.indexOf("'''", i + 3);
      const end = close < 0 ? text.length : close + 3;
      if (close < 0) problems.push({ message: "multi-line string is not closed (missing ''')", range: { start, end: start + 3 } });
      const content = { start: i + 3, end: close < 0 ? text.length : close };
      tokens.push({ kind: 'string', text: text.slice(start, end), start, end, parts: [{ text: text.slice(content.start, content.end) }], content });
      i = end;
      continue;
    }
    if (c === "'") {
      i = readString(text, i, tokens, problems);
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      while (i < text.length && /[A-Za-z0-9_]/.test(text[i])) i++;
      tokens.push({ kind: 'identifier', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (/[0-9]/.test(c)) {
      while (i < text.length && /[0-9.]/.test(text[i])) i++;
      tokens.push({ kind: 'number', text: text.slice(start, i), start, end: i });
      continue;
    }
    tokens.push({ kind: 'punct', text: c, start, end: i + 1 });
    i++;
  }
  return { tokens, comments, problems };
}

/** A '…' string; holes may hold strings with holes of their own, so the scan keeps a stack of modes. */
function readString(text: string, start: number, tokens: BicepToken[], problems: ParseProblem[]): number {
  const stack: ('str' | 'hole' | 'brace')[] = ['str'];
  const parts: BicepPart[] = [];
  let literal = '';
  let holeStart = 0;
  let i = start + 1;
  while (i < text.length && stack.length) {
    const mode = stack[stack.length - 1];
    const c = text[i];
    const outer = stack.length === 1;
    if (mode === 'str') {
      if (isLineBreak(c)) break;
      if (c === '\\') {
        const next = text[i + 1] ?? '';
        if (next === 'u' && text[i + 2] === '{') {
          const close = text.indexOf('}', i + 3);
          const code = parseInt(text.slice(i + 3, close), 16);
          if (outer) literal += Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
          i = close < 0 ? i + 2 : close + 1;
        } else {
          if (outer) literal += ESCAPES[next] ?? next;
          i += 2;
        }
      } else if (c === '$' && text[i + 1] === '{') {
        if (outer) {
          if (literal) parts.push({ text: literal });
          literal = '';
          holeStart = i + 2;
        }
        stack.push('hole');
        i += 2;
      } else if (c === "'") {
        stack.pop();
        i++;
      } else {
        if (outer) literal += c;
        i++;
      }
      continue;
    }
    if (c === "'") stack.push('str');
    else if (c === '{') stack.push('brace');
    else if (c === '}') {
      stack.pop();
      if (stack.length === 1) parts.push({ expression: text.slice(holeStart, i).trim(), range: { start: holeStart, end: i } });
    }
    i++;
  }
  const closed = stack.length === 0;
  if (literal) parts.push({ text: literal });
  if (!closed) problems.push({ message: "string is not closed (missing ')", range: { start, end: start + 1 } });
  tokens.push({ kind: 'string', text: text.slice(start, i), start, end: i, parts, content: { start: start + 1, end: closed ? i - 1 : i } });
  return i;
}
