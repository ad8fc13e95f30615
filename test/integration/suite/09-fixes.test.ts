import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, closeAll, codeOf, diagnosticsOf, fixtureUri, open, ours, quickFixes, revert, waitFor } from '../helpers';

const DUPLICATES_FIXED = `{
  "appId": "4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b",
  "signInAudience": "AzureADMyOrg",
  "web": {
    "redirectUris": [
      "https://contoso.example.org/signin-oidc"
    ]
  },
  "spa": {
    "redirectUris": [
      "https://contoso.example.org/app"
    ]
  }
}
`;

const TOUCHED = ['fixes/duplicates.json', 'webapp/registration.json', 'webapp/oidc-settings.json', 'dotnet/appsettings.json'];

describe('quick fixes', () => {
  // A fix saves the files it changes that are not open (VS Code's files.refactoring.autoSave): each test puts
  // the fixture files back on disk as well as reverting the editors.
  const original = new Map<string, string>();
  before(async () => {
    await api();
    for (const file of TOUCHED) original.set(file, fs.readFileSync(fixtureUri(file).fsPath, 'utf8'));
  });
  afterEach(async () => {
    for (const file of TOUCHED) await revert(fixtureUri(file));
    await closeAll();
    // Through VS Code's file service, so a document model it still holds for the file is reloaded at once
    // (a write behind its back reaches the model only when the file watcher reports it).
    for (const [file, text] of original) {
      const uri = fixtureUri(file);
      if (fs.readFileSync(uri.fsPath, 'utf8') === text) continue;
      await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
      await waitFor(() => {
        const model = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        return !model || model.getText() === text;
      }, `the editor's copy of ${file} back as on disk`);
    }
  });

  it('applies a quick fix as an undoable edit with the exact resulting text', async () => {
    const { document } = await open('fixes/duplicates.json');
    const duplicates = await diagnosticsOf(document.uri, 2, 10000, 'duplicate-redirect');
    const original = document.getText();
    const actions = await quickFixes(document.uri, duplicates[0].range);
    const fix = actions.find((a) => a.title === 'Remove the duplicate redirect URI');
    assert.ok(fix?.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.isPreferred, true, 'an unattended fix is the preferred one');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.getText(), original.replace(',\n      "https://contoso.example.org/signin-oidc"\n', '\n'));
    await diagnosticsOf(document.uri, 1, 10000, 'duplicate-redirect');
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original);
    await diagnosticsOf(document.uri, 2, 10000, 'duplicate-redirect');
  });

  it('"Fix all in file" applies every unattended fix at once', async () => {
    const { document } = await open('fixes/duplicates.json');
    await diagnosticsOf(document.uri, 2, 10000, 'duplicate-redirect');
    assert.equal(await vscode.commands.executeCommand<boolean>('entraAuthLint.fixAllInFile'), true);
    assert.equal(document.getText(), DUPLICATES_FIXED);
    await diagnosticsOf(document.uri, 0, 10000, 'duplicate-redirect');
  });

  it('answers source.fixAll.entraAuthLint (fix on save) with one action holding both edits', async () => {
    const { document } = await open('fixes/duplicates.json');
    await diagnosticsOf(document.uri, 2, 10000, 'duplicate-redirect');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      new vscode.Range(0, 0, 0, 0),
      'source.fixAll.entraAuthLint',
    );
    const fixAll = actions.filter((a) => a.kind?.value === 'source.fixAll.entraAuthLint');
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0].edit?.get(document.uri).length, 4);
    assert.ok(await vscode.workspace.applyEdit(fixAll[0].edit!));
    assert.equal(document.getText(), DUPLICATES_FIXED);
  });

  it('a cross-file finding carries related information in the other file', async () => {
    const { document } = await open('webapp/oidc-settings.json');
    const [diagnostic] = await diagnosticsOf(document.uri, 1, 10000, 'implicit-grant-enabled');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(diagnostic.range), 'id_token');
    assert.match(diagnostic.message, /AADSTS700054/);
    const [related] = diagnostic.relatedInformation ?? [];
    assert.ok(related, 'related information is present');
    assert.equal(related.location.uri.toString(), fixtureUri('webapp/registration.json').toString());
    assert.deepEqual([related.location.range.start.line, related.location.range.start.character], [6, 56]);
    assert.match(related.message, /Implicit ID token issuance is off in app registration 'Contoso Web App'/);
  });

  it('a fix that edits another file works, and the change re-checks the linked config', async () => {
    const { document } = await open('webapp/oidc-settings.json');
    const [diagnostic] = await diagnosticsOf(document.uri, 1, 10000, 'implicit-grant-enabled');
    const actions = await quickFixes(document.uri, diagnostic.range);
    const fix = actions.find((a) => a.title === 'Turn on implicit ID token issuance in registration.json');
    assert.ok(fix?.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    const registration = fixtureUri('webapp/registration.json');
    assert.deepEqual(
      fix.edit.entries().map(([uri]) => uri.toString()),
      [registration.toString()],
    );
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const registrationDocument = await vscode.workspace.openTextDocument(registration);
    assert.match(registrationDocument.getText(), /"enableIdTokenIssuance": true/);
    assert.equal(document.isDirty, false, 'the config itself is untouched');
    await diagnosticsOf(document.uri, 0, 10000, 'implicit-grant-enabled');
  });

  it('"Suppress for this line" inserts a directive comment where the format has comments', async () => {
    const { document } = await open('dotnet/appsettings.json');
    const [diagnostic] = await diagnosticsOf(document.uri, 1);
    assert.equal(document.getText(diagnostic.range), 'fabrikam-notes://auth');
    const actions = await quickFixes(document.uri, diagnostic.range);
    const suppress = actions.find((a) => a.title === 'Suppress custom-scheme-redirect for this line');
    assert.ok(suppress?.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(suppress.edit));
    assert.equal(document.lineAt(6).text, '    // entra-auth-lint-disable-next-line custom-scheme-redirect -- why the team accepts this');
    assert.equal(document.lineAt(7).text, '    "RedirectUri": "fabrikam-notes://auth"');
    await diagnosticsOf(document.uri, 0);
    assert.equal(fs.readFileSync(document.uri.fsPath, 'utf8').includes('disable-next-line'), false, 'not saved: the user decides');
  });

  it('a manifest edited in the editor re-checks the configs linked to it', async () => {
    const config = fixtureUri('webapp/oidc-settings.json');
    await diagnosticsOf(config, 1, 10000, 'implicit-grant-enabled');
    const { document, editor } = await open('webapp/registration.json');
    const found = document.getText().indexOf('"enableIdTokenIssuance": false');
    assert.ok(found >= 0, 'the registration as committed (implicit ID tokens off)');
    const offset = found + '"enableIdTokenIssuance": '.length;
    await editor.edit((b) => b.replace(new vscode.Range(document.positionAt(offset), document.positionAt(offset + 5)), 'true'));
    await diagnosticsOf(config, 0, 10000, 'implicit-grant-enabled');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(
      () => ours(config, 'implicit-grant-enabled').length === 1 && codeOf(ours(config, 'implicit-grant-enabled')[0]) === 'implicit-grant-enabled',
      'the error back after revert',
    );
  });
});
