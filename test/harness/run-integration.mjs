// `npm run test:integration`: runs test/integration/** with mocha INSIDE a real VS Code extension host —
// code-server 1.139 (Node 24) opened by headless Chromium with the same extensionDevelopmentPath +
// extensionTestsPath contract @vscode/test-electron uses. Three sessions: the single-folder fixture workspace
// (suite/), a two-folder .code-workspace (multi-root/) and the hostile workspace (hostile/: a copy of
// test/fixtures/hostile with its 30 MB, deeply nested, binary and symlink-loop files generated). Prints
// mocha's spec output and a combined
// `N passing` / `N failing` summary, and exits 0 when all passed, 1 when a test failed, 2 when the harness
// itself failed or timed out.
// Two more sessions: a workspace without auth files (plain/: the extension must stay inactive) and examples/
// with the extension installed as from the VSIX (packaged/: what `npm run demo` and screenshots install).
// Options: --port N (default 8765; the sessions use N … N+4), --timeout ms per session (default 900000),
// --keep (keep server state), --verbose (every workbench log line), --only suite|multi-root|hostile|plain|packaged.
// Env: ENTRA_ACTIVATION_OUT=<file> writes activation figures (JSON); ENTRA_TEST_RESULT_FILE=<file> a JSON summary.
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { format } from 'node:util';
import {
  build,
  copyWorkspace,
  demoWorkspace,
  ensureInstalled,
  installExtensionCopy,
  launchBrowser,
  NOISE,
  ROOT,
  startCodeServer,
  workbenchUrl,
} from './code-server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] && !args[i + 1].startsWith('--') ? args[i + 1] : fallback;
};
const PORT = Number(option('port', process.env.ENTRA_TEST_PORT ?? 8765));
const TIMEOUT_MS = Number(option('timeout', 900000));
const ONLY = option('only');
const VERBOSE = args.includes('--verbose');
const KEEP = args.includes('--keep');
const LOG_DIR = join(ROOT, '.vscode-test', 'logs');
mkdirSync(LOG_DIR, { recursive: true });
const LOG = join(LOG_DIR, 'integration.log');
rmSync(LOG, { force: true });

