import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ScanResult } from '../../../src/extension/lint-service';
import { api, diagnosticsOf } from '../helpers';

function inFolder(name: string, relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(folder, `workspace folder ${name} is open`);
  return vscode.Uri.file(path.join(folder.uri.fsPath, relative));
}

describe('multi-root workspace', () => {
  before(api);

  it('opens both folders', () => {
    assert.deepEqual(
      vscode.workspace.workspaceFolders?.map((f) => f.name),
      ['app-one', 'app-two'],
    );
  });

  it('scans every folder, closed files included', async () => {
    const result = await vscode.commands.executeCommand<ScanResult>('entraAuthLint.scanWorkspace');
    assert.equal(result.files, 2);
    await diagnosticsOf(inFolder('app-one', 'registration.json'), 2);
    await diagnosticsOf(inFolder('app-two', 'registration.json'), 1);
  });

  it('applies a folder setting (allowedSchemes) only to its own folder', async () => {
    const [two] = await diagnosticsOf(inFolder('app-two', 'registration.json'), 1);
    assert.match(two.message, /'one-scheme:\/\/auth'/);
    const one = await diagnosticsOf(inFolder('app-one', 'registration.json'), 2);
    assert.ok(one.some((d) => d.message.includes("'two-scheme://auth'")));
  });

  it("applies each folder's .entra-auth-lint.json only to that folder", async () => {
    const one = await diagnosticsOf(inFolder('app-one', 'registration.json'), 2);
    assert.deepEqual(
      one.map((d) => d.severity),
      [vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Error],
    );
    const [two] = await diagnosticsOf(inFolder('app-two', 'registration.json'), 1);
    assert.equal(two.severity, vscode.DiagnosticSeverity.Warning);
  });
});
