import { lex, sharedOpening, type LanguageSpec, type LexResult, type StringForm, type StringOpening } from '../lexer';
import { DOLLAR_BRACE, DOLLAR_NAME, escapes, isDollarNamePart, isDollarNameStart } from './common';

// Dart: '…' and "…" with `$name` / `${…}` holes, '''…''' and """…""" multi-line strings, raw r'…' / r"…" /
// r'''…''' (no escapes, no holes), nested `/* */` comments.

const decode = escapes({ n: '\n', r: '\r', f: '\f', b: '\b', t: '\t', v: '\v' }, { hex: { x: 2, u: 4 }, braces: true });
const HOLES = [DOLLAR_BRACE, DOLLAR_NAME];
const LINE: StringForm = { kind: 'string', description: 'string', multiline: false, decode };
const MULTI: StringForm = { kind: 'string', description: 'multi-line string', multiline: true, decode, dropFirstLineBreak: true };
const RAW_LINE: StringForm = { kind: 'string', description: 'raw string', multiline: false };
const RAW_MULTI: StringForm = { kind: 'string', description: 'raw string', multiline: true, dropFirstLineBreak: true };

function openString(text: string, i: number): StringOpening | undefined {
  const raw = text[i] === 'r';
  const quoteAt = raw ? i + 1 : i;
  const quote = text[quoteAt];
  if (quote !== '"' && quote !== "'") return undefined;
  const triple = text.startsWith(quote.repeat(3), quoteAt);
  const close = triple ? quote.repeat(3) : quote;
  const contentOffset = quoteAt - i + close.length;
  if (raw) return sharedOpening(triple ? RAW_MULTI : RAW_LINE, contentOffset, close);
  return sharedOpening(triple ? MULTI : LINE, contentOffset, close, '\\', HOLES);
}

export const DART: LanguageSpec = {
  problemPrefix: 'Dart ',
  lineComments: ['//'],
  blockComment: { open: '/*', close: '*/', nested: true },
  hashbang: true,
  isIdentifierStart: isDollarNameStart,
  isIdentifierPart: isDollarNamePart,
  stringStarts: '"\'r',
  openString,
};

export function tokenizeDart(text: string): LexResult {
  return lex(text, DART);
}
