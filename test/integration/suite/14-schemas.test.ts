// Issue 14 #8: the bundled JSON schemas describe and complete; they do not repeat lint rules, so one
// mistake gets one squiggle (ours, with a source and a rule), not a second one from the JSON validator.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, closeAll, open, SOURCE, waitFor, workspaceRoot } from '../helpers';

const ANDROID_CONFIG = `{
  "client_id": "not-a-guid",
  "redirect_uri": "msauth://com.fabrikam.app/not%2Bencoded%3D",
  "broker_redirect_uri_registered": "yes"
}
`;

describe('bundled JSON schemas', () => {
  before(api);
  afterEach(closeAll);

  it('do not repeat lint rules: no second squiggle from the JSON validator on a value a rule judges', async function () {
    this.timeout(60000);
    const file = path.join(workspaceRoot(), 'schemas-case/app/src/main/res/raw/auth_config.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, ANDROID_CONFIG);
    try {
      const { document } = await open('schemas-case/app/src/main/res/raw/auth_config.json');
      const text = document.getText();
      const clientId = document.positionAt(text.indexOf('not-a-guid') + 2);
      const redirect = document.positionAt(text.indexOf('msauth://') + 2);
      // The wrong type of broker_redirect_uri_registered is the schema's to report: once it is there, the
      // JSON language server has validated the file.
      await waitFor(
        () => vscode.languages.getDiagnostics(document.uri).some((d) => d.source !== SOURCE && d.range.start.line === 3),
        'the JSON validator to report the boolean',
        30000,
      );
      const others = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source !== SOURCE);
      const duplicates = others.filter((d) => d.range.contains(clientId) || d.range.contains(redirect));
      assert.deepEqual(
        duplicates.map((d) => `${d.source ?? '(no source)'}: ${d.message}`),
        [],
      );
      assert.ok(
        vscode.languages.getDiagnostics(document.uri).some((d) => d.source === SOURCE && d.range.contains(clientId)),
        'the rule reports the client id',
      );
    } finally {
      fs.rmSync(path.join(workspaceRoot(), 'schemas-case'), { recursive: true, force: true });
    }
  });

  it('still complete: every bundled schema has descriptions and no pattern a rule owns', () => {
    const schemas = fs
      .readdirSync(path.join(__dirname, '../../../../schemas'))
      .filter((f) => f.endsWith('.schema.json') && f !== 'entra-auth-lint.schema.json');
    for (const name of schemas) {
      const text = fs.readFileSync(path.join(__dirname, '../../../../schemas', name), 'utf8');
      assert.doesNotMatch(text, /"pattern"\s*:/, `${name} repeats a rule with a pattern`);
      assert.match(text, /"description"/, `${name} describes its keys`);
    }
  });
});
