import { findNodeAtOffset, getNodeValue, type Node } from 'jsonc-parser';
import { parseJson } from '../parsing/json-util';
import { formatById } from '../formats';
import type { IosPlistInfo, Located, ParsedFile, Range, RedirectUri, TextEdit } from '../model';
import { detectEol } from '../io/text';

// Builders of text edits for fixes. Each returns undefined (or []) when it cannot produce an edit that
// keeps the file valid and its layout intact — a rule then offers no fix rather than a risky one.

/** How values are written in the file (its format's record says). */
const literalOf = (file: ParsedFile) => formatById(file.format).literal;
const isJson = (file: ParsedFile) => literalOf(file) === 'json';

/** Parse trees by file, so a rule asking about many duplicates of one file parses it once. */
const trees = new WeakMap<ParsedFile, Node | null>();

function treeOf(file: ParsedFile): Node | undefined {
  if (!trees.has(file)) trees.set(file, parseJson(file.text).root ?? null);
  return trees.get(file) ?? undefined;
}

/** jsonc-parser walks by recursion; on absurd nesting a builder gives up instead of failing the rule. */
function guarded<T>(fallback: T, build: () => T): T {
  try {
    return build();
  } catch {
    return fallback;
  }
}

/** Escapes a value for the string literal it replaces (JSON, XML, or a quoted code literal). */
function escapeFor(file: ParsedFile, range: Range, value: string): string {
  if (literalOf(file) === 'json') return JSON.stringify(value).slice(1, -1);
  if (literalOf(file) === 'xml') {
    return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
  }
  const quote = file.text[range.start - 1];
  const escaped = value.replace(/\\/g, '\\\\');
  return quote === '"' || quote === "'" || quote === '`' ? escaped.split(quote).join(`\\${quote}`) : escaped;
}

/** Whether the range holds the value verbatim (no escapes, not rebuilt), so replacing it is exact. */
function holdsVerbatim(file: ParsedFile, located: Located<string> | RedirectUri): boolean {
  if ('implied' in located && located.implied) return false;
  if ('partial' in located && located.partial) return false;
  return file.text.slice(located.range.start, located.range.end) === located.value;
}

/** Replaces a whole value (e.g. a redirect URI) with another. */
export function replaceValue(file: ParsedFile, located: Located<string> | RedirectUri, newValue: string): TextEdit | undefined {
  if (!holdsVerbatim(file, located) || located.value === newValue) return undefined;
  return { file: file.path, range: located.range, newText: escapeFor(file, located.range, newValue) };
}

/** Replaces `length` characters at `offset` inside a verbatim value (a scheme, a hash). */
export function replaceInsideValue(
  file: ParsedFile,
  located: Located<string> | RedirectUri,
  offset: number,
  length: number,
  newText: string,
): TextEdit | undefined {
  if (!holdsVerbatim(file, located) || offset < 0 || offset + length > located.value.length) return undefined;
  const start = located.range.start + offset;
  return { file: file.path, range: { start, end: start + length }, newText: escapeFor(file, located.range, newText) };
}

/** `http://host/...` → `https://host/...`: only the scheme changes, so partial values can be fixed too. */
export function upgradeToHttps(file: ParsedFile, located: Located<string> | RedirectUri): TextEdit | undefined {
  if ('implied' in located && located.implied) return undefined;
  const { start } = located.range;
  const written = file.text.slice(start, start + 5);
  if (written.toLowerCase() !== 'http:') return undefined;
  return { file: file.path, range: { start, end: start + 4 }, newText: written[0] === 'H' ? 'HTTPS' : 'https' };
}

/**
 * Appends an entry to a one-line or multi-line list literal `[ … ]` (JSON or code) at `list`, after its
 * last entry and with a comma when one is needed; undefined when the range does not hold a bracketed list.
 */
export function appendToListLiteral(file: ParsedFile, list: Range, entry: string): TextEdit | undefined {
  const text = file.text.slice(list.start, list.end);
  if (!text.startsWith('[') || !text.endsWith(']')) return undefined;
  const inner = text.slice(1, -1);
  const contentEnd = inner.trimEnd();
  if (!contentEnd.trim()) return { file: file.path, range: { start: list.start + 1, end: list.end - 1 }, newText: entry };
  const insertAt = list.start + 1 + contentEnd.length;
  return { file: file.path, range: { start: insertAt, end: insertAt }, newText: contentEnd.endsWith(',') ? ` ${entry}` : `, ${entry}` };
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** Offset after the line break that ends the line holding `offset` (or the text's end). */
function nextLineStart(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  return i < text.length ? i + 1 : i;
}

function onlyBlanks(text: string, start: number, end: number): boolean {
  return /^[ \t]*$/.test(text.slice(start, end));
}

/** Offset of the next comma after `from`, skipping whitespace and comments; undefined if something else comes first. */
function commaAfter(text: string, from: number): number | undefined {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === ',') return i;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') i++;
    else if (text.startsWith('//', i)) i = nextLineStart(text, i);
    else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return undefined;
      i = close + 2;
    } else return undefined;
  }
  return undefined;
}

