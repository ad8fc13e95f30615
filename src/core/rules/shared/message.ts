// Helpers for the first sentence of a finding: it must fit a Problems row (about 120 characters) and still
// name the value, the code and the fix. The whole value goes into the detail, which the hover shows.

/** Longest value quoted whole in a first sentence. */
const MAX_QUOTED = 32;

/**
 * A value as a message quotes it: whole when short, else its start and end around an ellipsis
 * (`'msal6f1c2d3e-4b5…d3e4f://auth'`), so the scheme and the path both stay readable.
 */
export function quote(value: string, max = MAX_QUOTED): string {
  const text = value.trim();
  // Shortening by a few characters only hides them: a value up to a quarter over the limit stays whole.
  if (text.length <= max * 1.25) return `'${text}'`;
  const tail = Math.min(12, Math.floor(max / 3));
  return `'${text.slice(0, max - tail - 1)}…${text.slice(text.length - tail)}'`;
}

/** `quote` plus the full value for the detail when quoting shortened it. */
export function fullValueNote(value: string, what = 'The value', max = MAX_QUOTED): string {
  return value.trim().length > max * 1.25 ? ` ${what} is '${value.trim()}'.` : '';
}
