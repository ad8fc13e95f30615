// Issue 14 #9: "Explain AADSTS code" with a code the catalogue does not hold still answers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, type Api } from '../helpers';

describe('Explain AADSTS code: unknown codes', () => {
  let extensionApi: Api;
  before(async () => (extensionApi = await api()));
  afterEach(closeAll);

  it('offers an item for a code the catalogue does not hold, so Enter does something', () => {
    const items = extensionApi.explainPickItems('AADSTS99999');
    assert.ok(items.length > 0, 'not an empty list');
    assert.match(items[0].label, /AADSTS99999/);
    assert.equal(items[0].input, 'AADSTS99999');
    const bare = extensionApi.explainPickItems('999991');
    assert.ok(
      bare.some((i) => i.input === 'AADSTS999991'),
      'a bare number is read as an AADSTS code',
    );
  });

  it('says what it knows about a text that is no code, instead of an empty list', () => {
    const items = extensionApi.explainPickItems('zzqx nothing like it');
    assert.equal(items.length, 1);
    assert.match(items[0].label, /No code/i);
  });

  it('explains an unknown code: not in the catalogue, with the official lookup', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('entraAuthLint.explainCode', 'AADSTS99999');
    assert.ok(uri, 'an explanation opened');
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.match(text, /AADSTS99999/);
    assert.match(text, /not in the catalogue/);
    assert.match(text, /login\.microsoftonline\.com\/error\?code=99999/);
  });
});