/** Whether two values sit in the same JSON array (directly or inside its objects); undefined when the file is not JSON. */
export function sameJsonArray(file: ParsedFile, a: Range, b: Range): boolean | undefined {
  if (!isJson(file)) return undefined;
  const root = treeOf(file);
  if (!root) return undefined;
  const nearestArray = (offset: number): Node | undefined => {
    let node = findNodeAtOffset(root, offset)?.parent;
    while (node && node.type !== 'array') node = node.parent;
    return node;
  };
  return guarded(undefined, () => {
    const arrayA = nearestArray(a.start);
    return arrayA !== undefined && arrayA === nearestArray(b.start);
  });
}

/** A JSON value with object keys sorted, for comparing two elements by content. */
function canonical(node: Node): string {
  const sort = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sort);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, sort((value as Record<string, unknown>)[k])]),
      );
    }
    return value;
  };
  return JSON.stringify(sort(getNodeValue(node)));
}

/** The array element holding a string value: the string itself, or an object like `{ "url": …, "type": … }`. */
function elementOf(root: Node, valueRange: Range): Node | undefined {
  const node = findNodeAtOffset(root, valueRange.start);
  if (!node || node.type !== 'string' || node.offset + 1 !== valueRange.start || node.offset + node.length - 1 !== valueRange.end) return undefined;
  if (node.parent?.type === 'array') return node;
  const object = node.parent?.type === 'property' ? node.parent.parent : undefined;
  return object?.type === 'object' && object.parent?.type === 'array' ? object : undefined;
}

/**
 * Removes the array element holding a string value, together with its comma, keeping comments and the
 * layout of the other elements: an element alone on its line takes its line with it. When the value sits in
 * an object element (`replyUrlsWithType`), the object is removed only if it equals the one at `twinRange`.
 */
export function removeJsonArrayElement(file: ParsedFile, valueRange: Range, twinRange?: Range): TextEdit[] {
  if (!isJson(file)) return [];
  const root = treeOf(file);
  if (!root) return [];
  return guarded([], () => removeElement(file, root, valueRange, twinRange));
}

function removeElement(file: ParsedFile, root: Node, valueRange: Range, twinRange?: Range): TextEdit[] {
  const { text } = file;
  const node = elementOf(root, valueRange);
  const array = node?.parent;
  if (!node || array?.type !== 'array' || !array.children) return [];
  if (node.type === 'object') {
    const twin = twinRange ? elementOf(root, twinRange) : undefined;
    if (!twin || twin === node || canonical(twin) !== canonical(node)) return [];
  }
  const index = array.children.indexOf(node);
  const start = node.offset;
  const end = node.offset + node.length;
  const edits: TextEdit[] = [];
  const remove = (from: number, to: number) => edits.push({ file: file.path, range: { start: from, end: to }, newText: '' });
  const lineStart = lineStartOf(text, start);
  const aloneBefore = onlyBlanks(text, lineStart, start);

  if (index < array.children.length - 1) {
    const comma = commaAfter(text, end);
    if (comma === undefined) return [];
    const lineEnd = nextLineStart(text, comma);
    if (aloneBefore && /^[ \t]*(\r\n|\r|\n)?$/.test(text.slice(comma + 1, lineEnd))) remove(lineStart, lineEnd);
    else {
      let after = comma + 1;
      while (text[after] === ' ' || text[after] === '\t') after++;
      // Keep the element's line break when a comment follows on the same line.
      remove(start, after === lineEnd || /[\r\n]/.test(text[after] ?? '') ? comma + 1 : after);
    }
    return edits;
  }

  if (index > 0) {
    const previous = array.children[index - 1];
    const comma = commaAfter(text, previous.offset + previous.length);
    if (comma === undefined) return [];
    remove(comma, comma + 1);
  }
  const lineEnd = nextLineStart(text, end);
  if (aloneBefore && /^[ \t]*(\r\n|\r|\n)?$/.test(text.slice(end, lineEnd)) && lineStart > 0) remove(lineStart, lineEnd);
  else {
    let from = start;
    while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t') && index > 0) from--;
    remove(Math.max(from, edits[0] ? edits[0].range.end : from), end);
  }
  return edits;
}

/**
 * Inserts `<string>scheme</string>` after the last CFBundleURLSchemes entry, with the indentation of that
 * entry and the file's line break. Returns undefined when the plist gives no safe place to insert.
 */
export function insertPlistUrlScheme(file: ParsedFile, ios: IosPlistInfo, scheme: string): TextEdit | undefined {
  const at = ios.urlSchemesInsertAt;
  if (at === undefined || at < 0 || at > file.text.length) return undefined;
  if (ios.urlSchemes.some((s) => s.value.toLowerCase() === scheme.toLowerCase())) return undefined;
  const { text } = file;
  const before = text.slice(0, at);
  const lineStart = lineStartOf(text, at);
  const indent = /^[ \t]*/.exec(text.slice(lineStart, at))?.[0] ?? '';
  let entryIndent: string;
  if (/<\/string>\s*$/.test(before)) entryIndent = indent;
  else if (/<array>\s*$/.test(before)) entryIndent = indent + (indent.includes('\t') ? '\t' : '  ');
  else return undefined;
  const escaped = escapeFor(file, { start: at, end: at }, scheme);
  return { file: file.path, range: { start: at, end: at }, newText: `${detectEol(text)}${entryIndent}<string>${escaped}</string>` };
}
