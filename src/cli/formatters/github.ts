import { relativeSlash, type Severity } from '../../core';
import type { Formatter } from './types';
import { escapeControl } from '../terminal';

// GitHub Actions workflow commands: each line becomes an annotation on the pull request and in the log.
//   ::warning file=app/manifest.json,line=12,col=7,endLine=12,endColumn=29,title=custom-scheme-redirect::message

const COMMANDS: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/**
 * Escapes a command's message (data): `%`, CR and LF, as the Actions runner decodes them; other control
 * characters are shown as escapes first, so a value from a file cannot drive the log viewer's terminal.
 */
export function escapeData(value: string): string {
  return escapeControl(value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escapes a command property value: as data, plus `:` and `,` which separate properties. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One annotation per problem; hints are left out, as VS Code's Problems panel leaves them out (JSON and SARIF keep them). */
export const formatGithub: Formatter = ({ findings, cwd }) =>
  findings
    .filter((f) => f.severity !== 'hint')
    .map((f) => {
      const properties = [
        `file=${escapeProperty(relativeSlash(cwd, f.file))}`,
        `line=${f.start.line + 1}`,
        `col=${f.start.character + 1}`,
        `endLine=${f.end.line + 1}`,
        `endColumn=${f.end.character + 1}`,
        `title=${escapeProperty(f.ruleId)}`,
      ].join(',');
      return `::${COMMANDS[f.severity]} ${properties}::${escapeData(f.message)}\n`;
    })
    .join('');
