import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ScanResult } from '../../../src/extension/lint-service';
import { api, diagnosticsOf, waitFor } from '../helpers';

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
    assert.equal(result.files, 3); // two registrations and app-one's config
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

describe('multi-root workspace: one workspace, linked across its folders', () => {
  before(api);

  it('links a config in one folder to the registration in another, as the CLI does for their parent folder', async () => {
    const config = inFolder('app-one', 'src/authConfig.ts');
    const [diagnostic] = await diagnosticsOf(config, 1, 15000, 'unregistered-redirect');
    assert.match(diagnostic.message, /'http:\/\/localhost:5173\/cross-folder' is not registered/);
    const related = diagnostic.relatedInformation ?? [];
    assert.ok(
      related.some((r) => r.location.uri.toString() === inFolder('app-two', 'registration.json').toString()),
      'the evidence is in the other folder',
    );
  });

  it('says which file the config is linked with in its language status', async () => {
    const extensionApi = await api();
    const document = await vscode.workspace.openTextDocument(inFolder('app-one', 'src/authConfig.ts'));
    await vscode.window.showTextDocument(document);
    const status = await waitFor(() => extensionApi.languageStatus(document.uri), 'the language status');
    assert.match(status.detail, /app-two\/registration\.json/);
  });
});
