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

  it('in plain JSON, suppression goes to .entra-auth-lint.json (shared with the CLI) and silences the file', async () => {
    const config = path.join(workspaceRoot(), '.entra-auth-lint.json');
    const { document } = await open('registrations/suppress-me.json');
    const [diagnostic] = await diagnosticsOf(document.uri, 1);
    const actions = await quickFixes(document.uri, diagnostic.range);
    const suppress = actions.find((a) => a.title === 'Suppress custom-scheme-redirect in this file (.entra-auth-lint.json)');
    assert.ok(suppress?.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    try {
      assert.ok(await vscode.workspace.applyEdit(suppress.edit));
      const configDocument = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === config);
      assert.ok(configDocument, 'the config file was created through the edit');
      await configDocument.save();
      assert.deepEqual(JSON.parse(fs.readFileSync(config, 'utf8')), {
        suppressions: [{ rule: 'custom-scheme-redirect', files: 'registrations/suppress-me.json', reason: 'why the team accepts this' }],
      });
      await diagnosticsOf(document.uri, 0, 15000);
    } finally {
      fs.rmSync(config, { force: true });
    }
    await diagnosticsOf(document.uri, 1, 15000);
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
