import { lex, sharedOpening, type LanguageSpec, type LexResult, type StringForm } from '../lexer';
import { C_ESCAPES, escapes, isDollarNamePart, isDollarNameStart } from './common';

// Java: "…" strings and '…' chars with backslash escapes, """…""" text blocks (escapes, no holes; the line
// break after the opening quotes is not text), `//` and `/* */` comments.

const decode = escapes({ ...C_ESCAPES, s: ' ' }, { hex: { u: 4 }, lineContinuation: true });
const LINE: StringForm = { kind: 'string', description: 'string', multiline: false, decode };
const BLOCK: StringForm = { kind: 'string', description: 'text block', multiline: true, decode, dropFirstLineBreak: true };
const CHAR: StringForm = { kind: 'char', description: 'character literal', multiline: false, decode };

export const JAVA: LanguageSpec = {
  problemPrefix: 'Java ',
  lineComments: ['//'],
  blockComment: { open: '/*', close: '*/' },
  isIdentifierStart: isDollarNameStart,
  isIdentifierPart: isDollarNamePart,
  stringStarts: '"\'',
  openString(text, i) {
    if (text[i] === "'") return sharedOpening(CHAR, 1, "'", '\\');
    if (text.startsWith('"""', i)) return sharedOpening(BLOCK, 3, '"""', '\\');
    return sharedOpening(LINE, 1, '"', '\\');
  },
};

export function tokenizeJava(text: string): LexResult {
  return lex(text, JAVA);
}
