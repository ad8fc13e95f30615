import type { ParsedFile, RedirectUri, TextEdit } from '../model';

// Turning the broker on where a config's code builds its client: MSAL.NET's builder chain gets
// `.WithBroker()` right after the `.WithRedirectUri(…)` call that sends the broker redirect.

const WITH_REDIRECT = /\.WithRedirectUri\(\s*[$@]{0,2}$/;

/** `.WithBroker()` after the WithRedirectUri call holding `uri`; undefined when the call is not written that way or the file already has one. */
export function addWithBroker(file: ParsedFile, uri: RedirectUri): TextEdit | undefined {
  const { text } = file;
  if (/\.WithBroker\s*\(/.test(text)) return undefined;
  const quote = text[uri.range.start - 1];
  if (quote !== '"' || text[uri.range.end] !== '"') return undefined;
  if (!WITH_REDIRECT.test(text.slice(Math.max(0, uri.range.start - 81), uri.range.start - 1))) return undefined;
  const close = /^\s*\)/.exec(text.slice(uri.range.end + 1));
  if (!close) return undefined;
  const at = uri.range.end + 1 + close[0].length;
  return { file: file.path, range: { start: at, end: at }, newText: '.WithBroker()' };
}
