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
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  const count = (s: Finding['severity']) => counts[s];
  const summary = `${findings.length} problem${findings.length === 1 ? '' : 's'} (${count('error')} errors, ${count('warning')} warnings, ${count('information')} information, ${count('hint')} hints) in ${files.length} file${files.length === 1 ? '' : 's'} checked`;
  lines.push(findings.length ? paint(count('error') ? 'red' : 'yellow', summary) : paint('green', summary));
  return lines.join('\n') + '\n';
};
