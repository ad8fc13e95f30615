import type { LexToken, TemplatePart } from '../lexing/lexer';
import type { Range } from '../model';
import type { Piece, ScriptText } from './script-values';

// From lexer tokens to script values, for the shell-like readers (bash, PowerShell, CI YAML): the pieces
// of a string literal with the source range of every run of text, and the words of a command line
// (tokens written next to each other, as a shell joins them).

/** What a hole stands for when the reader knows it (a variable set earlier in the file); undefined: unknown. */
export type ResolveHole = (expression: string, range: Range) => ScriptText | undefined;

/**
 * The source text of an interpolation hole from its expression range: `$name`, `${…}`, `$(…)`, `{…}`.
 * The sigil and brackets around the expression are taken in when they are there.
 */
export function holeSpan(text: string, range: Range): Range {
  let start = range.start;
  let end = range.end;
  const before = text[start - 1];
  if (before === '$') start -= 1;
  else if ((before === '(' || before === '{') && text[start - 2] === '$') {
    start -= 2;
    if (text[end] === (before === '(' ? ')' : '}')) end += 1;
  } else if (before === '{') {
    start -= 1;
    const close = text.indexOf('}', end);
    if (close >= 0 && close - end < 40) end = close + 1;
  }
  return { start, end };
}

/**
 * The pieces of a string token: its decoded text runs, each with the range of its characters when the
 * source holds them verbatim (no escape in between), and its holes, resolved when `resolve` knows them.
 */
export function stringText(token: LexToken<string>, text: string, resolve?: ResolveHole): ScriptText {
  const content = token.content ?? { start: token.start, end: token.end };
  const parts = token.parts ?? [];
  const pieces: Piece[] = [];
  let overridable = false;
  let cursor = content.start;
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k];
    if ('text' in part) {
      const next = nextHole(parts, k + 1);
      const limit = next ? holeSpan(text, next.range).start : content.end;
      const source = text.slice(cursor, Math.max(cursor, limit));
      const at = source.indexOf(part.text);
      if (part.text && at >= 0) {
        pieces.push({ text: part.text, range: { start: cursor + at, end: cursor + at + part.text.length }, exact: true });
        cursor += at + part.text.length;
      } else if (part.text) {
        pieces.push({ text: part.text, range: { start: cursor, end: Math.max(cursor, limit) }, exact: false });
        cursor = Math.max(cursor, limit);
      }
      continue;
    }
    const span = holeSpan(text, part.range);
    const known = resolve?.(part.expression, span);
    if (known) {
      pieces.push(...known.pieces);
      if (known.overridable) overridable = true;
    } else pieces.push({ hole: text.slice(span.start, span.end), range: span });
    cursor = Math.max(cursor, span.end);
  }
  const result: ScriptText = { pieces, range: { start: content.start, end: content.end } };
  if (overridable) result.overridable = true;
  return result;
}

/**
 * {@link stringText} of a string token without holes, worked out when first read. A reader that keeps
 * every string it meets (in a hashtable no registration reads) then decodes only those something reads:
 * the lexer decodes a string's parts on first read, a second lex of it. Only for strings without holes,
 * whose pieces do not depend on when they are read; read it before the parse ends (the token is pooled).
 */
export function deferredStringText(token: LexToken<string>, text: string): ScriptText {
  return new DeferredStringText(token, text);
}

class DeferredStringText implements ScriptText {
  private read: ScriptText | undefined;
  /** The token's start when it was deferred: a pooled token reset by the end of its parse starts at -1. */
  private readonly start: number;

  constructor(
    private readonly token: LexToken<string>,
    private readonly text: string,
  ) {
    this.start = token.start;
  }

  get pieces(): Piece[] {
    return this.value().pieces;
  }

  get range(): Range {
    return this.value().range;
  }

  private value(): ScriptText {
    if (this.read) return this.read;
    // Fail loudly rather than read an emptied token as an empty string.
    if (this.token.start !== this.start) throw new Error('a string of a script was read after the parse that read it ended');
    return (this.read = stringText(this.token, this.text));
  }
}

/** The first hole of `parts` from index `from` (a loop: no copy of the parts per text run). */
function nextHole(parts: TemplatePart[], from: number): { range: Range } | undefined {
  for (let k = from; k < parts.length; k++) {
    const part = parts[k];
    if ('range' in part) return part;
  }
  return undefined;
}

/** A word of a command line: the tokens from `start` to `end` (exclusive) of `tokens`, written without spaces. */
export interface WordTokens {
  start: number;
  end: number;
}

/** Splits tokens `from`..`to` into words: runs of tokens each starting where the previous one ends. */
export function wordRuns(tokens: LexToken<string>[], from: number, to: number): WordTokens[] {
  const runs: WordTokens[] = [];
  let k = from;
  while (k < to) {
    let j = k + 1;
    while (j < to && tokens[j].start === tokens[j - 1].end && tokens[j].kind !== 'newline') j++;
    runs.push({ start: k, end: j });
    k = j;
  }
  return runs;
}

/** Tokens lexed from a slice of a text, moved to the slice's place in the whole text (`by` characters on). */
export function shiftTokens<T extends LexToken<string>>(tokens: T[], by: number): T[] {
  if (!by) return tokens;
  const move = (r: Range): Range => ({ start: r.start + by, end: r.end + by });
  // Field by field: a token of a parse is an object whose string parts are decoded on first read (lexer.ts).
  return tokens.map((t) => {
    const moved: LexToken<string> = { kind: t.kind, text: t.text, start: t.start + by, end: t.end + by };
    const { content, parts } = t;
    if (content) moved.content = move(content);
    if (parts) moved.parts = parts.map((p) => ('range' in p ? { ...p, range: move(p.range) } : p));
    return moved as T;
  });
}
