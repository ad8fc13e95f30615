import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, codeOf, diagnosticsOf, EXTENSION_ID, hoverText, open, SOURCE } from '../helpers';

// A Kotlin file in the real editor. VS Code ships no Kotlin language, so the document may be plain text:
// the engine reads it by its name and content (an AppAuth-Android sign-in against an Entra issuer).
const FILE = 'android-kotlin/app/src/main/java/com/fabrikam/inspect/InspectSignIn.kt';

describe('Kotlin (AppAuth-Android)', () => {
  before(api);
  afterEach(closeAll);

  it('squiggles the custom-scheme redirect the AppAuth request builder reads from a constant', async () => {
    const { document } = await open(FILE);
    const [diagnostic] = await diagnosticsOf(document.uri, 1);
    assert.equal(diagnostic.source, SOURCE);
    assert.equal(codeOf(diagnostic), 'custom-scheme-redirect');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(document.getText(diagnostic.range), 'com.fabrikam.inspect:/oauth2redirect');
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character], [14, 34]);
    assert.match(diagnostic.message, /^Custom scheme '.*' shows the AADSTS50199 prompt in a system browser; use an https App Link\.$/);
  });

  it('explains the finding on hover: the user agent AppAuth signs in with', async () => {
    const { document } = await open(FILE);
    const [diagnostic] = await diagnosticsOf(document.uri, 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, diagnostic.range.start.translate(0, 5));
    const text = hoverText(hovers ?? []).replace(/\\(.)/g, '$1'); // the hover escapes Markdown
    assert.match(text, /CmsiInterrupt/);
    assert.match(text, /signs in through Custom Tabs \(AppAuth supports no web view\)/, 'the user agent, from the library facts');
    assert.match(text, /App Link/, 'AppAuth never uses the broker: the advice is an https redirect');
    assert.match(text, /custom-scheme-redirect/);
  });

  it('activates for the mobile languages, and for an Android or iOS project whatever language its code opens as', () => {
    const events = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.activationEvents as string[];
    for (const language of ['swift', 'objective-c', 'kotlin', 'dart']) assert.ok(events.includes(`onLanguage:${language}`), language);
    // Java, C# and Groovy are everywhere (servers, web apps, Jenkins): issue 14 #3 keeps them out; a project of
    // theirs that signs in activates through its markers (AndroidManifest.xml, appsettings*.json, …).
    for (const language of ['java', 'csharp', 'groovy']) assert.ok(!events.includes(`onLanguage:${language}`), language);
    // VS Code has no Kotlin language of its own: a .kt file opens as plain text, so the project's files activate.
    assert.ok(events.includes('workspaceContains:**/AndroidManifest.xml') && events.includes('workspaceContains:**/Info.plist'));
  });

  it('explains the AADSTS code named in a Kotlin comment on hover', async () => {
    const { document } = await open(FILE);
    const offset = document.getText().indexOf('AADSTS50199');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset + 6));
    const text = hoverText(hovers ?? []);
    assert.match(text, /\*\*AADSTS50199\*\*/);
    assert.match(text, /custom-scheme-redirect/);
  });
});
