import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, codeOf, diagnosticsOf, hoverText, open } from '../helpers';

// A Swift file in the real editor: the custom-scheme redirect of an MSAL config is squiggled on the
// constant's literal, and the AADSTS code in its comment has the hover.

describe('Swift', () => {
  before(api);
  afterEach(closeAll);

  it('squiggles the custom-scheme redirect that MSALPublicClientApplicationConfig reads from a constant', async () => {
    const { document } = await open('ios-swift/Notes/NotesSignIn.swift');
    assert.equal(document.languageId, 'swift');
    const [diagnostic] = await diagnosticsOf(document.uri, 1);
    assert.equal(codeOf(diagnostic), 'custom-scheme-redirect');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(document.getText(diagnostic.range), 'notes-ios://auth');
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character], [5, 30]);
    assert.match(diagnostic.message, /^Custom scheme 'notes-ios:\/\/auth' shows the AADSTS50199/);
  });

  it('explains AADSTS50199 on hover in the Swift file', async () => {
    const { document } = await open('ios-swift/Notes/NotesSignIn.swift');
    const offset = document.getText().indexOf('AADSTS50199');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset + 4));
    const text = hoverText(hovers ?? []);
    assert.match(text, /\*\*AADSTS50199\*\*/);
    assert.match(text, /custom-scheme-redirect/);
  });

  it('explains the finding on hover: MSAL brokers only a broker redirect, so this one goes to the system browser', async () => {
    const { document } = await open('ios-swift/Notes/NotesSignIn.swift');
    const [diagnostic] = await diagnosticsOf(document.uri, 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, diagnostic.range.start.translate(0, 3));
    const text = hoverText(hovers ?? []).replace(/\\(.)/g, '$1'); // the hover escapes Markdown
    assert.match(text, /CmsiInterrupt/);
    assert.match(text, /signs in through the system browser/, 'the user agent this redirect reaches');
    assert.match(text, /msauth\.<bundle id>:\/\/auth/, 'the broker redirect as the remedy');
    assert.match(text, /custom-scheme-redirect/);
  });
});
