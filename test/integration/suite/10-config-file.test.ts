// Issue 14 #1: problems of .entra-auth-lint.json must show on the file while it is open, and follow what is typed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, closeAll, ours, revert, sleep, waitFor, workspaceRoot } from '../helpers';

describe('.entra-auth-lint.json open in the editor', () => {
  before(api);
  afterEach(closeAll);

  it('keeps its problems while it is open and updates them from the text being typed', async () => {
    const file = path.join(workspaceRoot(), '.entra-auth-lint.json');
    const uri = vscode.Uri.file(file);
    fs.writeFileSync(file, '{\n  "rulez": { "custom-scheme-redirect": "hint" }\n}\n');
    try {
      await waitFor(() => ours(uri, 'config').length === 1, 'the config problem from disk', 15000);
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document);
      await sleep(1500); // opened: linted at once and again after the debounce
      const [problem] = ours(uri, 'config');
      assert.ok(problem, 'the problem is still shown with the file open');
      assert.match(problem.message, /^rulez: unknown key \(did you mean 'rules'\?\)/);
      assert.equal(problem.range.start.line, 1);

      const key = document.getText().indexOf('rulez');
      await editor.edit((b) => b.replace(new vscode.Range(document.positionAt(key), document.positionAt(key + 5)), 'rules'));
      await waitFor(() => ours(uri, 'config').length === 0, 'no problem once the unsaved text is right', 15000);
      await editor.edit((b) => b.insert(document.positionAt(document.getText().lastIndexOf('}')), '  ,"allowedSchemas": []\n'));
      const [typo] = await waitFor(() => {
        const list = ours(uri, 'config');
        return list.length ? list : undefined;
      }, 'the new typo, from the unsaved text');
      assert.match(typo.message, /^allowedSchemas: unknown key \(did you mean 'allowedSchemes'\?\)/);
      await revert(uri);
    } finally {
      fs.rmSync(file, { force: true });
    }
    await waitFor(() => ours(uri, 'config').length === 0, 'no problems left once the file is gone', 15000);
  });
});
