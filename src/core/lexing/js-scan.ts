import type { Range } from '../model';
import { lex, type TokenKind } from './lexer';
import { JAVASCRIPT } from './languages/javascript';

// A linear lexical pre-scan of JavaScript/TypeScript on the shared lexer's tokens (strings, template
// literals, comments, regex literals told from division, brackets). It cuts the file into top-level chunks (statements, or runs of statements) so a
// caller can blank the chunks it does not need and parse only the rest, with every offset unchanged. One
// level down, it lists the `key: value` properties of top-level object literals, so a caller can also
// blank the values of properties it does not read (one big exported config object).
// It never guesses: anything it cannot follow (unterminated literal, unbalanced bracket, JSX, escaped
// identifiers) makes it answer undefined, and the caller parses the whole file.

export interface TopLevelChunk extends Range {
  /** Names declared by `const NAME` (or `, NAME =` after a const) anywhere inside the chunk. */
  constNames: string[];
}

/** A `key: value` property (identifier or plain string key) directly inside a top-level object literal. */
export interface PlainProperty {
  key: string;
  /** From the value's first token to the end of its last one. */
  value: Range;
}

/** An object literal a top-level statement gives a value (`= {`, `export default {`), from `{` to `}`. */
export interface TopLevelObject extends Range {
  /** Its plain properties; spreads, methods, computed, shorthand and numeric keys are not listed. */
  properties: PlainProperty[];
}

export interface JsScan {
  chunks: TopLevelChunk[];
  objects: TopLevelObject[];
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
const [COMMA, SEMICOLON, LESS_THAN, GREATER_THAN, SLASH, AT, COLON, EQUALS] = [44, 59, 60, 62, 47, 64, 58, 61];
const [SINGLE_QUOTE, DOUBLE_QUOTE] = [39, 34];
/** The longest word in STATEMENT_START, CONTINUES_BLOCK and `const`/`class`/`import`/`export`. */
const MAX_KEYWORD_LENGTH = 10;
/** Stands for a name the scan does not read (never compared to anything). */
const UNREAD_NAME = '\u0000name';

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
  let introducesValue = false; // the previous token was `=` or `default`: a `{` now starts an object literal
  const objects: TopLevelObject[] = [];
  let object: ObjectPropertyReader | undefined; // the top-level object literal being read

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
    const afterValueIntro = introducesValue;
    introducesValue = kind === 'punct' ? code === EQUALS : kind === 'identifier' && end - start === 7 && text.startsWith('default', start);
    // Names are read only when they may matter (a slice per name would be most of the scan's garbage): a
    // const's name after `const` or `,`; keywords, which are short, at top level; `const` at any depth.
    const word = kind === 'identifier' ? nameToRead(text, start, end, expectConstName, stack.length === 0) : '';
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
    if (object && stack.length === 1 && object.token(kind, start, end, code, tokenEnd)) {
      objects.push(object.object);
      object = undefined;
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
      if (code === OPEN_BRACE && stack.length === 0 && afterValueIntro) object = new ObjectPropertyReader(text, start);
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
  return { chunks, objects, comments: lexed.comments, moduleSyntax };
}

/** Reads the plain properties of one top-level object literal from the tokens directly inside it. */
class ObjectPropertyReader {
  readonly object: TopLevelObject;
  /** Where in a property the next token is: its first token, after a key, after `key:`, in a value, in anything else. */
  private part: 'start' | 'key' | 'colon' | 'value' | 'other' = 'start';
  private key = '';
  private valueStart = 0;

  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.object = { start, end: start, properties: [] };
  }

