import type { Range } from '../model';

/**
 * jsonc-parser builds its tree recursively (a few stack frames per level) and overflows the stack near
 * 3,000 levels. Real configuration files nest fewer than 20 levels, so anything deeper than this is
 * hostile or generated junk: it is blanked out before parsing and reported as a problem.
 */
export const MAX_JSON_DEPTH = 512;

const QUOTE = 34;
const BACKSLASH = 92;
const SLASH = 47;
const STAR = 42;
const LF = 10;
const CR = 13;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/**
 * The regions (from an opening bracket to its closer, or to the end) nested deeper than `limit`, found in
 * one pass without recursion. Strings and comments are skipped the way jsonc-parser scans them. A closer
 * only closes a bracket of its own kind, which can over-estimate the depth of broken text (the safe side).
 */
export function tooDeepRegions(text: string, limit = MAX_JSON_DEPTH): Range[] {
  if (!hasMoreOpeningBrackets(text, limit)) return [];
  const regions: Range[] = [];
  const open: number[] = [];
  let regionStart = -1;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < length; i++) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE || s === LF || s === CR) break;
      }
    } else if (c === SLASH) {
      const next = text.charCodeAt(i + 1);
      if (next === SLASH) {
        for (i += 2; i < length; i++) {
          const s = text.charCodeAt(i);
          if (s === LF || s === CR) break;
        }
      } else if (next === STAR) {
        const end = text.indexOf('*/', i + 2);
        i = end < 0 ? length : end + 1;
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      open.push(c);
      if (open.length === limit + 1) regionStart = i;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (open.length > 0 && open[open.length - 1] === (c === CLOSE_BRACE ? OPEN_BRACE : OPEN_BRACKET)) {
        if (open.length === limit + 1) regions.push({ start: regionStart, end: i + 1 });
        open.pop();
      }
    }
  }
  if (open.length > limit) regions.push({ start: regionStart, end: length });
  return regions;
}

/**
 * The text with each region replaced by `null` padded with spaces (later line breaks kept), so every offset
 * outside the regions is unchanged and the shallow part still parses as it did.
 */
export function blankRegions(text: string, regions: Range[]): string {
  let result = '';
  let last = 0;
  for (const region of regions) {
    const blank = text.slice(region.start, region.end).replace(/[^\r\n]/g, ' ');
    const closed = region.end - region.start >= 4 && region.end <= text.length && /[\]}]/.test(text.charAt(region.end - 1));
    result += text.slice(last, region.start) + (closed ? `null${blank.slice(4)}` : blank);
    last = region.end;
  }
  return result + text.slice(last);
}

/** Cheap bound (native indexOf): text with at most `limit` opening brackets cannot nest deeper. */
function hasMoreOpeningBrackets(text: string, limit: number): boolean {
  let count = 0;
  for (let i = text.indexOf('{'); i >= 0 && count <= limit; i = text.indexOf('{', i + 1)) count++;
  for (let i = text.indexOf('['); i >= 0 && count <= limit; i = text.indexOf('[', i + 1)) count++;
  return count > limit;
}
