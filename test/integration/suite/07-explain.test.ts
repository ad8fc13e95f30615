import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, open } from '../helpers';
import type { Api } from '../helpers';

async function explanation(uri: vscode.Uri | undefined): Promise<string> {
  assert.ok(uri, 'the command returned the explanation URI');
  assert.equal(uri.scheme, 'entra-auth-lint-explain');
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

describe('Explain AADSTS code', () => {
  before(api);
  afterEach(closeAll);

  it('explains a code given as an argument, as read-only Markdown', async () => {
    const text = await explanation(await vscode.commands.executeCommand<vscode.Uri>('entraAuthLint.explainCode', 'AADSTS50199'));
    assert.match(text, /^# AADSTS50199 CmsiInterrupt/);
    assert.match(text, /## What to do/);
    assert.match(text, /custom-scheme-redirect/);
  });

  it('explains the code under the cursor', async () => {
    const { document, editor } = await open('logs/signin-failure.log');
    const at = document.positionAt(document.getText().indexOf('700016') + 3);
    editor.selection = new vscode.Selection(at, at);
    const text = await explanation(await vscode.commands.executeCommand<vscode.Uri>('entraAuthLint.explainCode'));
    assert.match(text, /^# AADSTS700016/);
  });

  it('explains a whole pasted error message, keeping its trace id', async () => {
    const message =
      'AADSTS50011: The redirect URI specified in the request does not match. Trace ID: 7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910 Correlation ID: 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
    const text = await explanation(await vscode.commands.executeCommand<vscode.Uri>('entraAuthLint.explainCode', message));
    assert.match(text, /AADSTS50011/);
    assert.match(text, /7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910/);
  });

  it('explains the codes in a selection', async () => {
    const { document, editor } = await open('logs/signin-failure.log');
    const line = document.lineAt(1);
    editor.selection = new vscode.Selection(line.range.start, line.range.end);
    const text = await explanation(await vscode.commands.executeCommand<vscode.Uri>('entraAuthLint.explainCode'));
    assert.match(text, /AADSTS50199/);
  });

  describe('the QuickPick', () => {
    let extensionApi: Api;
    before(async () => (extensionApi = await api()));

    it('finds a code by number prefix, by symbolic name and by words of its meaning', () => {
      assert.equal(extensionApi.explainPickItems('50199')[0].label, 'AADSTS50199');
      const byName = extensionApi.explainPickItems('CmsiInterrupt');
      assert.equal(byName[0].label, 'AADSTS50199');
      assert.equal(byName[0].description, 'CmsiInterrupt');
      assert.ok(extensionApi.explainPickItems('redirect uri mismatch').length > 0);
    });

    it('offers to explain a whole pasted message first', () => {
      const message = 'Error: AADSTS700016: Application with identifier x was not found in the directory. Trace ID: 7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910';
      const [first] = extensionApi.explainPickItems(message);
      assert.equal(first.label, '$(search) Explain the pasted message');
      assert.equal(first.description, 'AADSTS700016');
      assert.equal(first.input, message);
    });
  });
});
