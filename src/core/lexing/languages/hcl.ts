import { lex, sharedOpening, type HoleForm, type LanguageSpec, type LexResult, type LexToken, type StringForm, type StringOpening } from '../lexer';
import { escapes, isAsciiLetter, isDigit, isNameStart } from './common';

// HCL (Terraform): "…" templates with `${…}` and `%{…}` holes (`$${` and `%%{` are literal), `<<EOF` and
// `<<-EOF` heredocs (with holes; `<<-` drops shared indentation), `#`, `//` and `/* */` comments, newline
// tokens (a line break ends an attribute).

export type HclTokenKind = 'identifier' | 'string' | 'number' | 'punct' | 'newline';
export type HclToken = LexToken<HclTokenKind>;

const HOLES: HoleForm[] = [
  { open: '${', kind: 'code', close: '}', doubledLeadIsLiteral: true },
  { open: '%{', kind: 'code', close: '}', doubledLeadIsLiteral: true },
];
const QUOTED: StringForm = {
  kind: 'string',
  description: 'string',
  multiline: false,
  decode: escapes({ n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' }, { hex: { u: 4, U: 8 } }),
};
const HEREDOC: StringForm = { kind: 'string', description: 'heredoc', multiline: true, markLength: 2, heredoc: { restOfLine: 'ignored' } };
const INDENTED_HEREDOC: StringForm = { ...HEREDOC, heredoc: { restOfLine: 'ignored', indent: 'common' } };

const MARKER = /^<<(-?)([A-Za-z_][A-Za-z0-9_]*)/;

export const HCL: LanguageSpec = {
  problemPrefix: '',
  lineComments: ['#', '//'],
  blockComment: { open: '/*', close: '*/' },
  newlines: true,
  isIdentifierStart: isNameStart,
  isIdentifierPart: (c) => isNameStart(c) || isDigit(c) || c === 45,
  stringStarts: '"',
  openString: (): StringOpening => sharedOpening(QUOTED, 1, '"', '\\', HOLES),
  openHeredoc(text, i) {
    const c = text.charCodeAt(i + 2);
    if (!(isAsciiLetter(c) || c === 95 || c === 45)) return undefined;
    const marker = MARKER.exec(text.slice(i, i + 200));
    if (!marker) return undefined;
    const form = marker[1] ? INDENTED_HEREDOC : HEREDOC;
    return { form, contentOffset: marker[0].length, close: marker[2], holes: HOLES, openerEnd: i + marker[0].length };
  },
};

export function tokenizeHcl(text: string): LexResult<HclTokenKind> {
  return lex<HclTokenKind>(text, HCL);
}
