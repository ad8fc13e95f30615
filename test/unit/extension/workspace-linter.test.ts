// The engine side of the editor (src/extension/engine/workspace-linter.ts, no `vscode`): one index over the
// folders of a multi-root workspace, each folder with its own config file; open documents win over disk;
// the config file's problems come from the text being typed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkspaceLinter } from '../../../src/extension/engine/workspace-linter';
import type { FolderSpec } from '../../../src/extension/engine/protocol';

function workspace(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'entra-wl-'));
  for (const [relative, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  }
  return root;
}

const folder = (root: string, name: string): FolderSpec => ({ key: name, name, root: path.join(root, name), enabled: true, overrides: {}, filesExclude: [] });

const APP = 'bb22cc33-dd44-4e55-8f66-0077889900aa';
const REGISTRATION = JSON.stringify({ appId: APP, signInAudience: 'AzureADMyOrg', spa: { redirectUris: ['http://localhost:5173/'] } }, null, 2);
const CONFIG = `import { PublicClientApplication } from '@azure/msal-browser';\nexport const pca = new PublicClientApplication({ auth: { clientId: '${APP}', authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com', redirectUri: 'http://localhost:5173/cross-folder' } });\n`;

describe('editor engine: WorkspaceLinter', () => {
  let root: string;
  beforeEach(() => {
    root = workspace({
      'app-one/src/authConfig.ts': CONFIG,
      'app-one/.entra-auth-lint.json': '{ "rulez": {} }\n',
      'app-two/registration.json': REGISTRATION,
    });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('links a config in one folder to the registration in another, and reports each folder config file', async () => {
    const linter = new WorkspaceLinter();
    const { results } = linter.configure([folder(root, 'app-one'), folder(root, 'app-two')]);
    assert.equal(results.configs.length, 1);
    assert.match(results.configs[0].problems[0].message, /^rulez: unknown key \(did you mean 'rules'\?\)/);
    const scan = await linter.scan();
    assert.equal(scan.summary.files, 2);
    const config = scan.results.files.find((f) => f.path.endsWith('authConfig.ts'))!;
    assert.deepEqual(
      config.findings.map((f) => f.ruleId),
      ['unregistered-redirect'],
    );
    assert.deepEqual(config.linked, [path.join(root, 'app-two/registration.json')]);
    assert.equal(config.findings[0].related[0].file, path.join(root, 'app-two/registration.json'));
  });

  it('an open document wins over the file, and a change to it re-checks the linked file in the other folder', async () => {
    const linter = new WorkspaceLinter();
    linter.configure([folder(root, 'app-one'), folder(root, 'app-two')]);
    await linter.scan();
    const registration = path.join(root, 'app-two/registration.json');
    const fixed = REGISTRATION.replace('http://localhost:5173/', 'http://localhost:5173/cross-folder');
    const { files } = linter.setDocument(registration, fixed);
    const config = files.find((f) => f.path.endsWith('authConfig.ts'))!;
    assert.deepEqual(config.findings, []);
    // Closed again: back to the file on disk.
    const closed = linter.closeDocument(registration);
    assert.deepEqual(
      closed.files.find((f) => f.path.endsWith('authConfig.ts'))!.findings.map((f) => f.ruleId),
      ['unregistered-redirect'],
    );
  });

  it('reads the config file problems from the text being typed, and a change on disk asks for a new start', () => {
    const linter = new WorkspaceLinter();
    linter.configure([folder(root, 'app-one')]);
    const file = path.join(root, 'app-one/.entra-auth-lint.json');
    assert.deepEqual(linter.setDocument(file, '{ "rules": {} }\n').configs, [{ path: file, problems: [] }]);
    assert.match(linter.setDocument(file, '{ "allowedSchemas": [] }\n').configs[0].problems[0].message, /did you mean 'allowedSchemes'/);
    assert.equal(linter.fileChanged(file, 'change').reconfigure, true);
  });

  it('prefers the safe-redirect fix only when it trades nothing (asked for a finding of the last lint)', async () => {
    const desktop = workspace({
      'app/authConfig.js': `const { PublicClientApplication } = require('@azure/msal-node');\nconst CLIENT_ID = '${APP}';\nmodule.exports = { auth: { clientId: CLIENT_ID }, request: { redirectUri: \`msal\${CLIENT_ID}://auth\` } };\n`,
      'app/registration.json': JSON.stringify({ appId: APP, signInAudience: 'AzureADMyOrg', publicClient: { redirectUris: [] } }, null, 2),
    });
    try {
      const linter = new WorkspaceLinter();
      linter.configure([folder(desktop, 'app')]);
      const { results } = await linter.scan();
      const config = results.files.find((f) => f.path.endsWith('authConfig.js'))!;
      // One finding on the redirect: unregistered-redirect (an error) carries the custom-scheme one folded in,
      // and of its fixes the safe redirect is preferred, not registering the custom scheme (that trades).
      assert.equal(config.findings.length, 1);
      const [finding] = config.findings;
      assert.equal(finding.ruleId, 'unregistered-redirect');
      assert.ok(finding.codes.includes('AADSTS50199'));
      const safe = finding.fixes.findIndex((fix) => fix.title.startsWith('Use the safe redirect'));
      assert.ok(safe > 0, 'the register fix comes first, the safe redirect after it');
      assert.deepEqual(linter.preferredFixes(config.path, config.generation, [0]), [safe]);
      assert.deepEqual(linter.preferredFixes(config.path, config.generation + 1000, [0]), [-1], 'a stale question gets no answer');
      const edit = finding.fixes[safe].edits[0];
      assert.ok(edit.start.line > 0 && edit.end.character > edit.start.character, 'edits carry positions for the editor');
    } finally {
      fs.rmSync(desktop, { recursive: true, force: true });
    }
  });
});