const START_MARKER = '[entra-auth-lint] integration tests start';
/** Workbench log lines that can interleave with mocha's output. */
const WORKBENCH_CHATTER =
  /^(Creating a socket|\[Service Worker\]|Creation of workbench contribution|Resolv|Updating additional|\[reconnection|Extension host|Started local extension host|Error: Timed out waiting for authentication|DialogService|Canceled: )/;
/**
 * Errors of VS Code's own extensions: its TypeScript server overflows its stack on the hostile workspace's
 * 200,000-deep authConfig.js and prints the whole stack; that is VS Code's problem, not a test result.
 */
const BUILTIN_EXTENSION_ERRORS =
  /\/lib\/vscode\/extensions\/|tsserver command|TypeScript Server Error|^Error processing request\. Maximum call stack|^An unknown error occurred\. Please consult the log/;
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const logFile = (s) => appendFileSync(LOG, `${s}\n`);
const say = (s) => {
  console.log(s);
  logFile(s);
};

/** One code-server + browser session running one group of suites; resolves with mocha's pass/fail counts. */
async function runSession({ name, folder, workspaceFile, suite, port, developmentPath = ROOT }) {
  const resultFile = join(tmpdir(), `entra-integration-${process.pid}-${name}.json`);
  rmSync(resultFile, { force: true });
  let server;
  let browser;
  let mochaStarted = false;
  try {
    server = await startCodeServer({
      port,
      // Activation figures come from the single-folder session only (the benchmark compares one set).
      env: { ENTRA_TEST_RESULT_FILE: resultFile, ENTRA_TEST_SUITE: suite, ...(suite === 'suite' ? {} : { ENTRA_ACTIVATION_OUT: '' }) },
      settings: {
        'workbench.startupEditor': 'none',
        'security.workspace.trust.enabled': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
      },
    });
    say(`[harness] ${name}: code-server up on 127.0.0.1:${port} (${elapsed()})`);
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('console', (m) => (VERBOSE ? say : logFile)(`[console.${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => logFile(`[pageerror] ${e}`));
    const exited = new Promise((resolve) => {
      server.server.on('exit', (code) => resolve({ code: 2, why: `code-server exited (code ${code})` }));
      setTimeout(() => resolve({ code: 2, why: `TIMEOUT: no result within ${TIMEOUT_MS / 1000} s` }), TIMEOUT_MS).unref();
      // Both hooks must exist before the page loads (the workbench looks them up when the tests end).
      void page.exposeFunction('codeAutomationExit', (code) => resolve({ code: code === 0 ? 0 : 1, why: `tests finished (codeAutomationExit ${code})` }));
    });
    await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
      // The extension host's console (mocha's spec reporter) arrives here as printf-style arguments.
      const text = format(...(logArgs ?? []).map((a) => (typeof a === 'string' ? a.replace(/%c/g, '') : a)));
      if (text.includes(START_MARKER)) mochaStarted = true;
      else if (text.startsWith('[entra-auth-lint log]')) logFile(text);
      else if (VERBOSE || (mochaStarted && !NOISE.test(text) && !WORKBENCH_CHATTER.test(text) && !BUILTIN_EXTENSION_ERRORS.test(text))) say(text);
      else logFile(`[${type}] ${text}`);
    });
    const url = workbenchUrl({ port, folder, workspaceFile, developmentPath, testsPath: join(ROOT, 'out/test/integration/index.js') });
    logFile(`[harness] goto ${url}`);
    await page.goto(url);
    const { code, why } = await exited;
    say(`[harness] ${name}: ${why} after ${elapsed()}`);
    const results = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined;
    return { code, results, server };
  } catch (error) {
    say(`[harness] ${name}: ${error?.stack ?? error}`);
    return { code: 2, server };
  } finally {
    try {
      await browser?.close();
    } catch {
      /* closing anyway */
    }
    if (server) {
      logFile(`\n----- ${name}: code-server output -----\n${server.output.join('')}`);
      if (KEEP) say(`[harness] kept code-server state in ${server.state}`);
    }
  }
}

/**
 * A temp copy of test/fixtures/hostile with its large and special files generated in place. The source's
 * own generated/ (left by the unit tests) is not copied: cpSync would turn the relative loop link into an
 * absolute one pointing back into the checkout.
 */
function hostileWorkspace() {
  const source = join(ROOT, 'test/fixtures/hostile');
  const folder = join(mkdtempSync(join(tmpdir(), 'entra-ws-')), 'hostile');
  const skipped = join(source, 'generated');
  cpSync(source, folder, { recursive: true, filter: (file) => file !== skipped && !file.startsWith(`${skipped}/`) });
  const { generateHostileFiles } = createRequire(import.meta.url)(join(ROOT, 'out/test/helpers/hostile.js'));
  generateHostileFiles(folder);
  return folder;
}

let exitCode = 0;
try {
  ensureInstalled();
  build();
  say(`[harness] built (${elapsed()})`);
  const sessions = [];
  if (!ONLY || ONLY === 'suite')
    sessions.push({ name: 'single folder', folder: copyWorkspace(join(ROOT, 'test/fixtures/integration-ws')), suite: 'suite', port: PORT });
  if (!ONLY || ONLY === 'multi-root') {
    const multi = copyWorkspace(join(ROOT, 'test/fixtures/integration-multi-root'));
    sessions.push({ name: 'multi-root', workspaceFile: join(multi, 'multi.code-workspace'), suite: 'multi-root', port: PORT + 1 });
  }
  if (!ONLY || ONLY === 'hostile') {
    const folder = hostileWorkspace();
    sessions.push({ name: 'hostile', folder, suite: 'hostile', port: PORT + 2, removeAfter: dirname(folder) }); // 30 MB: not left in /tmp
  }
  if (!ONLY || ONLY === 'plain')
    sessions.push({ name: 'no auth files', folder: copyWorkspace(join(ROOT, 'test/fixtures/integration-plain')), suite: 'plain', port: PORT + 3 });
  if (!ONLY || ONLY === 'packaged') {
    // The extension as the VSIX installs it, the copy `npm run demo` and `npm run screenshots` use.
    const installed = await installExtensionCopy(mkdtempSync(join(tmpdir(), 'entra-packaged-ext-')));
    sessions.push({
      name: 'packaged',
      folder: copyWorkspace(demoWorkspace()),
      suite: 'packaged',
      port: PORT + 4,
      developmentPath: installed,
      removeAfter: dirname(installed), // the temp extensions folder
    });
  }
  let passes = 0;
  let failures = 0;
  const all = [];
  for (const session of sessions) {
    const { code, results, server } = await runSession(session);
    if (session.suite === 'suite' && process.env.ENTRA_ACTIVATION_OUT && existsSync(process.env.ENTRA_ACTIVATION_OUT) && server) {
      // Add what the extension host log says (activation event, host start) to the figures the tests wrote.
      const figures = JSON.parse(readFileSync(process.env.ENTRA_ACTIVATION_OUT, 'utf8'));
      figures.extHostLog = server
        .extHostLog()
        .split('\n')
        .filter((l) => /^\d/.test(l) && /entra-auth-lint\.entra-auth-lint|Extension host with pid/.test(l))
        .slice(0, 20);
      writeFileSync(process.env.ENTRA_ACTIVATION_OUT, JSON.stringify(figures, null, 2));
    }
    server?.stop(KEEP);
    if (session.removeAfter && !KEEP) rmSync(session.removeAfter, { recursive: true, force: true });
    if (results) {
      passes += results.passes;
      failures += results.failures;
      all.push(...results.results.map((r) => ({ ...r, session: session.name })));
    }
    exitCode = Math.max(exitCode, code);
  }
  if (process.env.ENTRA_TEST_RESULT_FILE) writeFileSync(process.env.ENTRA_TEST_RESULT_FILE, JSON.stringify({ passes, failures, results: all }, null, 2));
  say('');
  say(`  ${passes} passing (all sessions, ${elapsed()})`);
  if (failures) say(`  ${failures} failing`);
  say(`${passes} passed, ${failures} failed`);
  if (exitCode === 2) say('[harness] a session did not finish; see .vscode-test/logs/integration.log');
} catch (error) {
  say(`[harness] ${error?.stack ?? error}`);
  exitCode = 2;
}
process.exit(exitCode);