  /** A token directly inside the object (`previousEnd`: where the token before it ended); true at its closing `}`. */
  token(kind: TokenKind, start: number, end: number, code: number, previousEnd: number): boolean {
    const punct = kind === 'punct';
    if (punct && (code === COMMA || code === CLOSE_BRACE)) {
      if (this.part === 'value') this.object.properties.push({ key: this.key, value: { start: this.valueStart, end: previousEnd } });
      this.part = 'start';
      this.object.end = end;
      return code === CLOSE_BRACE;
    }
    if (this.part === 'start') {
      this.key = this.plainKey(kind, start, end) ?? '';
      this.part = this.key ? 'key' : 'other';
    } else if (this.part === 'key') {
      this.part = punct && code === COLON ? 'colon' : 'other'; // `get x()`, `async x()`, `x()`: methods
    } else if (this.part === 'colon') {
      this.valueStart = start;
      this.part = 'value';
    }
    return false;
  }

  /** A name or a quoted string without escapes (anything else the caller leaves alone). */
  private plainKey(kind: TokenKind, start: number, end: number): string | undefined {
    if (kind === 'identifier') return this.text.slice(start, end);
    if (kind !== 'string') return undefined;
    const quote = this.text.charCodeAt(start);
    if ((quote !== SINGLE_QUOTE && quote !== DOUBLE_QUOTE) || hasBackslash(this.text, start, end)) return undefined;
    return this.text.slice(start + 1, end - 1);
  }
}

