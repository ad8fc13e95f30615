import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, codeOf, diagnosticsOf, open, ours, sleep, SOURCE, waitFor } from '../helpers';

describe('diagnostics', () => {
  before(api);
  afterEach(closeAll);

  it('flags the custom-scheme redirect of a Graph manifest with code, tight range and severity', async () => {
    const { document } = await open('registrations/desktop-app.json');
    const [diagnostic] = await diagnosticsOf(document.uri, 1);
    assert.equal(diagnostic.source, SOURCE);
    assert.equal(codeOf(diagnostic), 'custom-scheme-redirect');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character], [7, 7, 7, 30]);
    assert.equal(document.getText(diagnostic.range), 'fabrikam-desktop://auth');
    assert.match(diagnostic.message, /^Custom scheme 'fabrikam-desktop:\/\/auth' shows the AADSTS50199 prompt in a system browser; use http:\/\/localhost\.$/);
    assert.ok(diagnostic.message.length <= 120, `a short first sentence (${diagnostic.message.length} characters)`);
    assert.match(diagnostic.message, /AADSTS50199/);
  });

  it('links the code to the rule page shipped with the extension, opened rendered', async () => {
    const { document } = await open('registrations/desktop-app.json');
    const [diagnostic] = await diagnosticsOf(document.uri, 1);
    assert.ok(typeof diagnostic.code === 'object');
    const target = diagnostic.code.target;
    assert.equal(target.toString(), 'entra-auth-lint-rule:/custom-scheme-redirect.entra-rule', 'the bundled page, offline');
  });

  it('reports a syntax error as an error with its position', async () => {
    const { document } = await open('broken/broken-manifest.json');
    const list = await waitFor(() => {
      const found = ours(document.uri, 'parse-error');
      return found.length ? found : undefined;
    }, 'a parse-error diagnostic');
    assert.equal(list[0].severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual([list[0].range.start.line, list[0].range.start.character], [5, 2], 'the error is where the comma is missing');
    assert.match(list[0].message, /comma expected/);
  });

  it('re-checks while typing: fixing the value clears the warning', async () => {
    const { document, editor } = await open('registrations/edit-me.json');
    const [diagnostic] = await diagnosticsOf(document.uri, 1);
    await editor.edit((b) => b.replace(diagnostic.range, 'http://localhost:5000'));
    await diagnosticsOf(document.uri, 0);
    await editor.edit((b) =>
      b.replace(new vscode.Range(diagnostic.range.start, diagnostic.range.start.translate(0, 'http://localhost:5000'.length)), 'edit-me://callback'),
    );
    await diagnosticsOf(document.uri, 1);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('drops stale runs: after a burst of edits only the final text counts', async () => {
    const { document, editor } = await open('registrations/edit-me.json');
    const [diagnostic] = await diagnosticsOf(document.uri, 1);
    const start = diagnostic.range.start;
    let current = 'edit-me://callback';
    for (const next of ['a1://x', 'https://ok.example.org', 'b2://y', 'final-scheme://done']) {
      await editor.edit((b) => b.replace(new vscode.Range(start, start.translate(0, current.length)), next));
      current = next;
      await sleep(10); // well inside the debounce, so intermediate texts are never linted
    }
    const [last] = await diagnosticsOf(document.uri, 1);
    await waitFor(() => ours(document.uri)[0]?.message.includes('final-scheme://done'), 'the diagnostic of the final text');
    assert.equal(document.getText(ours(document.uri)[0].range), 'final-scheme://done');
    assert.ok(last);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('lints an untitled document by its language and content', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'json',
      content:
        '{\n  "appId": "3d2c1b0a-1111-4222-8333-944455556666",\n  "signInAudience": "AzureADMyOrg",\n  "publicClient": { "redirectUris": ["untitled-app://auth"] }\n}\n',
    });
    await vscode.window.showTextDocument(document);
    const [diagnostic] = await diagnosticsOf(document.uri, 1);
    assert.equal(document.getText(diagnostic.range), 'untitled-app://auth');
    assert.equal(diagnostic.range.start.line, 3);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('leaves an unrelated untitled document alone', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'myapp://auth is just text here\n' });
    await vscode.window.showTextDocument(document);
    await sleep(400);
    assert.equal(ours(document.uri, null).length, 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
