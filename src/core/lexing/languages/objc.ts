import { lex, sharedOpening, type LanguageSpec, type LexResult, type StringForm } from '../lexer';
import { C_ESCAPES, escapes, isNamePart, isNameStart } from './common';

// Objective-C (and C): "…" and @"…" strings, '…' chars, `//` and `/* */` comments, and `#import` /
// `#define` directive tokens after which the line goes on as code (`#define kRedirect @"msauth…"`).

const decode = escapes(C_ESCAPES, { hex: { x: 2, u: 4, U: 8 }, lineContinuation: true });
const STRING: StringForm = { kind: 'string', description: 'string', multiline: false, decode };
const CHAR: StringForm = { kind: 'char', description: 'character literal', multiline: false, decode };

export const OBJECTIVE_C: LanguageSpec = {
  problemPrefix: 'Objective-C ',
  lineComments: ['//'],
  blockComment: { open: '/*', close: '*/' },
  directives: 'keyword',
  isIdentifierStart: isNameStart,
  isIdentifierPart: isNamePart,
  stringStarts: '"@\'',
  openString(text, i) {
    if (text[i] === "'") return sharedOpening(CHAR, 1, "'", '\\');
    const quote = text[i] === '@' ? i + 1 : i;
    return text[quote] === '"' ? sharedOpening(STRING, quote - i + 1, '"', '\\') : undefined;
  },
};

export function tokenizeObjectiveC(text: string): LexResult {
  return lex(text, OBJECTIVE_C);
}
