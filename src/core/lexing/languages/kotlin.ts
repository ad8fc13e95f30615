import { lex, sharedOpening, type LanguageSpec, type LexResult, type StringForm } from '../lexer';
import { DOLLAR_BRACE, DOLLAR_NAME, escapes, isNamePart, isNameStart } from './common';

// Kotlin (and the Gradle Kotlin DSL): "…" with `$name` / `${…}` holes and backslash escapes, raw """…"""
// with holes and no escapes (quotes before the final """ are text), '…' chars, nested `/* */` comments,
// `` `name` `` identifiers, newline tokens.

const decode = escapes({ t: '\t', b: '\b', n: '\n', r: '\r', "'": "'", '"': '"', '\\': '\\', $: '$' }, { hex: { u: 4 } });
const HOLES = [DOLLAR_BRACE, DOLLAR_NAME];
const LINE: StringForm = { kind: 'string', description: 'string', multiline: false, decode };
const RAW: StringForm = { kind: 'string', description: 'raw string', multiline: true, greedyClose: true };
const CHAR: StringForm = { kind: 'char', description: 'character literal', multiline: false, decode };

export const KOTLIN: LanguageSpec = {
  problemPrefix: 'Kotlin ',
  lineComments: ['//'],
  blockComment: { open: '/*', close: '*/', nested: true },
  newlines: true,
  hashbang: true,
  isIdentifierStart: isNameStart,
  isIdentifierPart: isNamePart,
  backtickIdentifiers: true,
  stringStarts: '"\'',
  openString(text, i) {
    if (text[i] === "'") return sharedOpening(CHAR, 1, "'", '\\');
    if (text.startsWith('"""', i)) return sharedOpening(RAW, 3, '"""', undefined, HOLES);
    return sharedOpening(LINE, 1, '"', '\\', HOLES);
  },
};

export function tokenizeKotlin(text: string): LexResult {
  return lex(text, KOTLIN);
}
