import { lex, type LanguageSpec, type LexResult, type StringForm, type StringOpening } from '../lexer';
import { escapes, isNamePart, isNameStart } from './common';

// Swift: "…" with `\(…)` holes, """…""" multi-line strings, raw #"…"# / ##"…"## (escapes and holes take
// as many `#` after the backslash: `\#(…)`), nested `/* */` comments, `#if` directives, `` `name` ``.

const decode = escapes({ '0': '\0', '\\': '\\', t: '\t', n: '\n', r: '\r', '"': '"', "'": "'" }, { braces: true });
const LINE: StringForm = { kind: 'string', description: 'string', multiline: false, decode };
const MULTI: StringForm = { kind: 'string', description: 'multi-line string', multiline: true, decode, dropFirstLineBreak: true };

function openString(text: string, i: number): StringOpening | undefined {
  let hashes = 0;
  while (text[i + hashes] === '#') hashes++;
  const quote = i + hashes;
  if (text[quote] !== '"') return undefined;
  const triple = text.startsWith('"""', quote);
  const pounds = '#'.repeat(hashes);
  return {
    form: triple ? MULTI : LINE,
    contentStart: quote + (triple ? 3 : 1),
    close: (triple ? '"""' : '"') + pounds,
    escapeLead: `\\${pounds}`,
    holes: [{ open: `\\${pounds}(`, kind: 'code', close: ')' }],
  };
}

export const SWIFT: LanguageSpec = {
  problemPrefix: 'Swift ',
  lineComments: ['//'],
  blockComment: { open: '/*', close: '*/', nested: true },
  directives: 'keyword',
  newlines: true,
  isIdentifierStart: isNameStart,
  isIdentifierPart: isNamePart,
  backtickIdentifiers: true,
  stringStarts: '"#',
  openString,
};

export function tokenizeSwift(text: string): LexResult {
  return lex(text, SWIFT);
}
