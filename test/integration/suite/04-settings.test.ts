import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, closeAll, codeOf, diagnosticsOf, fixtureUri, open, ours, setSetting, sleep, waitFor, workspaceRoot } from '../helpers';

describe('settings and .entra-auth-lint.json', () => {
  before(api);
  afterEach(closeAll);

  it('a rule severity override takes effect (error, then off)', async () => {
    const uri = fixtureUri('registrations/settings-target.json');
    await diagnosticsOf(uri, 1);
    await setSetting('rules', { 'custom-scheme-redirect': 'error' });
    await waitFor(() => ours(uri)[0]?.severity === vscode.DiagnosticSeverity.Error, 'severity error');
    await setSetting('rules', { 'custom-scheme-redirect': 'off' });
    await diagnosticsOf(uri, 0);
    await setSetting('rules', undefined);
    const [back] = await diagnosticsOf(uri, 1);
    assert.equal(back.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('allowedSchemes approves a team scheme', async () => {
    const uri = fixtureUri('registrations/settings-target.json');
    await diagnosticsOf(uri, 1);
    await setSetting('allowedSchemes', ['teamscheme']);
    await diagnosticsOf(uri, 0);
    assert.equal(ours(fixtureUri('registrations/desktop-app.json')).length, 1, 'other schemes are still reported');
    await setSetting('allowedSchemes', undefined);
    await diagnosticsOf(uri, 1);
  });

  it('exclude globs hide matching files', async () => {
    const uri = fixtureUri('legacy/closed-aad-manifest.json');
    await diagnosticsOf(uri, 1);
    await setSetting('exclude', ['legacy/**']);
    await diagnosticsOf(uri, 0);
    await setSetting('exclude', undefined);
    await diagnosticsOf(uri, 1);
  });

  it('maxFileSizeKB skips larger files with an information note', async () => {
    // A 2 KB registration: over a limit of 1 KB.
    const file = path.join(workspaceRoot(), 'registrations', 'padded-registration.json');
    const manifest = {
      appId: '9c8b7a69-5847-4a36-9251-40302f1e0d9c',
      signInAudience: 'AzureADMyOrg',
      notes: 'x'.repeat(2000),
      publicClient: { redirectUris: ['padded-app://auth'] },
    };
    fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
    try {
      const { document } = await open('registrations/padded-registration.json');
      await diagnosticsOf(document.uri, 1);
      await setSetting('maxFileSizeKB', 1);
      try {
        const [skipped] = await diagnosticsOf(document.uri, 1, 10000, 'file-skipped');
        assert.equal(skipped.severity, vscode.DiagnosticSeverity.Information);
        assert.match(skipped.message, /over the limit of 1024/);
        assert.equal(ours(document.uri).length, 0, 'a skipped file is not checked');
      } finally {
        await setSetting('maxFileSizeKB', undefined);
      }
      await diagnosticsOf(document.uri, 1);
      await diagnosticsOf(document.uri, 0, 10000, 'file-skipped');
    } finally {
      await closeAll();
      fs.rmSync(file, { force: true });
    }
  });

  it('enable: false clears everything and true brings it back', async () => {
    const uri = fixtureUri('registrations/desktop-app.json');
    await diagnosticsOf(uri, 1);
    await setSetting('enable', false);
    await waitFor(() => vscode.languages.getDiagnostics().every(([, list]) => list.every((d) => d.source !== 'entra-auth-lint')), 'no diagnostics at all');
    await setSetting('enable', undefined);
    await diagnosticsOf(uri, 1);
  });

  it('run: onSave waits for the save', async () => {
    await setSetting('run', 'onSave');
    try {
      const { document, editor } = await open('registrations/edit-me.json');
      const [diagnostic] = await diagnosticsOf(document.uri, 1);
      await editor.edit((b) => b.replace(diagnostic.range, 'https://saved.example.org'));
      await sleep(700);
      assert.equal(ours(document.uri).length, 1, 'not re-checked before the save');
      await document.save();
      await diagnosticsOf(document.uri, 0);
      await editor.edit((b) =>
        b.replace(new vscode.Range(diagnostic.range.start, diagnostic.range.start.translate(0, 'https://saved.example.org'.length)), 'edit-me://callback'),
      );
      await document.save();
      await diagnosticsOf(document.uri, 1);
    } finally {
      await setSetting('run', undefined);
    }
  });

  it('shows problems of .entra-auth-lint.json on the file, and applies its rules', async () => {
    const config = path.join(workspaceRoot(), '.entra-auth-lint.json');
    const uri = vscode.Uri.file(config);
    fs.writeFileSync(config, '{\n  "rules": { "custom-scheme-redirect": "hint" },\n  "allowedSchemas": ["x"]\n}\n');
    try {
      const [problem] = await waitFor(
        () => {
          const list = ours(uri, 'config');
          return list.length ? list : undefined;
        },
        'a config file problem',
        15000,
      );
      assert.equal(codeOf(problem), 'config');
      assert.match(problem.message, /^allowedSchemas: unknown key \(did you mean 'allowedSchemes'\?\)/);
      assert.equal(problem.range.start.line, 2);
      await waitFor(
        () => ours(fixtureUri('registrations/desktop-app.json'))[0]?.severity === vscode.DiagnosticSeverity.Hint,
        'the file rule severity applied',
        15000,
      );
    } finally {
      fs.unlinkSync(config);
    }
    await waitFor(() => ours(fixtureUri('registrations/desktop-app.json'))[0]?.severity === vscode.DiagnosticSeverity.Warning, 'back to warning', 15000);
  });
});
