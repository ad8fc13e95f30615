import type { Range } from '../model';

// A linear lexical pre-scan of JavaScript/TypeScript: strings, template literals, comments, regex literals
// (vs division), brackets. It cuts the file into top-level chunks (statements, or runs of statements) so a
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

/** After these words a `/` starts a regex literal; after any other word it divides. */
const REGEX_AFTER_WORD = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
  'extends',
]);
/** A top-level line starting with one of these words starts a new statement (no expression continues into it). */
const STATEMENT_START = new Set(['import', 'export', 'const', 'let', 'var', 'function', 'class', 'interface', 'enum', 'declare']);
/** Words that continue the statement a closing `}` belongs to (`} from 'x'`, `} else {`, `} catch`, `} while (…)`). */
const CONTINUES_BLOCK = new Set(['from', 'else', 'catch', 'finally', 'while', 'instanceof', 'in', 'of', 'as', 'satisfies']);

const enum Code {
  Tab = 9,
  LineFeed = 10,
  VerticalTab = 11,
  FormFeed = 12,
  CarriageReturn = 13,
  Space = 32,
  Bang = 33,
  DoubleQuote = 34,
  Hash = 35,
  Dollar = 36,
  SingleQuote = 39,
  OpenParen = 40,
  CloseParen = 41,
  Comma = 44,
  Dot = 46,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  Semicolon = 59,
  LessThan = 60,
  GreaterThan = 62,
  At = 64,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  Underscore = 95,
  Backtick = 96,
  OpenBrace = 123,
  CloseBrace = 125,
  LineSeparator = 0x2028,
  ParagraphSeparator = 0x2029,
  NoBreakSpace = 0xa0,
  ByteOrderMark = 0xfeff,
}

function isLineBreak(c: number): boolean {
  return c === Code.LineFeed || c === Code.CarriageReturn || c === Code.LineSeparator || c === Code.ParagraphSeparator;
}

function isSpace(c: number): boolean {
  return (
    c === Code.Space ||
    c === Code.Tab ||
    c === Code.VerticalTab ||
    c === Code.FormFeed ||
    c === Code.NoBreakSpace ||
    c === Code.ByteOrderMark ||
    (c > 0x1680 && /\s/.test(String.fromCharCode(c)))
  );
}

function isWordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= Code.Zero && c <= Code.Nine) ||
    c === Code.Dollar ||
    c === Code.Underscore ||
    c === Code.Backslash ||
    (c >= 0x80 && !isSpace(c) && !isLineBreak(c))
  );
}

/**
 * Deeper nesting is left to the full parse, which reports it: a sliced parse must not hide a problem the
 * whole file has (real code nests a few dozen levels).
 */
const MAX_DEPTH = 256;

/** Bracket stack entries: the opening character, or TEMPLATE for a `${` inside a template literal. */
const TEMPLATE = -1;

