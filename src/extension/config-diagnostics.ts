import * as vscode from 'vscode';
import type { ConfigError } from '../core';
import { SOURCE } from './diagnostics';
import { engine } from './engine';

/** Problems in `.entra-auth-lint.json` shown on the file itself, so a typo never silently changes a rule. */
export function configErrorDiagnostics(errors: ConfigError[], text: string): vscode.Diagnostic[] {
  const lines = new (engine().LineIndex)(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return errors.map((error) => {
    const end = lines.positionAt(error.range.end);
    const range = new vscode.Range(error.start.line, error.start.character, end.line, end.character);
    const diagnostic = new vscode.Diagnostic(range, error.key ? `${error.key}: ${error.message}` : error.message, vscode.DiagnosticSeverity.Error);
    diagnostic.source = SOURCE;
    diagnostic.code = 'config';
    return diagnostic;
  });
}
