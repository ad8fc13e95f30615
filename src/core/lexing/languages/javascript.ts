import { lex, sharedOpening, type HoleForm, type LanguageSpec, type LexResult, type StringForm, type StringOpening, type TokenKind } from '../lexer';
import { C_ESCAPES, DOLLAR_BRACE, escapes, isAsciiLetter, isDigit } from './common';

// JavaScript and TypeScript: '…' and "…" strings, `…${…}…` template literals (holes are code: strings,
// templates, comments and regexes inside them are followed), regex literals told from division by the
// token before the `/`, `//` and `/* */` comments, a `#!` first line, escaped identifiers (`\u0061`).

/** After these words a `/` starts a regex literal; after any other word it divides. */
const REGEX_AFTER_WORD = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
  'extends',
]);

const decode = escapes({ ...C_ESCAPES, '0': '\0' }, { hex: { x: 2, u: 4 }, braces: true, lineContinuation: true });
const QUOTED: StringForm = { kind: 'string', description: 'string', multiline: false, decode };
const TEMPLATE: StringForm = { kind: 'string', description: 'template literal', multiline: true, decode };
const TEMPLATE_HOLES: readonly HoleForm[] = [DOLLAR_BRACE];

const isOtherSpace = (c: number): boolean => c === 0xa0 || c === 0xfeff || (c > 0x1680 && c !== 0x2028 && c !== 0x2029 && /\s/.test(String.fromCharCode(c)));
const isOtherLineBreak = (c: number): boolean => c === 0x2028 || c === 0x2029;
/** Names: letters, `$`, `_`, any non-space beyond ASCII, and `\` (escaped identifiers, which callers may refuse). */
const isStart = (c: number): boolean => isAsciiLetter(c) || c === 36 || c === 95 || c === 92 || (c >= 0x80 && !isOtherSpace(c) && !isOtherLineBreak(c));

export const JAVASCRIPT: LanguageSpec = {
  problemPrefix: '',
  lineComments: ['//'],
  blockComment: { open: '/*', close: '*/' },
  hashbang: true,
  isIdentifierStart: isStart,
  isIdentifierPart: (c) => isStart(c) || isDigit(c),
  isOtherSpace,
  isOtherLineBreak,
  leadingDotNumbers: true,
  stringStarts: '\'"`',
  openString(text, i): StringOpening {
    const quote = text[i];
    if (quote === '`') return sharedOpening(TEMPLATE, 1, '`', '\\', TEMPLATE_HOLES);
    return sharedOpening(QUOTED, 1, quote, '\\');
  },
  regexAfter: (kind: TokenKind | undefined, text: string): boolean => {
    if (kind === undefined) return true;
    if (kind === 'identifier') return REGEX_AFTER_WORD.has(text);
    if (kind === 'punct') return text !== ')' && text !== ']'; // `}` usually ends a block; after `)`/`]` a `/` divides
    return false; // after a number, string, template or regex a `/` divides
  },
};

export function tokenizeJavaScript(text: string): LexResult {
  return lex(text, JAVASCRIPT);
}
