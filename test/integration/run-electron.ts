// The same integration suite through @vscode/test-electron, for machines that can download VS Code
// (update.code.visualstudio.com). Here, test/harness/run-integration.mjs runs it in code-server instead.
// Usage: npx tsc -p tsconfig.test.json && node out/test/integration/run-electron.js
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'entra-ws-'));
  const folder = path.join(workspace, 'integration-ws');
  fs.cpSync(path.join(root, 'test/fixtures/integration-ws'), folder, { recursive: true });
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(__dirname, 'index.js'),
    launchArgs: [folder, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { ENTRA_TEST_WORKSPACE: folder },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
