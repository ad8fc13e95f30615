import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, hoverText, open } from '../helpers';

async function hoverAt(document: vscode.TextDocument, needle: string, delta = 2): Promise<{ text: string; hovers: vscode.Hover[] }> {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} is in the fixture`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset + delta));
  return { text: hoverText(hovers ?? []), hovers: hovers ?? [] };
}

describe('AADSTS hover', () => {
  before(api);
  afterEach(closeAll);

  it('explains AADSTS50199 in a log file: name, remedy, preventing rule, live link and command link', async () => {
    const { document } = await open('logs/signin-failure.log');
    const { text, hovers } = await hoverAt(document, 'AADSTS50199', 8);
    assert.match(text, /\*\*AADSTS50199\*\*/);
    assert.match(text, /CmsiInterrupt/);
    assert.match(text, /What to do/);
    assert.match(text, /custom-scheme-redirect/);
    assert.match(text, /https:\/\/login\.microsoftonline\.com\/error\?code=50199/);
    assert.match(text, /command:entraAuthLint\.explainCode\?/);
    assert.match(text, /0d3e1f2a-6b7c-4d8e-9f0a-1b2c3d4e5f60/, 'the trace id next to the code is shown');
    const ourHover = hovers.find((h) => hoverText([h]).includes('AADSTS50199'))!;
    assert.equal(document.getText(ourHover.range), 'AADSTS50199');
  });

  it('recognises a number inside "error_codes"', async () => {
    const { document } = await open('logs/signin-failure.log');
    const { text, hovers } = await hoverAt(document, '700016', 2);
    assert.match(text, /AADSTS700016/);
    const ourHover = hovers.find((h) => hoverText([h]).includes('AADSTS700016'))!;
    assert.equal(document.getText(ourHover.range), '700016');
  });

  it('explains an MSAL error code', async () => {
    const { document } = await open('logs/signin-failure.log');
    const { text } = await hoverAt(document, 'interaction_required', 4);
    assert.match(text, /interaction_required/);
  });

  it('stays quiet on ordinary words', async () => {
    const { document } = await open('logs/signin-failure.log');
    const { text } = await hoverAt(document, 'nothing to see', 3);
    assert.doesNotMatch(text, /AADSTS|interaction_required/);
  });

  it('works in untitled plain text', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'login failed: AADSTS700016 application not found\n' });
    await vscode.window.showTextDocument(document);
    const { text } = await hoverAt(document, 'AADSTS700016', 9);
    assert.match(text, /AADSTS700016/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
