import type { Located, Range } from '../model';

// Values as registration scripts (PowerShell, bash, CI YAML) hold them, after quoting and escapes: known
// text with the source range of every character run, and holes for what only the running script knows
// (a variable set outside the file, `$(az ...)`, `${{ secrets.X }}`). Readers build these from tokens;
// the registration reader turns them into redirect URIs with exact ranges, splitting lists where asked.

/** Known characters, or a hole standing for what the script computes at run time. */
export type Piece =
  | {
      text: string;
      range: Range;
      /** The range maps one character of `text` to one of the source (no escapes in between). */
      exact: boolean;
    }
  | {
      /** The hole as written in the file (`$REDIRECT`, `$($app.AppId)`, `${{ vars.X }}`), quoted in values. */
      hole: string;
      range: Range;
    };

/** A string value: its pieces in order and the range of the whole (inside quotes where it has them). */
export interface ScriptText {
  pieces: Piece[];
  range: Range;
  /** A default the caller may replace (`param([string]$X = "…")`, `${1:-…}`, `os.getenv("X", "…")`). */
  overridable?: boolean;
}

/**
 * A value of a script: text, a boolean, a list (PowerShell arrays, comma lists, az's space-separated
 * arguments), a map (PowerShell hashtables, JSON objects) or something not known statically.
 */
export type ScriptValue =
  | { kind: 'text'; text: ScriptText }
  | { kind: 'bool'; value: boolean; range: Range }
  | { kind: 'list'; items: ScriptValue[]; range: Range }
  | { kind: 'map'; entries: Map<string, ScriptValue>; range: Range }
  | { kind: 'unknown'; range: Range };

export function textValue(text: ScriptText): ScriptValue {
  return { kind: 'text', text };
}

/**
 * The same text as a default the caller may replace. Built field by field: an object spread that adds a
 * property takes V8's slow clone path (measured: 4% of a PowerShell parse).
 */
export function overridableText(text: ScriptText): ScriptText {
  return { pieces: text.pieces, range: text.range, overridable: true };
}

export function unknownValue(range: Range): ScriptValue {
  return { kind: 'unknown', range };
}

export function rangeOf(value: ScriptValue): Range {
  return value.kind === 'text' ? value.text.range : value.range;
}

/** A literal known whole, with an exact range (a quoted string without escapes, a bare word). */
export function literalText(text: string, range: Range, exact = true): ScriptText {
  return { pieces: text ? [{ text, range, exact }] : [], range };
}

/**
 * The text when every piece is known, else undefined. A replaceable default counts only with
 * `defaults` (an app id in a `param()` default still names the app the script is written for).
 */
export function knownText(text: ScriptText | undefined, defaults = false): string | undefined {
  if (!text || (text.overridable && !defaults)) return undefined;
  let result = '';
  for (const piece of text.pieces) {
    if ('hole' in piece) return undefined;
    result += piece.text;
  }
  return result;
}

/**
 * How a hole reads inside a value: `${…}` around what it stands for (`$REDIRECT` → `${REDIRECT}`,
 * `$($app.AppId)` → `${$app.AppId}`), the form every reader uses for values only known at run time.
 */
export function renderHole(hole: string): string {
  if (/^\$\{[^]*\}$/.test(hole)) return hole;
  let inner = hole.startsWith('$') ? hole.slice(1) : hole;
  if ((inner.startsWith('(') && inner.endsWith(')')) || (inner.startsWith('{') && inner.endsWith('}'))) inner = inner.slice(1, -1);
  // A subexpression of one variable (PowerShell `$($env:URL)`, `$($app.AppId)`) reads as that variable.
  if (/^\$[\w:.]+$/.test(inner)) inner = inner.slice(1);
  return `\${${inner}}`;
}

/** Length of a piece as it reads in the rendered value. */
export function renderedLength(piece: Piece): number {
  return 'hole' in piece ? renderHole(piece.hole).length : piece.text.length;
}

/** The text with holes as `${…}`; `partial` when something in it is unknown. */
export function renderText(text: ScriptText): { value: string; partial: boolean; unknownStart: boolean } {
  let value = '';
  let partial = text.overridable === true;
  for (const piece of text.pieces) {
    if ('hole' in piece) {
      value += renderHole(piece.hole);
      partial = true;
    } else value += piece.text;
  }
  const first = text.pieces[0];
  return { value, partial, unknownStart: first !== undefined && 'hole' in first };
}

/**
 * Joins texts end to end (PowerShell `"a" + $b`, bash `"a"$b'c'`). `site` is where the joined value is
 * written (the expression); without it the range spans the parts.
 */
export function concatTexts(parts: ScriptText[], site?: Range): ScriptText | undefined {
  if (!parts.length) return undefined;
  const pieces: Piece[] = [];
  for (const part of parts) {
    for (const piece of part.pieces) {
      const last = pieces[pieces.length - 1];
      // Runs of text that touch in the source are one run (`--` `display-name` → `--display-name`).
      if (last && 'text' in last && 'text' in piece && last.exact && piece.exact && last.range.end === piece.range.start) {
        pieces[pieces.length - 1] = { text: last.text + piece.text, range: { start: last.range.start, end: piece.range.end }, exact: true };
      } else pieces.push(piece);
    }
  }
  return {
    pieces,
    range: site ?? { start: parts[0].range.start, end: parts[parts.length - 1].range.end },
    overridable: parts.some((p) => p.overridable) || undefined,
  };
}