function nameToRead(text: string, start: number, end: number, constName: boolean, topLevel: boolean): string {
  if (constName || (topLevel && end - start <= MAX_KEYWORD_LENGTH)) return text.slice(start, end);
  return end - start === 5 && text.startsWith('const', start) ? 'const' : UNREAD_NAME;
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

/** Where `export default` / `module.exports` could be; a second one (even in a comment) makes the export unsure. */
const EXPORT_WORD = /\b(?:default|exports)\b/g;
const EXPORT_HEAD = /(?:export\s+default|module\s*\.\s*exports\s*=)\s*/y;
/** `NAME;`, `NAME as T`, `NAME satisfies T` after the export head, to the chunk's end. */
const EXPORTED_NAME = /([\p{ID_Start}$_][\p{ID_Continue}$]*)(?:\s+(?:as|satisfies)\s+[\p{ID_Continue}$.]+)?(?:\s*;)?/uy;
const CONST_HEAD = /(?:export\s+)?const\s+/y;
/** After a const's name: an optional type (one level of `<…>` may hold commas) and `=`. */
const TYPE_AND_EQUALS = /\s*(?::(?:[^=,;<>]|<[^=;<>]*>)*)?=\s*/y;

/**
 * The object literal the file exports, when that is certain from the text: `export default {…}`,
 * `module.exports = {…}`, or either naming a top-level `const NAME = {…}`, with no other `default` or
 * `exports` word in the file. Undefined for anything else (calls, functions, several candidates).
 */
export function exportedObject(text: string, scan: JsScan): TopLevelObject | undefined {
  const words = text.match(EXPORT_WORD);
  if (words?.length !== 1) return undefined;
  for (const chunk of scan.chunks) {
    const value = stickyMatchEnd(EXPORT_HEAD, text, chunk.start);
    if (value === undefined) continue;
    if (text.charCodeAt(value) === OPEN_BRACE) return objectAt(scan, value);
    EXPORTED_NAME.lastIndex = value;
    const named = EXPORTED_NAME.exec(text);
    const wholeChunk = named && EXPORTED_NAME.lastIndex <= chunk.end && /^\s*$/.test(text.slice(EXPORTED_NAME.lastIndex, chunk.end));
    return wholeChunk ? constObject(text, scan, named[1]) : undefined;
  }
  return undefined;
}

/** The object literal initialising top-level `const name` (its first declarator, optionally typed). */
function constObject(text: string, scan: JsScan, name: string): TopLevelObject | undefined {
  for (const chunk of scan.chunks) {
    if (!chunk.constNames.includes(name)) continue;
    const nameStart = stickyMatchEnd(CONST_HEAD, text, chunk.start);
    if (nameStart === undefined || !text.startsWith(name, nameStart) || WORD_PART.test(text.charAt(nameStart + name.length))) continue;
    const value = stickyMatchEnd(TYPE_AND_EQUALS, text, nameStart + name.length);
    if (value !== undefined) return objectAt(scan, value);
  }
  return undefined;
}

const WORD_PART = /[\p{ID_Continue}$\u200c\u200d]/u;

function stickyMatchEnd(pattern: RegExp, text: string, at: number): number | undefined {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : undefined;
}

/** The listed object whose `{` is at `start` (a `{` in a comment or string is none). */
function objectAt(scan: JsScan, start: number): TopLevelObject | undefined {
  return scan.objects.find((object) => object.start === start);
}

const WORD = /[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/gu;

/**
 * The text with only the chunks a reader needs: those where `wanted` (a global regex) matches, plus those
 * declaring a const that a kept chunk names (transitively). Every other chunk becomes spaces, keeping line
 * breaks and comments, so offsets, lines and the comment list stay those of the full text. `emptiedValues`
 * (property values, in order) are blanked the same way behind a `0`, so their objects stay valid; the
 * chunks holding them are kept, and names in them pull in no const. Long blank runs are written as block
 * comments of blanks (see pushBlankRun); `writtenComments` lists where those start, for the caller to drop.
 */
export function keepWantedChunks(
  text: string,
  scan: JsScan,
  wanted: RegExp,
  emptiedValues: readonly Range[] = [],
): { text: string; kept: number; writtenComments: number[] } {
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
  chunks.forEach((chunk, k) => {
    if (emptiedValues.some((value) => value.start >= chunk.start && value.end <= chunk.end)) keep[k] = true;
  });

  // Consts the kept chunks name, found until nothing new is added.
  const named = new Set<string>();
  const addWords = (chunk: TopLevelChunk) => {
    for (const part of outside(chunk, emptiedValues)) for (const word of text.slice(part.start, part.end).match(WORD) ?? []) named.add(word);
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

  const blanks: BlankRange[] = [];
  let value = 0;
  chunks.forEach((chunk, k) => {
    const previous = blanks[blanks.length - 1];
    if (!keep[k] && k > 0 && !keep[k - 1])
      previous.end = chunk.end; // a run of blanked chunks is one range
    else if (!keep[k]) blanks.push({ start: chunk.start, end: chunk.end });
    while (value < emptiedValues.length && emptiedValues[value].start < chunk.end) {
      if (keep[k] && emptiedValues[value].start >= chunk.start) blanks.push({ ...emptiedValues[value], placeholder: '0' });
      value++;
    }
  });
  const writtenComments: number[] = [];
  return { text: blankRanges(text, blanks, scan.comments, writtenComments), kept: keep.filter(Boolean).length, writtenComments };
}

/** The parts of a chunk outside the given ranges (in order). */
function outside(chunk: Range, ranges: readonly Range[]): Range[] {
  const parts: Range[] = [];
  let at = chunk.start;
  for (const range of ranges) {
    if (range.end <= at || range.start >= chunk.end) continue;
    parts.push({ start: at, end: range.start });
    at = range.end;
  }
  parts.push({ start: at, end: chunk.end });
  return parts;
}

interface BlankRange extends Range {
  /** Text that stands at the range's start instead of blanks. */
  placeholder?: string;
}

/** The text with each range (in order, disjoint) made spaces, keeping its line breaks and comments. */
function blankRanges(text: string, ranges: readonly BlankRange[], comments: readonly Range[], writtenComments: number[]): string {
  const parts: string[] = [];
  const lineBreaks = new LineBreakFinder(text);
  let at = 0;
  let comment = 0;
  for (const range of ranges) {
    parts.push(text.slice(at, range.start));
    at = range.start;
    if (range.placeholder) {
      parts.push(range.placeholder);
      at += range.placeholder.length;
    }
    // Comments inside a blanked range stay (Babel lists them).
    while (comment < comments.length && comments[comment].end <= at) comment++;
    while (comment < comments.length && comments[comment].start < range.end) {
      const { start, end } = comments[comment++];
      pushBlankRun(parts, text, lineBreaks, at, start, writtenComments);
      parts.push(text.slice(start, end));
      at = end;
    }
    pushBlankRun(parts, text, lineBreaks, at, range.end, writtenComments);
    at = range.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Spaces longer runs are cut from (a slice is cheaper than a new string per run). */
const SPACES = ' '.repeat(256);
/** Runs of 0 to 255 spaces, made once: a blank run makes no string of its own. */
const SPACE_RUNS = Array.from({ length: SPACES.length }, (_, n) => SPACES.slice(0, n));

/** Blank runs from this length on are written as a comment. */
const COMMENT_MIN_CHARS = 64;

/**
 * Blanks for text[start, end) (line breaks kept), as a block comment `/*  …  *\/` of them when the run is
 * long: Babel skips a comment with one indexOf, but a run of spaces one character at a time (a tenth of
 * the parse of a mostly blanked file). Its `/*` and `*\/` stand on blanks of the run, never next to kept text.
 */
function pushBlankRun(parts: string[], text: string, lineBreaks: LineBreakFinder, start: number, end: number, written: number[]): void {
  const open = end - start >= COMMENT_MIN_CHARS ? twoOnOneLine(text, start + 1, end - 1, 1) : -1;
  const close = open >= 0 ? twoOnOneLine(text, end - 1, open + 2, -1) : -1;
  if (open < 0 || close < open + 4) {
    pushBlanks(parts, text, lineBreaks, start, end);
    return;
  }
  pushBlanks(parts, text, lineBreaks, start, open);
  parts.push('/*');
  pushBlanks(parts, text, lineBreaks, open + 2, close - 2);
  parts.push('*/');
  pushBlanks(parts, text, lineBreaks, close, end);
  written.push(open);
}

/**
 * Searching from `from` towards `to` (direction `step`), the first place two characters in a row hold no
 * line break: forwards, where they start; backwards, where they end. -1 when there is none.
 */
function twoOnOneLine(text: string, from: number, to: number, step: 1 | -1): number {
  for (let j = from; step > 0 ? j + 2 <= to : j - 2 >= to; j += step) {
    const first = step > 0 ? j : j - 1;
    if (!isLineBreak(text.charCodeAt(first)) && !isLineBreak(text.charCodeAt(first + step))) return j;
  }
  return -1;
}

/** Spaces for text[start, end), its line breaks kept. */
function pushBlanks(parts: string[], text: string, lineBreaks: LineBreakFinder, start: number, end: number): void {
  for (let run = start; ;) {
    const lineBreak = Math.min(lineBreaks.next(run), end);
    for (let left = lineBreak - run; left > 0; left -= SPACES.length) parts.push(left >= SPACES.length ? SPACES : SPACE_RUNS[left]);
    if (lineBreak === end) return;
    parts.push(text[lineBreak]);
    run = lineBreak + 1;
  }
}

const LINE_BREAKS = ['\n', '\r', '\u2028', '\u2029'];

/**
 * The next line break from an offset, found with indexOf per kind (native search, several times faster
 * than a character loop); each kind's last find is remembered, so a pass over the text reads it once per kind.
 */
class LineBreakFinder {
  private readonly found = LINE_BREAKS.map(() => -1);

  constructor(private readonly text: string) {}

  /** The offset of the first line break at or after `from`, else the text's length. */
  next(from: number): number {
    let nearest = this.text.length;
    LINE_BREAKS.forEach((lineBreak, kind) => {
      let at = this.found[kind];
      if (at < from) {
        const next = this.text.indexOf(lineBreak, from);
        at = this.found[kind] = next < 0 ? Infinity : next;
      }
      if (at < nearest) nearest = at;
    });
    return nearest;
  }
}
