import { lex, sharedOpening, type HoleForm, type LanguageSpec, type LexResult, type StringForm, type StringOpening } from '../lexer';
import { escapes, isNamePart, isNameStart } from './common';

// Swift: "…" with `\(…)` holes, """…""" multi-line strings, raw #"…"# / ##"…"## (escapes and holes take
// as many `#` after the backslash: `\#(…)`), nested `/* */` comments, `#if` directives, `` `name` ``.

const decode = escapes({ '0': '\0', '\\': '\\', t: '\t', n: '\n', r: '\r', '"': '"', "'": "'" }, { braces: true });
const LINE: StringForm = { kind: 'string', description: 'string', multiline: false, decode };
const MULTI: StringForm = { kind: 'string', description: 'multi-line string', multiline: true, decode, dropFirstLineBreak: true };

/** Per number of `#`: the delimiters and the hole of a string (one set each, not one per string). */
const delimiters: { pounds: string; close: string; tripleClose: string; escapeLead: string; holes: readonly HoleForm[] }[] = [];

function delimitersFor(hashes: number) {
  let found = delimiters[hashes];
  if (!found) {
    const pounds = '#'.repeat(hashes);
    found = {
      pounds,
      close: `"${pounds}`,
      tripleClose: `"""${pounds}`,
      escapeLead: `\\${pounds}`,
      holes: [{ open: `\\${pounds}(`, kind: 'code', close: ')' }],
    };
    // Hostile `####…"` runs are not kept.
    if (hashes < 8) delimiters[hashes] = found;
  }
  return found;
}

function openString(text: string, i: number): StringOpening | undefined {
  let hashes = 0;
  while (text.charCodeAt(i + hashes) === 35 /* # */) hashes++;
  const quote = i + hashes;
  if (text.charCodeAt(quote) !== 34 /* " */) return undefined;
  const triple = text.charCodeAt(quote + 1) === 34 && text.charCodeAt(quote + 2) === 34;
  const d = delimitersFor(hashes);
  return sharedOpening(triple ? MULTI : LINE, quote - i + (triple ? 3 : 1), triple ? d.tripleClose : d.close, d.escapeLead, d.holes);
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
