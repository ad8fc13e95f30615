import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, EXTENSION_ID } from '../helpers';

describe('activation', () => {
  it('activates in the fixture workspace and keeps activate() cheap', async () => {
    const extensionApi = await api();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    // activate() only registers providers; nothing is parsed there. Generous bound for a loaded CI machine.
    assert.ok(extensionApi.activationMs < 250, `activate() took ${extensionApi.activationMs} ms`);
    assert.ok(extensionApi.engineLoadMs() > 0, 'the engine is loaded on first use, after activation');
  });

  it('registers every contributed command', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'entraAuthLint.scanWorkspace',
      'entraAuthLint.explainCode',
      'entraAuthLint.fixAllInFile',
      'entraAuthLint.showRuleDocs',
      'entraAuthLint.showOutput',
    ]) {
      assert.ok(commands.includes(id), `command ${id} is not registered`);
    }
  });

  it('declares untrusted and virtual workspace support and the JSON schemas', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      capabilities: { untrustedWorkspaces: { supported: boolean }; virtualWorkspaces: { supported: string } };
      contributes: { jsonValidation: { fileMatch: string | string[]; url: string }[]; grammars: { scopeName: string; injectTo: string[] }[] };
    };
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
    assert.deepEqual(
      pkg.contributes.jsonValidation.map((v) => v.url),
      [
        './schemas/entra-auth-lint.schema.json',
        './schemas/android-msal-config.schema.json',
        './schemas/graph-manifest.schema.json',
        './schemas/aad-manifest.schema.json',
      ],
    );
    const grammar = pkg.contributes.grammars.find((g) => g.scopeName === 'text.aadsts.injection');
    assert.ok(grammar?.injectTo.includes('text.log') && grammar.injectTo.includes('text.plain'), 'the AADSTS grammar is injected into logs and plain text');
  });
});
