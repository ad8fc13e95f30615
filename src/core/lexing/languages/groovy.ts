import { lex, sharedOpening, type HoleForm, type LanguageSpec, type LexResult, type StringForm, type StringOpening } from '../lexer';
import { C_ESCAPES, DOLLAR_BRACE, DOLLAR_NAME, escapes, isDollarNamePart, isDollarNameStart } from './common';

// Groovy (Gradle build files): '…' and '''…''' plain strings, "…" and """…""" GStrings with `${…}` and
// `$name.path` holes, backslash escapes, `//` and `/* */` comments, newline tokens (a line break ends a
// statement in a build script).

const decode = escapes({ ...C_ESCAPES, $: '$' }, { hex: { u: 4 }, lineContinuation: true });
const HOLES: HoleForm[] = [DOLLAR_BRACE, { ...DOLLAR_NAME, dotted: true }];
const LINE: StringForm = { kind: 'string', description: 'string', multiline: false, decode };
const MULTI: StringForm = { kind: 'string', description: 'multi-line string', multiline: true, decode };

/** The closes by quote, so opening a string makes no string. */
const CLOSES: Record<string, { single: string; triple: string }> = { '"': { single: '"', triple: '"""' }, "'": { single: "'", triple: "'''" } };

function openString(text: string, i: number): StringOpening {
  const quote = text[i];
  const code = text.charCodeAt(i);
  const triple = text.charCodeAt(i + 1) === code && text.charCodeAt(i + 2) === code;
  const close = triple ? CLOSES[quote].triple : CLOSES[quote].single;
  return sharedOpening(triple ? MULTI : LINE, close.length, close, '\\', quote === '"' ? HOLES : undefined);
}

export const GROOVY: LanguageSpec = {
  problemPrefix: 'Groovy ',
  lineComments: ['//'],
  blockComment: { open: '/*', close: '*/' },
  newlines: true,
  hashbang: true,
  isIdentifierStart: isDollarNameStart,
  isIdentifierPart: isDollarNamePart,
  stringStarts: '"\'',
  openString,
};

export function tokenizeGroovy(text: string): LexResult {
  return lex(text, GROOVY);
}
