import type { Finding, Range } from '../model';
import type { CommentSyntax } from '../formats/types';
import type { LineIndex } from '../io/text';

// Inline suppression, honoured by the CLI and the extension alike:
//   <comment> entra-auth-lint-disable-next-line [rule-id[, rule-id]] [-- reason]
//   <comment> entra-auth-lint-disable-line [rule-id ...]
// With no rule ids, every rule is suppressed on that line.

export const DIRECTIVE = 'entra-auth-lint-disable';
const PATTERN = /entra-auth-lint-disable-(next-line|line)\b([^\n\r]*)/g;

interface LineSuppression {
  rules: Set<string> | 'all';
}

/**
 * The lines suppressed by directives. A directive counts only inside a comment of the file: in `comments`
 * (the reader's comment ranges) when known, else after the format's comment opener on its line; never in a
 * string value, where anyone who can set a value (a JSON string, a `.env` value) could silence real errors.
 * A format without comments (`syntax` undefined: strict JSON) has no directives.
 */
export function inlineSuppressions(text: string, lines: LineIndex, comments?: readonly Range[], syntax?: CommentSyntax): Map<number, LineSuppression> {
  const result = new Map<number, LineSuppression>();
  if (!syntax || !text.includes(DIRECTIVE)) return result;
  const openers = [syntax.line, syntax.block?.[0]].filter((o): o is string => !!o);
  for (const match of text.matchAll(PATTERN)) {
    const at = match.index ?? 0;
    const position = lines.positionAt(at);
    if (comments?.length ? !insideAny(comments, at) : !openers.some((o) => lines.lineText(position.line).slice(0, position.character).trimEnd().endsWith(o)))
      continue;
    const line = position.line + (match[1] === 'next-line' ? 1 : 0);
    const list = match[2].split('--')[0].replace(/-->|\*\/|#>/g, '');
    const ids = list.split(/[\s,]+/).filter((s) => /^[a-z][a-z0-9-]*$/.test(s));
    const previous = result.get(line);
    if (ids.length === 0 || previous?.rules === 'all') result.set(line, { rules: 'all' });
    else result.set(line, { rules: new Set([...(previous?.rules ?? []), ...ids]) });
  }
  return result;
}

/** Whether `offset` lies in one of the (sorted) ranges. */
function insideAny(ranges: readonly Range[], offset: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (ranges[mid].end <= offset) low = mid + 1;
    else if (ranges[mid].start > offset) high = mid - 1;
    else return true;
  }
  return false;
}

export function isSuppressedInline(finding: Pick<Finding, 'ruleId' | 'start'>, table: Map<number, LineSuppression>): boolean {
  const entry = table.get(finding.start.line);
  return !!entry && (entry.rules === 'all' || entry.rules.has(finding.ruleId));
}

/** How a suppression directive is written as a comment of `syntax` (line comments preferred). */
export function directiveComment(syntax: CommentSyntax): { open: string; close: string } {
  if (syntax.line) return { open: `${syntax.line} `, close: '' };
  const [open, close] = syntax.block ?? ['', ''];
  return { open: `${open} `, close: ` ${close}` };
}
