// Output hygiene: file names and values read from files reach the terminal. Control characters in them
// (ESC sequences that retitle the window or clear the screen, a CR that overwrites a line, C1 controls,
// bidirectional overrides that reorder what is shown) are printed escaped, as \x1b or \u202e.

// C0 controls but tab and line feed, DEL, C1 controls, and the bidi embeddings/overrides/isolates and marks.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// With `keepLineEnds`, a CR that ends a line (CRLF) is kept: only a lone CR can overwrite what was printed.
const CONTROL_KEEP_CRLF = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

function escapeOne(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with control characters shown as escapes; newlines (and with `keepLineEnds`, CRLF) kept. */
export function escapeControl(text: string, keepLineEnds = false): string {
  return text.replace(keepLineEnds ? CONTROL_KEEP_CRLF : CONTROL, escapeOne);
}

/** One line for a terminal: every control character escaped, newlines too. */
export function escapeLine(text: string): string {
  return escapeControl(text).replace(/\n/g, '\\n');
}
