import { lex, type HoleForm, type LanguageSpec, type LexResult, type StringForm, type StringOpening } from '../lexer';
import { C_ESCAPES, escapes, isNamePart, isNameStart } from './common';

// Python: strings with any of the prefixes r, b, u, f (and pairs: rb, fr …), '…', "…", '''…''', """…""";
// f-strings with `{…}` holes (`{{`/`}}` are braces, `{x:>10}` keeps `x`), raw strings keep backslashes,
// `#` comments, newline tokens.

const decode = escapes({ ...C_ESCAPES }, { hex: { x: 2, u: 4, U: 8 }, lineContinuation: true, keepUnknown: true });
const F_HOLE: HoleForm = { open: '{', kind: 'code', close: '}', doubledLeadIsLiteral: true, cut: ':' };
const forms = new Map<string, StringForm>();

function form(raw: boolean, triple: boolean, f: boolean): StringForm {
  const key = `${raw}${triple}${f}`;
  let found = forms.get(key);
  if (!found) {
    found = { kind: 'string', description: 'string', multiline: triple, decode: raw ? undefined : decode, doubledLiterals: f ? '}' : undefined };
    forms.set(key, found);
  }
  return found;
}

const PREFIX = /^[rRbBuUfF]{0,2}/;

function openString(text: string, i: number): StringOpening | undefined {
  const prefix = PREFIX.exec(text.slice(i, i + 2))![0].toLowerCase();
  const at = i + prefix.length;
  const quote = text[at];
  if (quote !== '"' && quote !== "'") return undefined;
  if (prefix.length === 2 && (prefix[0] === prefix[1] || prefix.includes('u'))) return undefined;
  const triple = text.startsWith(quote.repeat(3), at);
  const close = triple ? quote.repeat(3) : quote;
  const f = prefix.includes('f');
  return { form: form(prefix.includes('r'), triple, f), contentStart: at + close.length, close, escapeLead: '\\', holes: f ? [F_HOLE] : undefined };
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
