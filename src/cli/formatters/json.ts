import { relativeSlash } from '../../core';
import type { Formatter } from './types';

/** The JSON contract other tools rely on; keep field names and meanings exactly. */
export const formatJson: Formatter = ({ files, findings, cwd }) => {
  const out = {
    files,
    findings: findings.map((f) => ({
      file: relativeSlash(cwd, f.file),
      line: f.start.line + 1,
      column: f.start.character + 1,
      endLine: f.end.line + 1,
      endColumn: f.end.character + 1,
      ruleId: f.ruleId,
      severity: f.severity,
      codes: f.codes,
      message: f.message,
      ...(f.related.length
        ? { related: f.related.map((r) => ({ file: relativeSlash(cwd, r.file), line: r.start.line + 1, column: r.start.character + 1, message: r.message })) }
        : {}),
    })),
  };
  return JSON.stringify(out, null, 2) + '\n';
};
