import type { ParseProblem, Range } from '../model';
import { blockCommentEnd, codePoint, isLineBreak, lineCommentEnd, readTemplate, templateToken, type LexToken, type TemplateSyntax } from './lexing';

// A small Bicep tokenizer: '…' strings with `${…}` holes (nested strings in holes included), '''…'''
// multi-line strings, numbers, punctuation, newlines (they separate properties and array items) and
// `//`, `/* */` comments. Iterative: nesting depth cannot overflow the stack.

export type BicepTokenKind = 'identifier' | 'string' | 'number' | 'punct' | 'newline';

export type BicepToken = LexToken<BicepTokenKind>;

export interface BicepTokens {
  tokens: BicepToken[];
  comments: Range[];
  problems: ParseProblem[];
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', "'": "'", '\\': '\\', $: '$' };

const BICEP_STRING: TemplateSyntax = {
  quote: "'",
  holeSigils: '$',
  doubledSigilIsLiteral: false,
  escape(text, i) {
    const next = text[i + 1] ?? '';
    if (next === 'u' && text[i + 2] === '{') {
      const close = text.indexOf('}', i + 3);
      return close < 0 ? ['\uFFFD', 2] : [codePoint(text.slice(i + 3, close)), close + 1 - i];
    }
    return [ESCAPES[next] ?? next, 2];
  },
};

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
      i = lineCommentEnd(text, i);
      comments.push({ start, end: i });
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      i = blockCommentEnd(text, i, problems, 'comment is not closed (missing */)');
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
      const token = templateToken(text, i, readTemplate(text, i, BICEP_STRING), problems, "string is not closed (missing ')");
      tokens.push(token);
      i = token.end;
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
