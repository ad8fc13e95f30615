import type { Finding } from '../model';
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

export function inlineSuppressions(text: string, lines: LineIndex): Map<number, LineSuppression> {
  const result = new Map<number, LineSuppression>();
  if (!text.includes(DIRECTIVE)) return result;
  for (const match of text.matchAll(PATTERN)) {
    const line = lines.positionAt(match.index ?? 0).line + (match[1] === 'next-line' ? 1 : 0);
    const list = match[2].split('--')[0].replace(/-->|\*\/|#>/g, '');
    const ids = list.split(/[\s,]+/).filter((s) => /^[a-z][a-z0-9-]*$/.test(s));
    const previous = result.get(line);
    if (ids.length === 0 || previous?.rules === 'all') result.set(line, { rules: 'all' });
    else result.set(line, { rules: new Set([...(previous?.rules ?? []), ...ids]) });
  }
  return result;
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
