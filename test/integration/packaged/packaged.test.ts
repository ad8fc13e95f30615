// Issue 14 #2 and #14: the extension as the VSIX installs it (the copy `npm run demo` and `npm run
// screenshots` use), over examples/: every file it needs is there, and nothing it does not run.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, diagnosticsOf, EXTENSION_ID, open, SOURCE, waitFor } from '../helpers';

describe('the packaged extension over examples/', () => {
  before(api);
  const root = () => vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;

  it('finds the headline problem in the JS config (the lazily loaded parser is packaged)', async () => {
    const { document } = await open('desktop-electron/src/authConfig.js');
    // The examples register this client id without the custom scheme: one finding on the range, the
    // unregistered-redirect error that carries the custom-scheme finding (one finding per problem).
    const [diagnostic] = await diagnosticsOf(document.uri, 1, 20000, 'unregistered-redirect');
    assert.equal(document.getText(diagnostic.range), 'msal${CLIENT_ID}://auth');
    const all = vscode.languages.getDiagnostics().flatMap(([, list]) => list.filter((d) => d.source === SOURCE));
    assert.deepEqual(
      all.filter((d) => /Cannot find module|could not be read/.test(d.message)).map((d) => d.message),
      [],
    );
  });

  it('packages every picture the README shows, the icon and the changelog', () => {
    const readme = fs.readFileSync(path.join(root(), 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 3, 'the README shows screenshots');
    for (const image of images) {
      assert.ok(!/^https?:/.test(image), `${image} is a remote link`);
      assert.ok(fs.existsSync(path.join(root(), image)), `${image} is packaged`);
    }
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { icon?: string };
    assert.ok(manifest.icon && fs.existsSync(path.join(root(), manifest.icon)), 'the icon is packaged');
    assert.ok(fs.existsSync(path.join(root(), 'CHANGELOG.md')), 'CHANGELOG.md is packaged');
  });

  it('ships no source map comment without its map, and no source or test files', () => {
    for (const bundle of fs.readdirSync(path.join(root(), 'dist')).filter((f) => f.endsWith('.js'))) {
      const tail = fs.readFileSync(path.join(root(), 'dist', bundle), 'utf8').slice(-300);
      const map = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(tail)?.[1];
      if (map) assert.ok(fs.existsSync(path.join(root(), 'dist', map)), `${bundle} points to ${map}, which is not packaged`);
    }
    for (const folder of ['src', 'test', 'out', 'node_modules', 'scripts']) assert.ok(!fs.existsSync(path.join(root(), folder)), `${folder}/ is packaged`);
  });

  it('opens rule pages and explanations from the package', async () => {
    await vscode.commands.executeCommand('entraAuthLint.showRuleDocs', 'custom-scheme-redirect');
    await waitFor(() => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => /custom-scheme-redirect/.test(t.label))), 'the rule page tab');
  });
});
