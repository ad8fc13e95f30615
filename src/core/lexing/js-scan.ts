import type { Range } from '../model';
import { lex, type TokenKind } from './lexer';
import { JAVASCRIPT } from './languages/javascript';

// A linear lexical pre-scan of JavaScript/TypeScript on the shared lexer's tokens (strings, template
// literals, comments, regex literals told from division, brackets). It cuts the file into top-level chunks (statements, or runs of statements) so a
// caller can blank the chunks it does not need and parse only the rest, with every offset unchanged.
// It never guesses: anything it cannot follow (unterminated literal, unbalanced bracket, JSX, escaped
// identifiers) makes it answer undefined, and the caller parses the whole file.

export interface TopLevelChunk extends Range {
  /** Names declared by `const NAME` (or `, NAME =` after a const) anywhere inside the chunk. */
  constNames: string[];
}

export interface JsScan {
  chunks: TopLevelChunk[];
  /** Comments, in order, with the ranges Babel gives them. */
  comments: Range[];
  /** A top-level `import`/`export` declaration was seen (the file is an ES module). */
  moduleSyntax: boolean;
}

/** A top-level line starting with one of these words starts a new statement (no expression continues into it). */
const STATEMENT_START = new Set(['import', 'export', 'const', 'let', 'var', 'function', 'class', 'interface', 'enum', 'declare']);
/** Words that continue the statement a closing `}` belongs to (`} from 'x'`, `} else {`, `} catch`, `} while (…)`). */
const CONTINUES_BLOCK = new Set(['from', 'else', 'catch', 'finally', 'while', 'instanceof', 'in', 'of', 'as', 'satisfies']);

/**
 * Deeper nesting is left to the full parse, which reports it: a sliced parse must not hide a problem the
 * whole file has (real code nests a few dozen levels).
 */
const MAX_DEPTH = 256;

const [OPEN_PAREN, CLOSE_PAREN, OPEN_BRACKET, CLOSE_BRACKET, OPEN_BRACE, CLOSE_BRACE] = [40, 41, 91, 93, 123, 125];
const [COMMA, SEMICOLON, LESS_THAN, GREATER_THAN, SLASH, AT] = [44, 59, 60, 62, 47, 64];
/** The longest word in STATEMENT_START, CONTINUES_BLOCK and `const`/`class`/`import`/`export`. */
const MAX_KEYWORD_LENGTH = 10;
/** Stands for a name too long to be a keyword (never compared to anything). */
const LONG_NAME = '\u0000name';

/** Scans `text` (with the shared lexer's JavaScript spec); undefined when the scan cannot be sure of the file's structure. */
export function scanTopLevel(text: string): JsScan | undefined {
  const chunks: TopLevelChunk[] = [];
  const stack: number[] = [];
  let moduleSyntax = false;
  let unsure = false; // JSX, an escaped identifier or unbalanced brackets: the caller parses the whole file
  let chunk: TopLevelChunk | undefined; // the chunk being read (starts at its first token)
  let splitAfterBrace = false; // a top-level `}` closed: the next token decides whether the statement ended
  let decoratorPending = false; // `@Decorator(…)` at top level: the class it decorates belongs to the same chunk
  let constDepth = -1; // bracket depth of the `const` being read, -1 when none
  let expectConstName = false;
  let previousKind: TokenKind | undefined;
  let previousCode = 0; // the previous token's character, when it is punctuation
  let previousEnd = -1;

  const endChunk = (end: number) => {
    if (chunk) {
      chunk.end = end;
      chunks.push(chunk);
    }
    chunk = undefined;
    constDepth = -1;
    expectConstName = false;
  };

  let tokenEnd = text.startsWith('#!') ? lineEnd(text, 0) : 0; // where the last token ended (a chunk ends there)
  const onToken = (kind: TokenKind, start: number, end: number): void => {
    if (unsure) return;
    const code = text.charCodeAt(start);
    const adjacent = previousEnd === start;
    // `</` and `/>` are no operators: JSX.
    if (adjacent && previousKind === 'punct' && ((previousCode === LESS_THAN && code === SLASH) || (previousCode === SLASH && code === GREATER_THAN))) {
      unsure = true;
      return;
    }
    previousKind = kind;
    previousCode = kind === 'punct' ? code : 0;
    previousEnd = end;
    // Names are read only when they may matter: keywords are short, and a const's name follows `const` or `,`.
    const word =
      kind === 'identifier' && (expectConstName || end - start <= MAX_KEYWORD_LENGTH) ? text.slice(start, end) : kind === 'identifier' ? LONG_NAME : '';
    if (kind === 'identifier' && hasBackslash(text, start, end)) {
      unsure = true; // escaped identifiers: names could hide
      return;
    }

    // First settle where the top-level statement before this token ended.
    if (stack.length === 0) {
      const newlineBefore = hasLineBreak(text, tokenEnd, start);
      if (splitAfterBrace) {
        splitAfterBrace = false;
        if (word && !CONTINUES_BLOCK.has(word)) endChunk(tokenEnd);
      }
      if (chunk && newlineBefore && STATEMENT_START.has(word) && !decoratorPending) endChunk(tokenEnd);
      if (!chunk) {
        chunk = { start, end: start, constNames: [] };
        decoratorPending = kind === 'punct' && code === AT;
        if ((word === 'import' && !/^import\s*[(.]/.test(text.slice(start, start + 16))) || word === 'export') moduleSyntax = true;
      }
      if (word === 'class') decoratorPending = false;
    }
    tokenEnd = end;
    const current: TopLevelChunk = chunk ?? { start, end: start, constNames: [] };

    if (word) {
      if (expectConstName) current.constNames.push(word);
      expectConstName = false;
      if (word === 'const') {
        constDepth = stack.length;
        expectConstName = true;
      }
      return;
    }
    expectConstName = false;
    if (kind !== 'punct') return;
    if (code === OPEN_PAREN || code === OPEN_BRACKET || code === OPEN_BRACE) {
      stack.push(code);
    } else if (code === CLOSE_PAREN || code === CLOSE_BRACKET || code === CLOSE_BRACE) {
      if (stack.pop() !== (code === CLOSE_PAREN ? OPEN_PAREN : code === CLOSE_BRACKET ? OPEN_BRACKET : OPEN_BRACE)) {
        unsure = true;
        return;
      }
      if (constDepth > stack.length) constDepth = -1;
      if (code === CLOSE_BRACE && stack.length === 0) splitAfterBrace = true;
    } else if (code === SEMICOLON) {
      if (stack.length === 0) endChunk(end);
      else if (constDepth === stack.length) constDepth = -1;
    } else if (code === COMMA && constDepth === stack.length) expectConstName = true;
  };
  const lexed = lex(text, JAVASCRIPT, onToken);
  // Unclosed strings, templates, regexes or comments, brackets closing nothing inside `${}`, or hostile depth.
  if (unsure || lexed.problems.length || lexed.strayClosers || lexed.maxNesting > MAX_DEPTH || stack.length) return undefined;
  endChunk(text.length);
  return { chunks, comments: lexed.comments, moduleSyntax };
}

function lineEnd(text: string, from: number): number {
  let j = from;
  while (j < text.length && !isLineBreak(text.charCodeAt(j))) j++;
  return j;
}

const isLineBreak = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

function hasBackslash(text: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (text.charCodeAt(j) === 92) return true;
  return false;
}

/** A line break in the gap between two tokens (spaces and comments). */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (isLineBreak(text.charCodeAt(j))) return true;
  return false;
}

