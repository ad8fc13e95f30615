import type { ParseProblem, Range } from '../model';
import { blockCommentEnd, isLineBreak, lineCommentEnd, readTemplate, templateToken, type LexToken, type TemplateSyntax } from './lexing';

// A small HCL (Terraform) tokenizer: quoted templates with `${…}` / `%{…}` holes (nested quotes in
// holes included), heredocs, numbers, punctuation, newlines (they end attributes) and `#`, `//`,
// `/* */` comments. Iterative throughout: nesting depth cannot overflow the stack.

export type HclTokenKind = 'identifier' | 'string' | 'number' | 'punct' | 'newline';

export type HclToken = LexToken<HclTokenKind>;

export interface HclTokens {
  tokens: HclToken[];
  comments: Range[];
  problems: ParseProblem[];
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** `$${` and `%%{` are a literal `${` and `%{`. */
const HCL_TEMPLATE: TemplateSyntax = {
  quote: '"',
  holeSigils: '$%',
  doubledSigilIsLiteral: true,
  escape: (text, i) => [ESCAPES[text[i + 1]] ?? text[i + 1] ?? '', 2],
};

export function tokenizeHcl(text: string): HclTokens {
  const tokens: HclToken[] = [];
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
    if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      i = lineCommentEnd(text, i);
      comments.push({ start, end: i });
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      i = blockCommentEnd(text, i, problems, 'comment is not closed (missing */)');
      comments.push({ start, end: i });
      continue;
    }
    if (c === '"') {
      const token = templateToken(text, i, readTemplate(text, i, HCL_TEMPLATE), problems, 'string is not closed (missing ")');
      tokens.push(token);
      i = token.end;
      continue;
    }
    if (c === '<' && text[i + 1] === '<' && /^-?[A-Za-z_]/.test(text.slice(i + 2, i + 4))) {
      i = readHeredoc(text, i, tokens, problems);
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      while (i < text.length && /[A-Za-z0-9_-]/.test(text[i])) i++;
      tokens.push({ kind: 'identifier', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (/[0-9]/.test(c)) {
      while (i < text.length && /[0-9A-Za-z_.]/.test(text[i])) i++;
      tokens.push({ kind: 'number', text: text.slice(start, i), start, end: i });
      continue;
    }
    tokens.push({ kind: 'punct', text: c, start, end: i + 1 });
    i++;
  }
  return { tokens, comments, problems };
}

/** `<<EOF` / `<<-EOF` heredoc: its lines up to the closing marker, kept as one string token. */
function readHeredoc(text: string, start: number, tokens: HclToken[], problems: ParseProblem[]): number {
  const marker = /^<<-?([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(start, start + 200));
  let i = start + (marker?.[0].length ?? 2);
  while (i < text.length && !isLineBreak(text[i])) i++;
  if (text[i] === '\r' && text[i + 1] === '\n') i++;
  const contentStart = Math.min(text.length, i + 1);
  let lineStart = contentStart;
  while (lineStart < text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && !isLineBreak(text[lineEnd])) lineEnd++;
    if (text.slice(lineStart, lineEnd).trim() === marker?.[1]) {
      const content = marker?.[0].startsWith('<<-') ? dedent(text.slice(contentStart, lineStart)) : text.slice(contentStart, lineStart);
      tokens.push({
        kind: 'string',
        text: text.slice(start, lineEnd),
        start,
        end: lineEnd,
        parts: [{ text: content }],
        content: { start: contentStart, end: lineStart },
      });
      return lineEnd;
    }
    lineStart = lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1);
  }
  problems.push({ message: `heredoc is not closed (missing ${marker?.[1] ?? 'its end marker'})`, range: { start, end: start + 2 } });
  tokens.push({ kind: 'string', text: text.slice(start), start, end: text.length, parts: [], content: { start: contentStart, end: text.length } });
  return text.length;
}

/** `<<-` heredocs drop the indentation their lines share. */
function dedent(content: string): string {
  const lines = content.split(/(?<=\n)/);
  // A loop, not Math.min(...indents): a heredoc can have more lines than a call can take arguments.
  let common = Infinity;
  for (const line of lines) if (line.trim()) common = Math.min(common, /^[ \t]*/.exec(line)![0].length);
  if (common === Infinity) common = 0;
  return lines.map((l) => l.slice(Math.min(common, /^[ \t]*/.exec(l)![0].length))).join('');
}
