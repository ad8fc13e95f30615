import * as vscode from 'vscode';
import type { Finding, Severity } from '../core';
import { docsTarget } from './docs-link';

export const SOURCE = 'entra-auth-lint';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toRange(finding: Pick<Finding, 'start' | 'end'>): vscode.Range {
  return new vscode.Range(finding.start.line, finding.start.character, finding.end.line, finding.end.character);
}

/** One engine finding as a VS Code diagnostic; `uriOf` maps engine paths back to document URIs. */
export function toDiagnostic(finding: Finding, uriOf: (path: string) => vscode.Uri): vscode.Diagnostic {
  const unnamed = finding.codes.filter((code) => !finding.message.includes(code));
  const codes = unnamed.length ? ` [${unnamed.join(', ')}]` : '';
  const diagnostic = new vscode.Diagnostic(toRange(finding), finding.message + codes, SEVERITY[finding.severity]);
  diagnostic.source = SOURCE;
  diagnostic.code = { value: finding.ruleId, target: docsTarget(finding.ruleId) };
  if (finding.related.length) {
    diagnostic.relatedInformation = finding.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uriOf(r.file), toRange(r)), r.message),
    );
  }
  return diagnostic;
}

/** Whether a diagnostic (as handed back in a code action context) is the one made from `finding`. */
export function sameFinding(diagnostic: vscode.Diagnostic, finding: Finding): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return (
    diagnostic.source === SOURCE && code === finding.ruleId && diagnostic.range.isEqual(toRange(finding)) && diagnostic.message.startsWith(finding.message)
  );
}
