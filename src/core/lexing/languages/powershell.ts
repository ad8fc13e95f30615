import { lex, sharedOpening, type HoleForm, type LanguageSpec, type LexResult, type StringForm, type StringOpening } from '../lexer';
import { escapes, isAsciiLetter, isDashedNamePart, isDigit, isNameStart } from './common';

// PowerShell: '…' literal strings ('' is a quote), "…" expandable strings with `$name`, `${name}` and
// `$(…)` holes and backtick escapes, @"…"@ / @'…'@ here-strings (the close at a line start), `$name`
// variables (`$env:NAME` included), `#` and `<# … #>` comments, newline tokens. Strings may span lines.

const decode = escapes({ '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' }, { braces: true });
const isVariablePart = (c: number) => isAsciiLetter(c) || isDigit(c) || c === 95 || c === 58;
const HOLES: HoleForm[] = [
  { open: '$(', kind: 'code', close: ')' },
  { open: '${', kind: 'code', close: '}' },
  { open: '$', kind: 'name', nameStart: (c) => isAsciiLetter(c) || c === 95, namePart: isVariablePart },
];
const EXPANDABLE: StringForm = { kind: 'string', description: 'string', multiline: true, decode, doubledClose: true };
const LITERAL: StringForm = { kind: 'string', description: 'string', multiline: true, doubledClose: true };
const HERE: StringForm = {
  kind: 'string',
  description: 'here-string',
  multiline: true,
  decode,
  closeAtLineStart: true,
  dropFirstLineBreak: true,
  markLength: 2,
};
const HERE_LITERAL: StringForm = { ...HERE, decode: undefined };

function openString(text: string, i: number): StringOpening | undefined {
  if (text[i] === '@') {
    const quote = text[i + 1];
    if (quote !== '"' && quote !== "'") return undefined;
    // A here-string's opening `@"` ends its line.
    let j = i + 2;
    while (text[j] === ' ' || text[j] === '\t') j++;
    if (text[j] !== '\n' && text[j] !== '\r') return undefined;
    if (quote === "'") return sharedOpening(HERE_LITERAL, 2, "'@");
    return sharedOpening(HERE, 2, '"@', '`', HOLES);
  }
  if (text[i] === "'") return sharedOpening(LITERAL, 1, "'");
  return sharedOpening(EXPANDABLE, 1, '"', '`', HOLES);
}

export const POWERSHELL: LanguageSpec = {
  problemPrefix: 'PowerShell ',
  lineComments: ['#'],
  hashCommentAtWordStart: true,
  blockComment: { open: '<#', close: '#>' },
  newlines: true,
  isIdentifierStart: isNameStart,
  isIdentifierPart: isDashedNamePart,
  variables: { namePart: isVariablePart },
  stringStarts: '"\'@',
  openString,
};

export function tokenizePowerShell(text: string): LexResult {
  return lex(text, POWERSHELL);
}
