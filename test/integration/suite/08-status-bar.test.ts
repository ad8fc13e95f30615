// Issue 14 #12: one count everywhere. The scan (what the log reports) counts what the Problems panel lists
// (errors, warnings, information) and the hints apart; the language status counts the file's own.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, diagnosticsOf, open, SOURCE, waitFor } from '../helpers';

describe('counts', () => {
  before(api);
  afterEach(closeAll);

  it('the scan counts problems as the Problems panel lists them, hints apart', async () => {
    const result = await vscode.commands.executeCommand<{ problems: number; hints: number }>('entraAuthLint.scanWorkspace');
    const ours = vscode.languages.getDiagnostics().flatMap(([, list]) => list.filter((d) => d.source === SOURCE));
    const hints = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Hint).length;
    assert.ok(ours.length - hints >= 3);
    assert.deepEqual({ problems: result.problems, hints: result.hints }, { problems: ours.length - hints, hints });
  });

  it('the language status of a file counts its own diagnostics', async () => {
    const extensionApi = await api();
    const { document } = await open('fixes/duplicates.json');
    await diagnosticsOf(document.uri, 2, 10000, 'duplicate-redirect');
    const status = await waitFor(() => extensionApi.languageStatus(document.uri), 'the language status');
    assert.match(status.detail, /2 warnings/);
  });
});
