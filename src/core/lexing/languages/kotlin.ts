import { lex, type LanguageSpec, type LexResult, type StringForm } from '../lexer';
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
    if (text[i] === "'") return { form: CHAR, contentStart: i + 1, close: "'", escapeLead: '\\' };
    if (text.startsWith('"""', i)) return { form: RAW, contentStart: i + 3, close: '"""', holes: HOLES };
    return { form: LINE, contentStart: i + 1, close: '"', escapeLead: '\\', holes: HOLES };
  },
};

export function tokenizeKotlin(text: string): LexResult {
  return lex(text, KOTLIN);
}
