import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, waitFor } from '../helpers';

describe('status bar', () => {
  it('shows the number of auth problems listed in the Problems panel (hints are not listed there)', async () => {
    const extensionApi = await api();
    const total = () =>
      vscode.languages
        .getDiagnostics()
        .reduce((n, [, list]) => n + list.filter((d) => d.source === 'entra-auth-lint' && d.severity !== vscode.DiagnosticSeverity.Hint).length, 0);
    await waitFor(() => total() > 0, 'some problems');
    await waitFor(
      () => extensionApi.statusBarText() === `$(shield) Auth: ${total()}` || undefined,
      `status text "$(shield) Auth: ${total()}" (is "${extensionApi.statusBarText()}")`,
    );
    assert.ok(total() >= 3);
  });

  it('opens the Problems panel when clicked (its command exists and runs)', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('workbench.actions.view.problems'));
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  });
});
