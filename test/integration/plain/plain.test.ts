// Issue 14 #3: in a workspace without auth files the extension stays inactive while JSON, JavaScript and
// plain-text files are opened; it wakes only for its own contributions (the Explain command).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, sleep, workspaceRoot } from '../helpers';

describe('a workspace without auth files', () => {
  it('does not activate when JSON, JavaScript, Markdown and plain-text files are opened', async () => {
    for (const file of ['package.json', 'data.json', 'src/index.js', 'notes.txt', 'README.md']) {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspaceRoot(), file))));
    }
    await sleep(2000);
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, false);
  });

  it('wakes for "Explain AADSTS code" and then shows nothing for files that are not auth files', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('entraAuthLint.explainCode', 'AADSTS50199');
    assert.ok(uri, 'the explanation opened');
    const extension = vscode.extensions.getExtension<{ languageStatus(uri: vscode.Uri): unknown }>(EXTENSION_ID)!;
    assert.equal(extension.isActive, true);
    const json = vscode.Uri.file(path.join(workspaceRoot(), 'data.json'));
    assert.equal(extension.exports.languageStatus(json), undefined);
    await sleep(500);
    const ours = vscode.languages.getDiagnostics().flatMap(([, list]) => list.filter((d) => d.source === 'entra-auth-lint'));
    assert.deepEqual(ours, []);
  });
});
