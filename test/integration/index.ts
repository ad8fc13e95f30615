// The extension-tests entry (extensionTestsPath): the same `run()` contract for @vscode/test-electron and
// for test/harness/run-integration.mjs (code-server). Runs every <group>/*.test.js with mocha in the extension host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import Mocha from 'mocha';
import { EXTENSION_ID, type Api } from './helpers';

export async function run(): Promise<void> {
  // ENTRA_TEST_GREP (a regular expression) runs only the tests whose titles match (while debugging one of them).
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 30000,
    reporter: 'spec',
    grep: process.env.ENTRA_TEST_GREP ? new RegExp(process.env.ENTRA_TEST_GREP) : undefined,
  });
  // ENTRA_TEST_SUITE picks the group: `suite` (single-folder fixture), `multi-root` (two-folder workspace),
  // `hostile` (a copy of test/fixtures/hostile with its generated files), `plain` (a workspace without auth
  // files) or `packaged` (examples/ with the extension as the VSIX installs it).
  const group = process.env.ENTRA_TEST_SUITE;
  const suiteDir = path.join(__dirname, group && ['multi-root', 'hostile', 'plain', 'packaged'].includes(group) ? group : 'suite');
  for (const file of fs
    .readdirSync(suiteDir)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(suiteDir, file));
  // In the workspace without auth files nothing may activate the extension before the tests look.
  if (group !== 'plain') await writeActivationFigures();
  console.log('[entra-auth-lint] integration tests start'); // the harness prints from here on
  const results: { title: string; state: string; error?: string }[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (test) => results.push({ title: test.fullTitle(), state: 'passed' }));
    runner.on('fail', (test, error: Error) => results.push({ title: test.fullTitle(), state: 'failed', error: String(error?.stack ?? error) }));
  });
  const resultFile = process.env.ENTRA_TEST_RESULT_FILE;
  if (resultFile) fs.writeFileSync(resultFile, JSON.stringify({ failures, passes: results.filter((r) => r.state === 'passed').length, results }, null, 2));
  if (failures > 0) throw new Error(`${failures} integration test${failures === 1 ? '' : 's'} failed.`);
}

/**
 * Activation figures for the benchmark (ENTRA_ACTIVATION_OUT): measured inside this extension host.
 * activationMs = time spent in activate() (registration only); engineLoadMs = first evaluation of the
 * bundled engine (parsers, rules), which happens after activation, on the first lint; initialScanMs =
 * the scan of the fixture workspace that activation schedules.
 */
async function writeActivationFigures(): Promise<void> {
  const out = process.env.ENTRA_ACTIVATION_OUT;
  const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  if (!extension) return;
  const activationStart = performance.now();
  const api = extension.isActive ? extension.exports : await extension.activate();
  const waitedMs = performance.now() - activationStart;
  const scan = await api.initialScan;
  if (!out) return;
  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        measuredIn: `extension host of VS Code ${vscode.version} (${vscode.env.appName}), Node ${process.version}`,
        activationMs: round(api.activationMs),
        engineLoadMs: round(api.engineLoadMs()),
        activatedBeforeTests: waitedMs < 1,
        initialScanMs: scan ? round(scan.ms) : null,
        initialScanFiles: scan?.files ?? null,
        initialScanProblems: scan?.problems ?? null,
        bundleBytes: fs.statSync(path.join(extension.extensionPath, 'dist', 'extension.js')).size,
      },
      null,
      2,
    ),
  );
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
