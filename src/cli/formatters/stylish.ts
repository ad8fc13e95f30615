import { styleText } from 'node:util';
import { relativeSlash, type Finding } from '../../core';
import type { Formatter } from './types';
import { escapeLine } from '../terminal';

const COLORS: Record<Finding['severity'], Parameters<typeof styleText>[0]> = {
  error: 'red',
  warning: 'yellow',
  information: 'blue',
  hint: 'gray',
};

/** Human output grouped by file, like ESLint's stylish formatter. */
export const formatStylish: Formatter = ({ findings, cwd, color, files }) => {
  // The CLI decides about color (--color, --no-color, NO_COLOR, a terminal); styleText must not decide again.
  const paint = (style: Parameters<typeof styleText>[0], text: string) => (color ? styleText(style, text, { validateStream: false }) : text);
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    lines.push(paint('underline', escapeLine(relativeSlash(cwd, file))));
    for (const f of list) {
      const where = `${f.start.line + 1}:${f.start.character + 1}`.padEnd(8);
      const codes = f.codes.length ? ` [${f.codes.join(', ')}]` : '';
      lines.push(`  ${where} ${paint(COLORS[f.severity], f.severity.padEnd(11))} ${escapeLine(f.message)}${codes}  ${paint('gray', f.ruleId)}`);
      for (const r of f.related)
        lines.push(
          `  ${''.padEnd(8)} ${''.padEnd(11)} ${paint('gray', `↳ ${escapeLine(relativeSlash(cwd, r.file))}:${r.start.line + 1}:${r.start.character + 1} ${escapeLine(r.message)}`)}`,
        );
    }
    lines.push('');
  }
  lines.push(summaryLine(findings, files.length, paint));
  return lines.join('\n') + '\n';
};

/**
 * "3 problems (1 error, 2 warnings, 0 information) and 2 hints in 4 files checked". Problems are what VS Code's
 * Problems panel lists (errors, warnings, information); it does not list hints, so they are counted apart.
 */
export function summaryLine(
  findings: readonly Finding[],
  fileCount: number,
  paint: (style: Parameters<typeof styleText>[0], text: string) => string = (_, t) => t,
): string {
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  const problems = counts.error + counts.warning + counts.information;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const hints = counts.hint ? ` and ${plural(counts.hint, 'hint')}` : '';
  const summary = `${plural(problems, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} information)${hints} in ${plural(fileCount, 'file')} checked`;
  return paint(counts.error ? 'red' : problems ? 'yellow' : 'green', summary);
}
