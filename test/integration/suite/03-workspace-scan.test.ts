import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ScanResult } from '../../../src/extension/lint-service';
import { api, codeOf, diagnosticsOf, fixtureUri, ours, workspaceRoot } from '../helpers';

describe('workspace scan', () => {
  before(api);

  it('reports problems in files that were never opened', async () => {
    const uri = fixtureUri('legacy/closed-aad-manifest.json');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the file must stay closed');
    const [diagnostic] = await diagnosticsOf(uri, 1);
    assert.equal(codeOf(diagnostic), 'custom-scheme-redirect');
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.character], [5, 14, 33]);
  });

  it('"Scan workspace" reads the candidates and skips default-excluded folders and files.exclude', async () => {
    const result = await vscode.commands.executeCommand<ScanResult>('entraAuthLint.scanWorkspace');
    assert.ok(result && !result.cancelled);
    assert.ok(result.files >= 6, `scanned ${result.files} files`);
    assert.equal(ours(fixtureUri('vendor/some-sdk/app-manifest.json'), null).length, 0, 'vendor/ is excluded by default');
    assert.equal(ours(fixtureUri('generated/excluded-by-files-exclude.json'), null).length, 0, 'files.exclude is respected');
  });

  it('the file watcher keeps closed files current: create, change, delete', async () => {
    const file = path.join(workspaceRoot(), 'scratch', 'new-registration.json');
    const uri = vscode.Uri.file(file);
    const manifest = (uriValue: string) =>
      JSON.stringify({ appId: '8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d', signInAudience: 'AzureADMyOrg', publicClient: { redirectUris: [uriValue] } }, null, 2);
    fs.writeFileSync(file, manifest('watched-app://auth'));
    const [created] = await diagnosticsOf(uri, 1, 15000);
    assert.match(created.message, /watched-app:\/\/auth/);
    fs.writeFileSync(file, manifest('http://localhost:8400'));
    await diagnosticsOf(uri, 0, 15000);
    fs.writeFileSync(file, manifest('watched-again://auth'));
    await diagnosticsOf(uri, 1, 15000);
    fs.unlinkSync(file);
    await diagnosticsOf(uri, 0, 15000);
  });
});
