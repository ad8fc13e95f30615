import * as vscode from 'vscode';
import type { Position, Severity } from '../core';
import type { ConfigResult, WireFinding } from './engine/protocol';
import { rulePageUri } from './docs-view';

export const SOURCE = 'entra-auth-lint';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toRange(span: { start: Position; end: Position }): vscode.Range {
  return new vscode.Range(span.start.line, span.start.character, span.end.line, span.end.character);
}

/**
 * One engine finding as a VS Code diagnostic; `uriOf` maps engine paths back to document URIs. The code
 * links to the rule's page, rendered inside the editor from the page bundled with the extension.
 */
export function toDiagnostic(finding: WireFinding, uriOf: (path: string) => vscode.Uri): vscode.Diagnostic {
  const unnamed = finding.codes.filter((code) => !finding.message.includes(code));
  const codes = unnamed.length ? ` [${unnamed.join(', ')}]` : '';
  const diagnostic = new vscode.Diagnostic(toRange(finding), finding.message + codes, SEVERITY[finding.severity]);
  diagnostic.source = SOURCE;
  diagnostic.code = { value: finding.ruleId, target: rulePageUri(finding.ruleId) };
  if (finding.related.length) {
    diagnostic.relatedInformation = finding.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uriOf(r.file), toRange(r)), r.message),
    );
  }
  return diagnostic;
}

/** Problems of `.entra-auth-lint.json` on the file itself, so a typo never silently changes a rule. */
export function configProblemDiagnostics(problems: ConfigResult['problems']): vscode.Diagnostic[] {
  return problems.map((problem) => {
    const diagnostic = new vscode.Diagnostic(toRange(problem), problem.message, vscode.DiagnosticSeverity.Error);
    diagnostic.source = SOURCE;
    diagnostic.code = 'config';
    return diagnostic;
  });
}

/** Whether a diagnostic (as handed back in a code action context) is the one made from `finding`. */
export function sameFinding(diagnostic: vscode.Diagnostic, finding: WireFinding): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return (
    diagnostic.source === SOURCE && code === finding.ruleId && diagnostic.range.isEqual(toRange(finding)) && diagnostic.message.startsWith(finding.message)
  );
}
