import { lex, sharedOpening, type HoleForm, type LanguageSpec, type LexResult, type LexToken, type StringForm, type StringOpening } from '../lexer';
import { C_ESCAPES, escapes, isNamePart, isNameStart } from './common';

// C#: regular "…" and char '…' literals with backslash escapes, verbatim @"…" (doubled quotes), interpolated
// $"…{x:N0}…" / $@"…" ({{ and }} are braces), raw """…""" with as many quotes as open it and $$"""…{{x}}…"""
// holes of as many braces as dollars; `//` and `/* */` comments; `#if` lines are directive tokens.

export type CsTokenKind = 'identifier' | 'string' | 'char' | 'number' | 'punct' | 'directive';
export type CsToken = LexToken<CsTokenKind>;

const decode = escapes({ ...C_ESCAPES, e: '\x1b' }, { hex: { u: 4, x: 4, U: 8 } });

const REGULAR: StringForm = { kind: 'string', description: 'string', multiline: false, decode };
const VERBATIM: StringForm = { kind: 'string', description: 'string', multiline: true, doubledClose: true };
/** Interpolated: `}}` is a brace (and `{{`, see HOLE). */
const REGULAR_INTERPOLATED: StringForm = { ...REGULAR, doubledLiterals: '}' };
const VERBATIM_INTERPOLATED: StringForm = { ...VERBATIM, doubledLiterals: '}' };
const RAW: StringForm = { kind: 'string', description: 'raw string', multiline: true };
const CHAR: StringForm = { kind: 'char', description: 'character literal', multiline: false, decode };

const HOLE: HoleForm = { open: '{', kind: 'code', close: '}', doubledLeadIsLiteral: true, cut: ':,' };
const LINE_HOLE: HoleForm = { ...HOLE, singleLine: true };
/** One list each, shared by every string of its form. */
const HOLES: readonly HoleForm[] = [HOLE];
const LINE_HOLES: readonly HoleForm[] = [LINE_HOLE];
const rawHoles = new Map<number, HoleForm[]>();

/** `$$"""`: holes open with as many braces as there are dollars (a longer run of braces starts with literal ones). */
function rawHole(dollars: number): HoleForm[] {
  let holes = rawHoles.get(dollars);
  if (!holes) {
    holes = [{ open: '{'.repeat(dollars), kind: 'code', close: '}', closeRepeat: dollars, notFollowedBy: '{', cut: ':,' }];
    rawHoles.set(dollars, holes);
  }
  return holes;
}

/** `"`, `@"`, `$"`, `$@"`, `@$"`, `$$"""` … at `i`. */
function openString(text: string, i: number): StringOpening | undefined {
  if (text[i] === "'") return sharedOpening(CHAR, 1, "'", '\\');
  let j = i;
  let dollars = 0;
  let verbatim = false;
  while (text[j] === '$' || (text[j] === '@' && !verbatim)) {
    if (text[j] === '$') dollars++;
    else verbatim = true;
    j++;
  }
  if (text[j] !== '"') return undefined;
  let quotes = 0;
  while (text[j + quotes] === '"') quotes++;
  if (quotes >= 3 && !verbatim) {
    return sharedOpening(RAW, j - i + quotes, '"'.repeat(quotes), undefined, dollars ? rawHole(dollars) : undefined);
  }
  if (verbatim) return dollars ? sharedOpening(VERBATIM_INTERPOLATED, j - i + 1, '"', undefined, HOLES) : sharedOpening(VERBATIM, j - i + 1, '"');
  if (dollars) return sharedOpening(REGULAR_INTERPOLATED, j - i + 1, '"', '\\', LINE_HOLES);
  return sharedOpening(REGULAR, j - i + 1, '"', '\\');
}

export const CSHARP: LanguageSpec = {
  problemPrefix: 'C# ',
  lineComments: ['//'],
  blockComment: { open: '/*', close: '*/' },
  directives: 'line',
  isIdentifierStart: isNameStart,
  isIdentifierPart: isNamePart,
  verbatimIdentifierPrefix: '@',
  stringStarts: '"$@\'',
  openString,
};

export function tokenizeCSharp(text: string): LexResult<CsTokenKind> {
  return lex<CsTokenKind>(text, CSHARP);
}
