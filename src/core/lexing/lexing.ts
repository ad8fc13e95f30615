import type { ParseProblem, Range } from '../model';

// Lexing pieces the Bicep, HCL and C# tokenizers share: tokens, comments and quoted templates with
// `${…}` holes. Every scan is a loop over offsets, so hostile nesting cannot overflow the stack, and
// every offset it returns stays inside the text.

/** A piece of a string literal: known text, or an interpolation hole and the range of its expression. */
export type TemplatePart = { text: string } | { expression: string; range: Range };

export interface LexToken<Kind extends string> {
  kind: Kind;
  /** Source text of the token. */
  text: string;
  start: number;
  end: number;
  /** For strings: the decoded parts and the range of the content (inside the quotes). */
  parts?: TemplatePart[];
  content?: Range;
}

export const isLineBreak = (c: string | undefined): boolean => c === '\n' || c === '\r';

/** Offset of the line break (or the text's end) that ends a line comment starting at `start`. */
export function lineCommentEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && !isLineBreak(text[i])) i++;
  return i;
}

/** Offset after the `*\/` that closes the block comment at `start`; an unclosed one runs to the end and is a problem. */
export function blockCommentEnd(text: string, start: number, problems: ParseProblem[], unclosedMessage: string): number {
  const close = text.indexOf('*/', start + 2);
  if (close >= 0) return close + 2;
  problems.push({ message: unclosedMessage, range: { start, end: start + 2 } });
  return text.length;
}

export interface TemplateSyntax {
  quote: string;
  /** Characters that open a hole when followed by `{`: `$`, and `%` for HCL directives. */
  holeSigils: string;
  /** HCL: a doubled sigil (`$${`) writes the sigil and the brace literally. */
  doubledSigilIsLiteral: boolean;
  /** Decodes the escape at `i` (a backslash): its text and how many characters it takes (at least 1). */
  escape(text: string, i: number): [decoded: string, length: number];
}

export interface TemplateString {
  end: number;
  closed: boolean;
  parts: TemplatePart[];
}

/**
 * Reads a quoted template starting at the quote at `start`, up to its closing quote or the end of the line.
 * Holes may hold braces and quoted strings with holes of their own, so the scan keeps an explicit stack of
 * modes: `str` (inside quotes), `hole` (inside `${`) and `brace`. Only the outermost string's text and holes
 * become parts.
 */
export function readTemplate(text: string, start: number, syntax: TemplateSyntax): TemplateString {
  const stack: ('str' | 'hole' | 'brace')[] = ['str'];
  const parts: TemplatePart[] = [];
  let literal = '';
  let holeStart = 0;
  let i = start + 1;
  while (i < text.length && stack.length) {
    const mode = stack[stack.length - 1];
    const c = text[i];
    const outer = stack.length === 1;
    if (mode === 'str') {
      if (isLineBreak(c)) break;
      const sigil = syntax.holeSigils.includes(c);
      if (c === '\\') {
        const [decoded, length] = syntax.escape(text, i);
        if (outer) literal += decoded;
        i = Math.min(text.length, i + Math.max(1, length));
      } else if (sigil && syntax.doubledSigilIsLiteral && text[i + 1] === c && text[i + 2] === '{') {
        if (outer) literal += `${c}{`;
        i += 3;
      } else if (sigil && text[i + 1] === '{') {
        if (outer) {
          if (literal) parts.push({ text: literal });
          literal = '';
          holeStart = i + 2;
        }
        stack.push('hole');
        i += 2;
      } else if (c === syntax.quote) {
        stack.pop();
        i++;
      } else {
        if (outer) literal += c;
        i++;
      }
      continue;
    }
    if (c === syntax.quote) stack.push('str');
    else if (c === '{') stack.push('brace');
    else if (c === '}') {
      stack.pop();
      if (stack.length === 1) parts.push({ expression: text.slice(holeStart, i).trim(), range: { start: holeStart, end: i } });
    }
    i++;
  }
  if (literal) parts.push({ text: literal });
  return { end: Math.min(i, text.length), closed: stack.length === 0, parts };
}

/** A string token for a template read by `readTemplate`; an unclosed one is reported with `unclosedMessage`. */
export function templateToken(text: string, start: number, template: TemplateString, problems: ParseProblem[], unclosedMessage: string): LexToken<'string'> {
  const { end, closed, parts } = template;
  if (!closed) problems.push({ message: unclosedMessage, range: { start, end: start + 1 } });
  return { kind: 'string', text: text.slice(start, end), start, end, parts, content: { start: start + 1, end: closed ? end - 1 : end } };
}

/** A code point from its hex digits, or U+FFFD when they are not a valid one (never throws). */
export function codePoint(hex: string): string {
  const code = /^[0-9A-Fa-f]{1,8}$/.test(hex) ? parseInt(hex, 16) : NaN;
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
}
