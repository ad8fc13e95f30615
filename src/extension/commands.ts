import * as vscode from 'vscode';
import type { AuthCodeActionProvider } from './code-actions';
import { SHOW_DOCS_COMMAND, showRuleDocs } from './docs-view';
import { EXPLAIN_COMMAND, explainCommand, type ExplanationProvider } from './explain';
import type { LintService, ScanResult } from './lint-service';
import { log } from './log';
import { REVEAL_REASON_COMMAND, revealSuppressionReason } from './suppress-actions';

export const SCAN_COMMAND = 'entraAuthLint.scanWorkspace';
export const FIX_ALL_COMMAND = 'entraAuthLint.fixAllInFile';

/** Runs the workspace scan with a cancellable progress notification. */
export function scanWithProgress(service: LintService, location = vscode.ProgressLocation.Notification): Thenable<ScanResult> {
  return vscode.window.withProgress(
    { location, title: 'Entra Auth Lint: scanning the workspace', cancellable: location === vscode.ProgressLocation.Notification },
    (progress, token) => service.scanWorkspace(progress, token),
  );
}

export function registerCommands(service: LintService, actions: AuthCodeActionProvider, explanations: ExplanationProvider): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(SCAN_COMMAND, () => scanWithProgress(service)),
    vscode.commands.registerCommand(EXPLAIN_COMMAND, (code?: unknown) => explainCommand(explanations, code)),
    vscode.commands.registerCommand(SHOW_DOCS_COMMAND, (ruleId: unknown) => (typeof ruleId === 'string' ? showRuleDocs(ruleId) : undefined)),
    vscode.commands.registerCommand(REVEAL_REASON_COMMAND, (uri: unknown, text: unknown) =>
      uri instanceof vscode.Uri && typeof text === 'string' ? revealSuppressionReason(uri, text) : undefined,
    ),
    vscode.commands.registerCommand(FIX_ALL_COMMAND, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      await service.lintDocument(editor.document); // fix what is on screen now, not a debounced older text
      const edit = actions.fixAllEdit(editor.document);
      if (!edit) {
        void vscode.window.showInformationMessage('Entra Auth Lint: nothing in this file can be fixed automatically.');
        return false;
      }
      return vscode.workspace.applyEdit(edit);
    }),
    vscode.commands.registerCommand('entraAuthLint.showOutput', () => log().show(true)),
  ];
}
