import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, codeOf, diagnosticsOf, hoverText, open, SOURCE } from '../helpers';

// A Flutter file: VS Code has no Dart language without an extension, so the document is plain text and
// the engine reads it by its name and content (a .dart file that signs in with flutter_appauth).
describe('Dart (Flutter)', () => {
  before(api);
  afterEach(closeAll);

  it('squiggles the custom-scheme redirect of a flutter_appauth request, interpolation resolved', async () => {
    const { document } = await open('flutter/lib/sign_in.dart');
    const [diagnostic] = await diagnosticsOf(document.uri, 1);
    assert.equal(diagnostic.source, SOURCE);
    assert.equal(codeOf(diagnostic), 'custom-scheme-redirect');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(document.getText(diagnostic.range), '$scheme://oauthredirect');
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character], [11, 9]);
    assert.match(diagnostic.message, /^Custom scheme '.*' shows the AADSTS50199 prompt/);
  });

  it('explains the finding on hover: the redirect and the user agent flutter_appauth signs in with', async () => {
    const { document } = await open('flutter/lib/sign_in.dart');
    const [diagnostic] = await diagnosticsOf(document.uri, 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, diagnostic.range.start.translate(0, 3));
    const text = hoverText(hovers ?? []);
    assert.match(text, /flutter\\?_appauth/, 'the user agent, from the library facts');
    assert.match(text, /custom-scheme-redirect/);
  });

  it('explains the AADSTS code named in a Dart comment on hover', async () => {
    const { document } = await open('flutter/lib/sign_in.dart');
    const offset = document.getText().indexOf('AADSTS50199');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset + 6));
    const text = hoverText(hovers ?? []);
    assert.match(text, /\*\*AADSTS50199\*\*/);
    assert.match(text, /custom-scheme-redirect/);
  });
});
