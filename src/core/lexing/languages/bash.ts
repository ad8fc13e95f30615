import { lex, sharedOpening, type HoleForm, type LanguageSpec, type LexResult, type StringForm, type StringOpening } from '../lexer';
import { C_ESCAPES, DOLLAR_BRACE, DOLLAR_NAME, escapes, isDashedNamePart, isDigit, isNameStart } from './common';

// bash and POSIX shell: '…' (no escapes), "…" with `$name`, `${…}`, `$(…)` and `` `…` `` holes (a
// backslash escapes only $ ` " \ and a line break), $'…' C escapes, heredocs `<<EOF`, `<<-EOF` (leading
// tabs dropped) and `<<'EOF'` (no expansion) whose bodies follow the line, `$name` variables, `#`
// comments where a word starts, newline tokens. Strings may span lines.

const inDoubleQuotes = escapes({ $: '$', '`': '`', '"': '"', '\\': '\\' }, { lineContinuation: true, keepUnknown: true });
const HOLES: HoleForm[] = [{ open: '$(', kind: 'code', close: ')' }, DOLLAR_BRACE, DOLLAR_NAME, { open: '`', kind: 'code', close: '`' }];
const POSITIONAL: HoleForm = { open: '$', kind: 'name', nameStart: isDigit, namePart: () => false };
const DOUBLE: StringForm = { kind: 'string', description: 'string', multiline: true, decode: inDoubleQuotes };
const SINGLE: StringForm = { kind: 'string', description: 'string', multiline: true };
const ANSI: StringForm = {
  kind: 'string',
  description: 'string',
  multiline: true,
  decode: escapes({ ...C_ESCAPES, e: '\x1b', E: '\x1b' }, { hex: { x: 2, u: 4, U: 8 } }),
};
const BACKTICK: StringForm = { kind: 'string', description: 'command substitution', multiline: true, decode: inDoubleQuotes };
const HEREDOC: StringForm = { kind: 'string', description: 'heredoc', multiline: true, decode: inDoubleQuotes, markLength: 2, heredoc: { restOfLine: 'code' } };
const TAB_HEREDOC: StringForm = { ...HEREDOC, heredoc: { restOfLine: 'code', indent: 'tabs' } };
const RAW_HEREDOC: StringForm = { ...HEREDOC, decode: undefined };
const RAW_TAB_HEREDOC: StringForm = { ...TAB_HEREDOC, decode: undefined };

const MARKER = /^<<(-?)[ \t]*(?:'([^'\n\r]*)'|"([^"\n\r]*)"|\\?([A-Za-z0-9_.-]+))/;

/** The holes of a "…" string (one list for all of them). */
const QUOTED_HOLES: readonly HoleForm[] = [...HOLES, POSITIONAL];

function openString(text: string, i: number): StringOpening | undefined {
  const c = text[i];
  if (c === "'") return sharedOpening(SINGLE, 1, "'");
  if (c === '"') return sharedOpening(DOUBLE, 1, '"', '\\', QUOTED_HOLES);
  if (c === '`') return sharedOpening(BACKTICK, 1, '`', '\\');
  if (c === '$' && text[i + 1] === "'") return sharedOpening(ANSI, 2, "'", '\\');
  if (c === '$' && text[i + 1] === '"') return sharedOpening(DOUBLE, 2, '"', '\\', HOLES);
  return undefined;
}

export const BASH: LanguageSpec = {
  problemPrefix: 'shell ',
  lineComments: ['#'],
  hashCommentAtWordStart: true,
  newlines: true,
  hashbang: true,
  isIdentifierStart: isNameStart,
  isIdentifierPart: isDashedNamePart,
  variables: { namePart: (c) => DOLLAR_NAME.namePart!(c) },
  stringStarts: '"\'`$',
  openString,
  openHeredoc(text, i) {
    if (text[i + 2] === '<') return undefined; // `<<<` is a here-string, not a heredoc
    const match = MARKER.exec(text.slice(i, i + 200));
    if (!match) return undefined;
    const quoted = match[2] !== undefined || match[3] !== undefined || match[0].includes('\\');
    const marker = match[2] ?? match[3] ?? match[4];
    const tabs = match[1] === '-';
    const form = quoted ? (tabs ? RAW_TAB_HEREDOC : RAW_HEREDOC) : tabs ? TAB_HEREDOC : HEREDOC;
    const end = i + match[0].length;
    return { form, contentOffset: end - i, close: marker, escapeLead: quoted ? undefined : '\\', holes: quoted ? undefined : HOLES, openerEnd: end };
  },
};

export function tokenizeBash(text: string): LexResult {
  return lex(text, BASH);
}
