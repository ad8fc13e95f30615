import type { IosPlistInfo, Located, ParsedFile, TextEdit } from '../model';
import { detectEol } from '../io/text';

// Edits of an XML Info.plist for the iOS broker setup: LSApplicationQueriesSchemes entries (added to the
// array, or the key and array added to the root dictionary), and removing a URL scheme's <string> line.

const CLOSE_STRING = '</string>';

/** The indentation unit of the file: a tab when its lines start with tabs, else two spaces. */
function unitOf(text: string): string {
  return /\n\t/.test(text) ? '\t' : '  ';
}

function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** Adds the missing `schemes` to LSApplicationQueriesSchemes; undefined when nothing is missing or no safe place is found. */
export function addQueriesSchemes(file: ParsedFile, ios: IosPlistInfo, schemes: string[]): TextEdit | undefined {
  const present = new Set(ios.queriesSchemes.map((s) => s.value.trim().toLowerCase()));
  const missing = schemes.filter((s) => !present.has(s.toLowerCase()));
  if (!missing.length) return undefined;
  const { text } = file;
  const eol = detectEol(text);
  const last = ios.queriesSchemes.at(-1);
  if (last) {
    const at = last.range.end + CLOSE_STRING.length;
    if (text.slice(last.range.end, at) !== CLOSE_STRING) return undefined;
    const indent = indentAt(text, last.range.start);
    return { file: file.path, range: { start: at, end: at }, newText: missing.map((s) => `${eol}${indent}<string>${s}</string>`).join('') };
  }
  if (/<key>\s*LSApplicationQueriesSchemes\s*<\/key>/.test(text)) return undefined; // present but empty or odd: left to the person
  // The root dictionary closes with the last </dict> before </plist>.
  const plistEnd = text.lastIndexOf('</plist>');
  const rootClose = text.lastIndexOf('</dict>', plistEnd < 0 ? text.length : plistEnd);
  if (rootClose < 0) return undefined;
  const unit = unitOf(text);
  const closeIndent = indentAt(text, rootClose);
  const keyIndent = closeIndent + unit;
  const lineStart = text.lastIndexOf('\n', rootClose - 1) + 1;
  const onOwnLine = /^[ \t]*$/.test(text.slice(lineStart, rootClose));
  const block = [
    `${keyIndent}<key>LSApplicationQueriesSchemes</key>`,
    `${keyIndent}<array>`,
    ...missing.map((s) => `${keyIndent}${unit}<string>${s}</string>`),
    `${keyIndent}</array>`,
  ].join(eol);
  return onOwnLine
    ? { file: file.path, range: { start: lineStart, end: lineStart }, newText: `${block}${eol}` }
    : { file: file.path, range: { start: rootClose, end: rootClose }, newText: `${eol}${block}${eol}${closeIndent}` };
}

/** Removes the line of a `<string>` array entry (a URL scheme made redundant by another). */
export function removePlistString(file: ParsedFile, entry: Located<string>): TextEdit | undefined {
  const { text } = file;
  const open = entry.range.start - '<string>'.length;
  const close = entry.range.end + CLOSE_STRING.length;
  if (text.slice(open, entry.range.start) !== '<string>' || text.slice(entry.range.end, close) !== CLOSE_STRING) return undefined;
  const lineStart = text.lastIndexOf('\n', open - 1) + 1;
  const lineBreak = /^[ \t]*(\r?\n)/.exec(text.slice(close));
  if (!/^[ \t]*$/.test(text.slice(lineStart, open)) || !lineBreak) return { file: file.path, range: { start: open, end: close }, newText: '' };
  return { file: file.path, range: { start: lineStart, end: close + lineBreak[0].length }, newText: '' };
}