/** A hole as a text value (the whole value is unknown). */
export function holeText(source: string, range: Range): ScriptText {
  return { pieces: [{ hole: source, range }], range };
}

/**
 * Splits a text at separator characters of its known pieces (`a b`, `a,b`): each part keeps the exact
 * range of its own characters. Holes stay inside the part they are written in; empty parts are dropped.
 */
export function splitText(text: ScriptText, isSeparator: (ch: string) => boolean): ScriptText[] {
  const result: ScriptText[] = [];
  let current: Piece[] = [];
  const flush = () => {
    const trimmed = current.filter((p) => !('text' in p) || p.text.length > 0);
    if (trimmed.length) {
      // A part made of pieces from elsewhere (a variable's value) keeps the whole's range as its place.
      result.push({ pieces: trimmed, range: spanWithin(trimmed, text.range), overridable: text.overridable });
    }
    current = [];
  };
  for (const piece of text.pieces) {
    if ('hole' in piece) {
      current.push(piece);
      continue;
    }
    let runStart = 0;
    for (let i = 0; i <= piece.text.length; i++) {
      if (i < piece.text.length && !isSeparator(piece.text[i])) continue;
      if (i > runStart) current.push(subPiece(piece, runStart, i));
      if (i < piece.text.length) flush();
      runStart = i + 1;
    }
  }
  flush();
  return result;
}

/** Characters `from`..`to` of a known piece, with their own range when the piece maps exactly. */
function subPiece(piece: Extract<Piece, { text: string }>, from: number, to: number): Piece {
  if (from === 0 && to === piece.text.length) return piece;
  const text = piece.text.slice(from, to);
  if (!piece.exact) return { text, range: piece.range, exact: false };
  return { text, range: { start: piece.range.start + from, end: piece.range.start + to }, exact: true };
}

/** Trims white space at both ends of a text's known pieces (ranges follow). */
export function trimText(text: ScriptText): ScriptText {
  const parts = splitText(text, () => false);
  if (!parts.length) return { pieces: [], range: text.range, overridable: text.overridable };
  const pieces = parts[0].pieces.slice();
  const first = pieces[0];
  if ('text' in first) {
    const lead = first.text.length - first.text.trimStart().length;
    pieces[0] = subPiece(first, lead, first.text.length);
  }
  const lastIndex = pieces.length - 1;
  const last = pieces[lastIndex];
  if ('text' in last) pieces[lastIndex] = subPiece(last, 0, last.text.trimEnd().length);
  const kept = pieces.filter((p) => !('text' in p) || p.text.length > 0);
  if (!kept.length) return { pieces: [], range: text.range, overridable: text.overridable };
  return { pieces: kept, range: spanWithin(kept, parts[0].range), overridable: text.overridable };
}

/** The span of pieces when they lie inside `outer` (a string's own characters), else `outer` itself. */
function spanWithin(pieces: Piece[], outer: Range): Range {
  const span = { start: pieces[0].range.start, end: pieces[pieces.length - 1].range.end };
  return span.start >= outer.start && span.end <= outer.end && span.start <= span.end ? span : outer;
}

/**
 * The source range of characters `from`..`to` of the rendered text (holes counted as written): exact
 * where the pieces map one to one, else the range of the pieces involved.
 */
export function sourceRange(text: ScriptText, from: number, to: number): Range {
  let offset = 0;
  let start: number | undefined;
  let end: number | undefined;
  for (const piece of text.pieces) {
    const length = renderedLength(piece);
    const pieceEnd = offset + length;
    if (pieceEnd > from && offset < to) {
      const exact = 'text' in piece && piece.exact;
      const s = exact ? piece.range.start + Math.max(0, from - offset) : piece.range.start;
      const e = exact ? piece.range.start + Math.min(length, to - offset) : piece.range.end;
      start ??= s;
      end = e;
    } else if (length === 0 && offset === from && start === undefined) {
      start = piece.range.start;
      end = piece.range.start;
    }
    offset = pieceEnd;
    if (offset >= to && start !== undefined) break;
  }
  return start === undefined ? { start: text.range.start, end: text.range.start } : { start, end: end ?? start };
}

/** A boolean a script writes: `$true`, `true`, `"true"`, `1`; undefined for anything else. */
export function boolOf(value: ScriptValue | undefined): Located<boolean> | undefined {
  if (!value) return undefined;
  if (value.kind === 'bool') return { value: value.value, range: value.range };
  if (value.kind !== 'text') return undefined;
  const text = knownText(value.text)?.trim().toLowerCase();
  if (text === 'true' || text === '$true' || text === '1') return { value: true, range: value.text.range };
  if (text === 'false' || text === '$false' || text === '0') return { value: false, range: value.text.range };
  return undefined;
}

/** The items of a list value; a single text or unknown value is a list of one. */
export function itemsOf(value: ScriptValue | undefined): ScriptValue[] {
  if (!value) return [];
  return value.kind === 'list' ? value.items : [value];
}

/** The entry of a map value by key, case-insensitively (PowerShell hashtables ignore case). */
export function entryOf(value: ScriptValue | undefined, key: string): ScriptValue | undefined {
  return value?.kind === 'map' ? value.entries.get(key.toLowerCase()) : undefined;
}

/** A new map value from entries whose keys are compared case-insensitively. */
export function mapValue(entries: [string, ScriptValue][], range: Range): ScriptValue {
  const map = new Map<string, ScriptValue>();
  for (const [key, value] of entries) map.set(key.toLowerCase(), value);
  return { kind: 'map', entries: map, range };
}