/** Scans `text`; undefined when the scan cannot be sure of the file's structure. */
export function scanTopLevel(text: string): JsScan | undefined {
  const length = text.length;
  const chunks: TopLevelChunk[] = [];
  const comments: Range[] = [];
  const stack: number[] = [];
  let moduleSyntax = false;
  let i = 0;
  if (text.charCodeAt(0) === Code.Hash && text.charCodeAt(1) === Code.Bang) while (i < length && !isLineBreak(text.charCodeAt(i))) i++; // hashbang stays as it is

  let chunk: TopLevelChunk | undefined; // the chunk being read (starts at its first token)
  let regexAllowed = true;
  let newlineBefore = false; // a line break since the previous token
  let splitAfterBrace = false; // a top-level `}` closed: the next token decides whether the statement ended
  let decoratorPending = false; // `@Decorator(…)` at top level: the class it decorates belongs to the same chunk
  let constDepth = -1; // bracket depth of the `const` being read, -1 when none
  let expectConstName = false;

  const endChunk = (end: number) => {
    if (chunk) {
      chunk.end = end;
      chunks.push(chunk);
    }
    chunk = undefined;
    constDepth = -1;
    expectConstName = false;
  };

  /** Ends the template text starting at `from` (just after a backtick or a `}`); returns the index after it, or -1. */
  const readTemplate = (from: number): number => {
    for (let j = from; j < length; j++) {
      const c = text.charCodeAt(j);
      if (c === Code.Backslash) j++;
      else if (c === Code.Backtick) return j + 1;
      else if (c === Code.Dollar && text.charCodeAt(j + 1) === Code.OpenBrace) {
        stack.push(TEMPLATE);
        return j + 2;
      }
    }
    return -1;
  };

  let tokenEnd = i; // where the last token ended (a chunk ends there, not at the next token)
  let afterToken = false;
  while (i < length) {
    if (afterToken) tokenEnd = i;
    afterToken = false;
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) {
      newlineBefore = true;
      i++;
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (c === Code.Slash && (next === Code.Slash || next === 42)) {
      const start = i;
      if (next === Code.Slash) {
        while (i < length && !isLineBreak(text.charCodeAt(i))) i++;
      } else {
        const close = text.indexOf('*/', i + 2);
        if (close < 0) return undefined;
        i = close + 2;
        if (/[\n\r\u2028\u2029]/.test(text.slice(start, i))) newlineBefore = true;
      }
      comments.push({ start, end: i });
      continue;
    }

    // A token starts here: first settle where the top-level statement before it ended.
    const word = isWordChar(c) && !(c >= Code.Zero && c <= Code.Nine) ? readWord(text, i) : '';
    if (stack.length === 0) {
      if (splitAfterBrace) {
        splitAfterBrace = false;
        if (word && !CONTINUES_BLOCK.has(word)) endChunk(tokenEnd);
      }
      if (chunk && newlineBefore && STATEMENT_START.has(word) && !decoratorPending) endChunk(tokenEnd);
      if (!chunk) {
        chunk = { start: i, end: i, constNames: [] };
        decoratorPending = c === Code.At;
        if ((word === 'import' && !/^import\s*[(.]/.test(text.slice(i, i + 16))) || word === 'export') moduleSyntax = true;
      }
      if (word === 'class') decoratorPending = false;
    }
    newlineBefore = false;
    afterToken = true;
    const current: TopLevelChunk = chunk ?? { start: i, end: i, constNames: [] };

    if (word) {
      if (word.includes('\\')) return undefined; // escaped identifiers: names could hide
      if (expectConstName) current.constNames.push(word);
      expectConstName = false;
      if (word === 'const') {
        constDepth = stack.length;
        expectConstName = true;
      }
      regexAllowed = REGEX_AFTER_WORD.has(word);
      i += word.length;
      continue;
    }
    expectConstName = false;

    if ((c >= Code.Zero && c <= Code.Nine) || (c === Code.Dot && next >= Code.Zero && next <= Code.Nine)) {
      i = readNumber(text, i);
      regexAllowed = false;
      continue;
    }
    if (c === Code.SingleQuote || c === Code.DoubleQuote) {
      i = readQuoted(text, i, c);
      if (i < 0) return undefined;
      regexAllowed = false;
      continue;
    }
    if (c === Code.Backtick) {
      const depth = stack.length;
      i = readTemplate(i + 1);
      if (i < 0) return undefined;
      regexAllowed = stack.length > depth; // inside `${` an expression starts; after the literal a `/` divides
      continue;
    }
    if (c === Code.Slash) {
      if (regexAllowed) {
        i = readRegex(text, i);
        if (i < 0) return undefined;
        regexAllowed = false;
      } else {
        if (next === Code.GreaterThan) return undefined; // `/>` is no operator: JSX
        i++;
        regexAllowed = true;
      }
      continue;
    }
    if (c === Code.LessThan && next === Code.Slash) return undefined; // `</`: JSX
    if (c === Code.OpenParen || c === Code.OpenBracket || c === Code.OpenBrace) {
      if (stack.push(c) > MAX_DEPTH) return undefined;
      i++;
      regexAllowed = true;
      continue;
    }
    if (c === Code.CloseParen || c === Code.CloseBracket || c === Code.CloseBrace) {
      const open = stack.pop();
      if (open === undefined) return undefined;
      if (open === TEMPLATE) {
        if (c !== Code.CloseBrace) return undefined;
        const depth = stack.length;
        i = readTemplate(i + 1);
        if (i < 0) return undefined;
        regexAllowed = stack.length > depth;
        continue;
      }
      if (open !== (c === Code.CloseParen ? Code.OpenParen : c === Code.CloseBracket ? Code.OpenBracket : Code.OpenBrace)) return undefined;
      i++;
      if (constDepth > stack.length) constDepth = -1;
      regexAllowed = c === Code.CloseBrace; // `}` usually ends a block; after `)`/`]` a `/` divides
      if (c === Code.CloseBrace && stack.length === 0) splitAfterBrace = true;
      continue;
    }
    if (c === Code.Semicolon) {
      i++;
      regexAllowed = true;
      if (stack.length === 0) endChunk(i);
      else if (constDepth === stack.length) constDepth = -1;
      continue;
    }
    if (c === Code.Comma && constDepth === stack.length) expectConstName = true;
    // Any other punctuator: an expression may follow.
    i++;
    regexAllowed = true;
  }
  if (stack.length) return undefined;
  endChunk(length);
  return { chunks, comments, moduleSyntax };
}

function readWord(text: string, from: number): string {
  let j = from;
  while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
  return text.slice(from, j);
}

function readNumber(text: string, from: number): number {
  let j = from;
  const hex = /^0[xXbBoO]/.test(text.slice(from, from + 2));
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (isWordChar(c) || c === Code.Dot) j++;
    else if ((c === 43 || c === 45) && !hex && /[eE]/.test(text[j - 1]))
      j++; // 1e-5
    else break;
  }
  return j;
}

/** Index after the closing quote, or -1 when the string does not end on its line. */
function readQuoted(text: string, from: number, quote: number): number {
  for (let j = from + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === quote) return j + 1;
    if (c === Code.Backslash) {
      if (text.charCodeAt(j + 1) === Code.CarriageReturn && text.charCodeAt(j + 2) === Code.LineFeed) j++;
      j++;
    } else if (c === Code.LineFeed || c === Code.CarriageReturn) return -1;
  }
  return -1;
}

/** Index after a regex literal's flags, or -1 when it does not end on its line. */
function readRegex(text: string, from: number): number {
  let inClass = false;
  for (let j = from + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (isLineBreak(c)) return -1;
    if (c === Code.Backslash) j++;
    else if (c === Code.OpenBracket) inClass = true;
    else if (c === Code.CloseBracket) inClass = false;
    else if (c === Code.Slash && !inClass) {
      let k = j + 1;
      while (k < text.length && isWordChar(text.charCodeAt(k))) k++;
      return k;
    }
  }
  return -1;
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
