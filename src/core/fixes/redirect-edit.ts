import { modify, applyEdits as applyJsonEdits, parseTree } from 'jsonc-parser';
import { formatById } from '../formats';
import type { AppRegistration, ParsedFile, Range, RedirectUri, TextEdit } from '../model';
import { addRedirectFix, formattingOf, minimalEdit, removeRedirectEdit, type ListPlatform } from './registration-edit';
import { replaceValue } from './edits';

// Edits that move an app to another redirect URI: the value in a config (also where it is built in a
// template or from parts), and the entry in a registration (added, replaced or removed, in manifests,
// Terraform and Bicep lists and AppCreationScripts' comma-separated ReplyUrls). Each returns undefined when
// it cannot write an edit that keeps the file valid.

const QUOTES = new Set(['"', "'", '`']);

/** Escapes a value for a code string literal delimited by `quote`. */
function codeString(value: string, quote: string): string {
  let escaped = value.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`);
  if (quote === '`') escaped = escaped.replace(/\$\{/g, '\\${');
  return escaped;
}

/**
 * Replaces the whole redirect a config sends with `value`: a verbatim value; the content of a literal that
 * builds it (a template literal, an interpolated or escaped string: the range is the literal's inside); or a
 * concatenation in code, replaced by one string literal. Implied redirects (rebuilt from a scheme) are not.
 */
export function replaceRedirect(file: ParsedFile, uri: RedirectUri, value: string): TextEdit | undefined {
  if (uri.implied) return undefined;
  const verbatim = replaceValue(file, uri, value);
  if (verbatim || uri.value === value) return verbatim;
  const { start, end } = uri.range;
  const literal = formatById(file.format).literal;
  const open = file.text[start - 1];
  if (QUOTES.has(open) && file.text[end] === open) {
    const newText = literal === 'json' ? JSON.stringify(value).slice(1, -1) : literal === 'xml' ? xmlText(value) : codeString(value, open);
    return { file: file.path, range: uri.range, newText };
  }
  const written = file.text.slice(start, end);
  if (literal === 'code' && QUOTES.has(written[0]) && written.includes('+')) {
    const quote = written[0] === '`' ? '"' : written[0];
    return { file: file.path, range: uri.range, newText: `${quote}${codeString(value, quote)}${quote}` };
  }
  return undefined;
}

function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Adds `value` to a registration's list for `platform`: a manifest through jsonc-parser, a code or ReplyUrls list in its own style. */
export function addRegisteredRedirect(file: ParsedFile, registration: AppRegistration, value: string, platform: ListPlatform): TextEdit[] | undefined {
  if (registration.manifestSchema) return addRedirectFix(file, registration, value, platform)?.edits;
  const list = registration.redirectLists?.[platform];
  if (!list) return undefined;
  const written = file.text.slice(list.start, list.end);
  if (written.startsWith('"') && written.endsWith('"')) {
    // AppCreationScripts: one comma-separated string.
    const inner = written.slice(1, -1);
    const at = list.end - 1;
    return [{ file: file.path, range: { start: at, end: at }, newText: inner.trim() ? `, ${value}` : value }];
  }
  const edit = appendListEntry(file, registration, list, value);
  return edit ? [edit] : undefined;
}

/** Appends a quoted entry to a bracketed list, keeping its layout: one line, or one entry per line with or without commas (Bicep). */
function appendListEntry(file: ParsedFile, registration: AppRegistration, list: Range, value: string): TextEdit | undefined {
  const text = file.text;
  const written = text.slice(list.start, list.end);
  if (!written.startsWith('[') || !written.endsWith(']')) return undefined;
  const entries = registration.redirectUris.filter((u) => u.range.start > list.start && u.range.end < list.end).sort((a, b) => a.range.start - b.range.start);
  const quote = entries.length ? text[entries[0].range.start - 1] : quoteOfFile(text, list.start);
  if (!QUOTES.has(quote)) return undefined;
  const entry = `${quote}${codeString(value, quote)}${quote}`;
  const last = entries.at(-1);
  if (!last)
    return { file: file.path, range: { start: list.start + 1, end: list.end - 1 }, newText: written.slice(1, -1).includes('\n') ? ` ${entry} ` : entry };
  const afterLast = last.range.end + 1; // after the closing quote
  const multiLine = /\r?\n/.test(text.slice(afterLast, list.end - 1));
  if (!multiLine) return { file: file.path, range: { start: afterLast, end: afterLast }, newText: `, ${entry}` };
  const lineStart = text.lastIndexOf('\n', last.range.start) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const trailingComma = /^[ \t]*,/.exec(text.slice(afterLast, list.end));
  if (trailingComma) {
    const at = afterLast + trailingComma[0].length;
    return { file: file.path, range: { start: at, end: at }, newText: `${eol}${indent}${entry},` };
  }
  // Entries one per line: HCL needs commas between them, Bicep (single quotes) separates them by line breaks.
  const commas = entries.length > 1 ? /,/.test(text.slice(entries[0].range.end, entries[1].range.start)) : quote === '"';
  return { file: file.path, range: { start: afterLast, end: afterLast }, newText: `${commas ? ',' : ''}${eol}${indent}${entry}` };
}

/** The quote the file's strings use (the nearest one before `offset`), for a list with no entry to copy. */
function quoteOfFile(text: string, offset: number): string {
  for (let i = offset; i >= 0; i--) if (text[i] === '"' || text[i] === "'") return text[i];
  return '"';
}

/** Removes a registered entry: from a manifest, a ReplyUrls string or a code list (with its comma, or its line when alone on it). */
export function removeRegisteredRedirect(file: ParsedFile, registration: AppRegistration, entry: RedirectUri): TextEdit | undefined {
  if (registration.manifestSchema) return removeRedirectEdit(file, registration, entry);
  const text = file.text;
  const list =
    Object.values(registration.redirectLists ?? {}).find((r) => r && r.start <= entry.range.start && entry.range.end <= r.end) ??
    enclosingString(text, entry.range);
  if (!list) return undefined;
  if (text[list.start] === '"') {
    // ReplyUrls "a, b, c": the value and the separator after it (or before it, for the last one).
    const after = /^\s*,\s*/.exec(text.slice(entry.range.end, list.end - 1));
    if (after) return { file: file.path, range: { start: entry.range.start, end: entry.range.end + after[0].length }, newText: '' };
    const before = /\s*,\s*$/.exec(text.slice(list.start + 1, entry.range.start));
    const start = before ? entry.range.start - before[0].length : entry.range.start;
    return { file: file.path, range: { start, end: entry.range.end }, newText: '' };
  }
  const open = entry.range.start - 1;
  const close = entry.range.end + 1;
  if (!QUOTES.has(text[open]) || text[close - 1] !== text[open]) return undefined;
  const lineStart = text.lastIndexOf('\n', open) + 1;
  const restOfLine = /^[ \t]*,?[ \t]*(\r?\n)/.exec(text.slice(close));
  if (/^[ \t]*$/.test(text.slice(lineStart, open)) && restOfLine)
    return { file: file.path, range: { start: lineStart, end: close + restOfLine[0].length }, newText: '' };
  const comma = /^\s*,\s*/.exec(text.slice(close));
  if (comma) return { file: file.path, range: { start: open, end: close + comma[0].length }, newText: '' };
  const before = /,\s*$/.exec(text.slice(list.start, open));
  return before ? { file: file.path, range: { start: open - before[0].length, end: close }, newText: '' } : undefined;
}

/** The JSON string around a value that shares it with others (AppCreationScripts' "a, b, c" ReplyUrls), as a range with its quotes. */
function enclosingString(text: string, range: Range): Range | undefined {
  const start = text.lastIndexOf('"', range.start - 1);
  const end = text.indexOf('"', range.end);
  if (start < 0 || end < 0 || /[\r\n]/.test(text.slice(start, end))) return undefined;
  const inner = text.slice(start + 1, end);
  return inner.includes(',') && inner.trim() !== text.slice(range.start, range.end) ? { start, end: end + 1 } : undefined;
}

/** Sets a top-level JSON property (an MSAL Android config's `broker_redirect_uri_registered`), keeping the file's layout. */
export function setJsonProperty(file: ParsedFile, key: string, value: boolean | string): TextEdit | undefined {
  try {
    if (parseTree(file.text)?.type !== 'object') return undefined;
    const next = applyJsonEdits(file.text, modify(file.text, [key], value, { formattingOptions: formattingOf(file.text) }));
    return minimalEdit(file.path, file.text, next);
  } catch {
    return undefined;
  }
}
