// `npm run test:integration`: runs test/integration/** with mocha INSIDE a real VS Code extension host —
// code-server 1.139 (Node 24) opened by headless Chromium with the same extensionDevelopmentPath +
// extensionTestsPath contract @vscode/test-electron uses. Prints mocha's spec output and exits with its
// result: 0 all passed, 1 a test failed, 2 the harness itself failed or timed out.
// Options: --port N (default 8765), --timeout ms (default 300000), --keep (keep server state), --verbose.
// Env: ENTRA_ACTIVATION_OUT=<file> writes activation figures (JSON); ENTRA_TEST_RESULT_FILE=<file> a JSON summary.
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { tmpdir } from 'node:os';
import { build, copyWorkspace, ensureInstalled, launchBrowser, NOISE, ROOT, startCodeServer, workbenchUrl } from './code-server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 && args[i + 1] && !args[i + 1].startsWith('--') ? args[i + 1] : fallback; };
const PORT = Number(option('port', process.env.ENTRA_TEST_PORT ?? 8765));
const TIMEOUT_MS = Number(option('timeout', 300000));
const VERBOSE = args.includes('--verbose');
const KEEP = args.includes('--keep');
const LOG_DIR = join(ROOT, '.vscode-test', 'logs');
mkdirSync(LOG_DIR, { recursive: true });
const LOG = join(LOG_DIR, 'integration.log');
rmSync(LOG, { force: true });

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const logFile = (s) => appendFileSync(LOG, `${s}\n`);
const say = (s) => { console.log(s); logFile(s); };

const START_MARKER = '[entra-auth-lint] integration tests start';
/** Workbench log lines that can interleave with mocha's output. */
const WORKBENCH_CHATTER = /^(Creating a socket|\[Service Worker\]|Creation of workbench contribution|Resolv|Updating additional|\[reconnection|Extension host|Started local extension host|Error: Timed out waiting for authentication)/;
let mochaStarted = false;
let server;
let browser;
let done = false;
async function finish(code, why) {
  if (done) return;
  done = true;
  say(`[harness] ${why} -> exit ${code} after ${elapsed()}`);
  try { await browser?.close(); } catch { /* closing anyway */ }
  if (server) {
    logFile(`\n----- code-server output -----\n${server.output.join('')}`);
    const activation = process.env.ENTRA_ACTIVATION_OUT;
    if (activation && existsSync(activation)) {
      // Add what the extension host log says about activation (event and host start) to the figures the tests wrote.
      const figures = JSON.parse(readFileSync(activation, 'utf8'));
      figures.extHostLog = server.extHostLog().split('\n').filter((l) => /^\d/.test(l) && /entra-auth-lint\.entra-auth-lint|Extension host with pid/.test(l)).slice(0, 20);
      writeFileSync(activation, JSON.stringify(figures, null, 2));
    }
    server.stop(KEEP);
    if (KEEP) say(`[harness] kept code-server state in ${server.state}`);
  }
  process.exit(code);
}
setTimeout(() => finish(2, `TIMEOUT: no result within ${TIMEOUT_MS / 1000} s`), TIMEOUT_MS).unref();
process.on('SIGINT', () => finish(2, 'interrupted'));

try {
  ensureInstalled();
  build();
  say(`[harness] built (${elapsed()})`);
  const workspace = copyWorkspace(join(ROOT, 'test/fixtures/integration-ws'));
  const resultFile = process.env.ENTRA_TEST_RESULT_FILE ?? join(tmpdir(), `entra-integration-${process.pid}.json`);
  process.env.ENTRA_TEST_RESULT_FILE = resultFile; // the extension host inherits code-server's environment
  process.env.ENTRA_TEST_WORKSPACE = workspace;
  server = await startCodeServer({ port: PORT, settings: { 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false } });
  say(`[harness] code-server up on 127.0.0.1:${PORT} (${elapsed()})`);
  server.server.on('exit', (code) => finish(2, `code-server exited (code ${code})`));

  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (m) => (VERBOSE ? say : logFile)(`[console.${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => logFile(`[pageerror] ${e}`));
  // Both hooks must exist before the page loads (the workbench looks them up when the tests end).
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    const text = format(...(logArgs ?? []).map((a) => (typeof a === 'string' ? a.replace(/%c/g, '') : a)));
    // The extension host's console (mocha's spec reporter) arrives here; print it as plain text.
    // Print from the test runner's start marker on (before it, only the workbench starting up talks).
    if (text.includes(START_MARKER)) mochaStarted = true;
    else if (VERBOSE || (mochaStarted && !NOISE.test(text) && !WORKBENCH_CHATTER.test(text))) say(text);
    else logFile(`[${type}] ${text}`);
  });
  await page.exposeFunction('codeAutomationExit', async (code) => {
    await finish(code === 0 ? 0 : 1, `tests finished (codeAutomationExit ${code})`);
  });
  const url = workbenchUrl({ port: PORT, folder: workspace, developmentPath: ROOT, testsPath: join(ROOT, 'out/test/integration/index.js') });
  logFile(`[harness] goto ${url}`);
  await page.goto(url);
} catch (error) {
  say(`[harness] ${error?.stack ?? error}`);
  await finish(2, 'harness error');
}

