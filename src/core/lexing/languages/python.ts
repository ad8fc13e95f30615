import { lex, sharedOpening, type HoleForm, type LanguageSpec, type LexResult, type StringForm, type StringOpening } from '../lexer';
import { C_ESCAPES, escapes, isNamePart, isNameStart } from './common';

// Python: strings with any of the prefixes r, b, u, f (and pairs: rb, fr …), '…', "…", '''…''', """…""";
// f-strings with `{…}` holes (`{{`/`}}` are braces, `{x:>10}` keeps `x`), raw strings keep backslashes,
// `#` comments, newline tokens.

const decode = escapes({ ...C_ESCAPES }, { hex: { x: 2, u: 4, U: 8 }, lineContinuation: true, keepUnknown: true });
const F_HOLE_LIST: readonly HoleForm[] = [{ open: '{', kind: 'code', close: '}', doubledLeadIsLiteral: true, cut: ':' }];
/** The forms by raw, triple and f (index raw·4 + triple·2 + f), made when first needed. */
const forms: (StringForm | undefined)[] = [];

function form(raw: boolean, triple: boolean, f: boolean): StringForm {
  const key = (raw ? 4 : 0) + (triple ? 2 : 0) + (f ? 1 : 0);
  return (forms[key] ??= {
    kind: 'string',
    description: 'string',
    multiline: triple,
    decode: raw ? undefined : decode,
    doubledLiterals: f ? '}' : undefined,
  });
}

/** `r`, `b`, `u`, `f` in either case (lower-cased by `| 32`). */
const isPrefixLetter = (c: number): boolean => {
  const lower = c | 32;
  return lower === 114 || lower === 98 || lower === 117 || lower === 102;
};

// Called for every name that starts with a prefix letter (`return`, `for`, `from`), so a name is told
// apart by character codes before anything is made.
function openString(text: string, i: number): StringOpening | undefined {
  let at = i;
  while (at < i + 2 && isPrefixLetter(text.charCodeAt(at))) at++;
  const quoteCode = text.charCodeAt(at);
  if (quoteCode !== 34 && quoteCode !== 39) return undefined;
  const prefix = text.slice(i, at).toLowerCase();
  if (prefix.length === 2 && (prefix[0] === prefix[1] || prefix.includes('u'))) return undefined;
  const quote = text[at];
  const triple = text.charCodeAt(at + 1) === quoteCode && text.charCodeAt(at + 2) === quoteCode;
  const close = triple ? quote.repeat(3) : quote;
  const f = prefix.includes('f');
  return sharedOpening(form(prefix.includes('r'), triple, f), at - i + close.length, close, '\\', f ? F_HOLE_LIST : undefined);
}

export const PYTHON: LanguageSpec = {
  problemPrefix: 'Python ',
  lineComments: ['#'],
  newlines: true,
  isIdentifierStart: isNameStart,
  isIdentifierPart: isNamePart,
  stringStarts: '"\'rRbBuUfF',
  openString,
};

export function tokenizePython(text: string): LexResult {
  return lex(text, PYTHON);
}
