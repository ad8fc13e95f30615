import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, closeAll, diagnosticsOf, open, quickFixes, waitFor, workspaceRoot } from '../helpers';

describe('code actions', () => {
  before(api);
  afterEach(closeAll);

  it('offers "Show documentation" for the rule, and the command opens the bundled page', async () => {
    const { document } = await open('registrations/desktop-app.json');
    const [diagnostic] = await diagnosticsOf(document.uri, 1);
    const actions = await quickFixes(document.uri, diagnostic.range);
    const docs = actions.find((a) => a.title === 'Show documentation for custom-scheme-redirect');
    assert.ok(docs, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(docs.command?.command, 'entraAuthLint.showRuleDocs');
    assert.deepEqual(docs.command?.arguments, ['custom-scheme-redirect']);
    const opened = await vscode.commands.executeCommand<vscode.Uri>('entraAuthLint.showRuleDocs', 'custom-scheme-redirect');
    assert.equal(opened.toString(), 'entra-auth-lint-rule:/custom-scheme-redirect.entra-rule');
  });

  it('in plain JSON, suppression goes to .entra-auth-lint.json (shared with the CLI) for that value only, opened at the reason', async () => {
    const config = path.join(workspaceRoot(), '.entra-auth-lint.json');
    const { document } = await open('registrations/suppress-me.json');
    const diagnostics = await diagnosticsOf(document.uri, 2);
    const diagnostic = diagnostics.find((d) => document.getText(d.range) === 'suppress-me://callback');
    assert.ok(diagnostic);
    const actions = await quickFixes(document.uri, diagnostic.range);
    const suppress = actions.find((a) => a.title === 'Suppress custom-scheme-redirect for this value (.entra-auth-lint.json)');
    assert.ok(suppress?.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    try {
      assert.ok(await vscode.workspace.applyEdit(suppress.edit));
      const configDocument = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === config);
      assert.ok(configDocument, 'the config file was created through the edit');
      assert.ok(suppress.command, 'the action then asks for the reason');
      await vscode.commands.executeCommand(suppress.command.command, ...(suppress.command.arguments ?? []));
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.fsPath, config, 'the config file is opened');
      assert.equal(editor.document.getText(editor.selection), 'why the team accepts this', 'with the reason selected for typing over');
      // VS Code saves a file a workspace edit created unopened (files.refactoring.autoSave); else save it here.
      if (configDocument.isDirty) await configDocument.save();
      const saved = await waitFor(() => fs.readFileSync(config, 'utf8').trim() || undefined, 'the saved config file on disk');
      assert.deepEqual(JSON.parse(saved), {
        suppressions: [
          { rule: 'custom-scheme-redirect', files: 'registrations/suppress-me.json', value: 'suppress-me://callback', reason: 'why the team accepts this' },
        ],
      });
      const [left] = await diagnosticsOf(document.uri, 1, 15000);
      assert.equal(document.getText(left.range), 'still-reported://callback', 'another value of the file is still reported');
    } finally {
      fs.rmSync(config, { force: true });
    }
    await diagnosticsOf(document.uri, 2, 15000);
  });

  it('offers no quick fixes for a diagnostic of another source', async () => {
    const { document } = await open('registrations/desktop-app.json');
    const actions = await quickFixes(document.uri, new vscode.Range(0, 0, 0, 1));
    assert.equal(actions.filter((a) => a.title.includes('custom-scheme-redirect')).length, 0);
  });

  it('"Fix all" answers a source.fixAll request only with unattended fixes (none for this file)', async () => {
    const { document } = await open('registrations/desktop-app.json');
    await diagnosticsOf(document.uri, 1);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      new vscode.Range(0, 0, 0, 0),
      'source.fixAll.entraAuthLint',
    );
    assert.equal((actions ?? []).filter((a) => a.title.startsWith('Fix all')).length, 0);
    const applied = await vscode.commands.executeCommand<boolean>('entraAuthLint.fixAllInFile');
    assert.equal(applied, false);
    await waitFor(() => !document.isDirty || undefined, 'the document stays unchanged');
  });
});