const WORD = /[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/gu;

/**
 * The text with only the chunks a reader needs: those where `wanted` (a global regex) matches, plus those
 * declaring a const that a kept chunk names (transitively). Every other chunk becomes spaces, keeping line
 * breaks and comments, so offsets, lines and the comment list stay those of the full text.
 */
export function keepWantedChunks(text: string, scan: JsScan, wanted: RegExp): { text: string; kept: number } {
  const { chunks } = scan;
  const keep = new Array<boolean>(chunks.length).fill(false);
  let index = 0;
  wanted.lastIndex = 0;
  for (let match = wanted.exec(text); match; match = wanted.exec(text)) {
    if (match[0] === '') wanted.lastIndex++;
    while (index < chunks.length && chunks[index].end <= match.index) index++;
    if (index === chunks.length) break;
    if (chunks[index].start > match.index) continue; // between chunks: a comment
    keep[index] = true;
    wanted.lastIndex = Math.max(wanted.lastIndex, chunks[index].end); // one match per chunk is enough
  }

  // Consts the kept chunks name, found until nothing new is added.
  const named = new Set<string>();
  const addWords = (chunk: TopLevelChunk) => {
    for (const word of text.slice(chunk.start, chunk.end).match(WORD) ?? []) named.add(word);
  };
  chunks.forEach((chunk, k) => keep[k] && addWords(chunk));
  for (let changed = true; changed;) {
    changed = false;
    chunks.forEach((chunk, k) => {
      if (keep[k] || !chunk.constNames.some((name) => named.has(name))) return;
      keep[k] = true;
      addWords(chunk);
      changed = true;
    });
  }

  const parts: string[] = [];
  let at = 0;
  let comment = 0;
  let kept = 0;
  chunks.forEach((chunk, k) => {
    if (keep[k]) {
      kept++;
      return;
    }
    parts.push(text.slice(at, chunk.start));
    at = chunk.start;
    // Comments inside a blanked chunk stay (Babel lists them), the rest becomes blanks.
    while (comment < scan.comments.length && scan.comments[comment].end <= chunk.start) comment++;
    while (comment < scan.comments.length && scan.comments[comment].start < chunk.end) {
      const { start, end } = scan.comments[comment++];
      parts.push(blank(text, at, start), text.slice(start, end));
      at = end;
    }
    parts.push(blank(text, at, chunk.end));
    at = chunk.end;
  });
  parts.push(text.slice(at));
  return { text: parts.join(''), kept };
}

/** Spaces for text[start, end), with its line breaks kept. */
function blank(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(NOT_LINE_BREAK, (run) => ' '.repeat(run.length));
}

const NOT_LINE_BREAK = /[^\n\r\u2028\u2029]+/g;
