import { lex, sharedOpening, type HoleForm, type LanguageSpec, type LexResult, type LexToken, type StringForm, type StringOpening } from '../lexer';
import { DOLLAR_BRACE, escapes, isAsciiLetter, isDigit } from './common';

// Bicep: '…' strings with `${…}` holes and backslash escapes (`\u{…}`, `\$`), '''…''' multi-line strings
// (no escapes, no holes), `//` and `/* */` comments, newline tokens (they separate properties and items).

export type BicepTokenKind = 'identifier' | 'string' | 'number' | 'punct' | 'newline';
export type BicepToken = LexToken<BicepTokenKind>;

const QUOTED: StringForm = {
  kind: 'string',
  description: 'string',
  multiline: false,
  decode: escapes({ n: '\n', r: '\r', t: '\t', "'": "'", '\\': '\\', $: '$' }, { braces: true }),
};
const MULTILINE: StringForm = { kind: 'string', description: 'multi-line string', multiline: true, markLength: 3 };

/** One list, shared by every string. */
const HOLES: readonly HoleForm[] = [DOLLAR_BRACE];

const isStart = (c: number) => isAsciiLetter(c) || c === 95;

export const BICEP: LanguageSpec = {
  problemPrefix: '',
  lineComments: ['//'],
  blockComment: { open: '/*', close: '*/' },
  newlines: true,
  isIdentifierStart: isStart,
  isIdentifierPart: (c) => isStart(c) || isDigit(c),
  stringStarts: "'",
  openString(text, i): StringOpening {
    if (text.startsWith("'''", i)) return sharedOpening(MULTILINE, 3, "'''");
    return sharedOpening(QUOTED, 1, "'", '\\', HOLES);
  },
};

export function tokenizeBicep(text: string): LexResult<BicepTokenKind> {
  return lex<BicepTokenKind>(text, BICEP);
}
