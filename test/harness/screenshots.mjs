// `npm run screenshots`: drives the real editor (code-server + headless Chromium, the extension installed
// as from a VSIX) over a copy of examples/ and writes the README's pictures to docs/images/:
//   diagnostics.png  squiggles, the diagnostic hover (message and detail) and the Problems panel
//   quick-fix.png    the quick fix menu on a custom-scheme redirect (the safe redirect first, preferred)
//   hover.png        the AADSTS hover in a log file
//   explain.png      the "Explain AADSTS code" view beside the editor
// The extension is installed exactly as the VSIX installs it (installExtensionCopy), so the pictures show
// what a user gets.
// Options: --port N (default 8790), --out <dir>.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, copyWorkspace, demoWorkspace, ensureInstalled, installExtensionCopy, launchBrowser, ROOT, startCodeServer } from './code-server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const port = Number(option('port', 8790));
const out = option('out', join(ROOT, 'docs', 'images'));
const t0 = Date.now();
const say = (s) => console.log(`[screenshots +${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);

ensureInstalled();
build({ tests: false });
mkdirSync(out, { recursive: true });
const folder = copyWorkspace(demoWorkspace());
// The hover and Explain pictures point at examples/logs/signin-failure.log (copied from the fixtures if absent).
mkdirSync(join(folder, 'logs'), { recursive: true });
if (!existsSync(join(folder, 'logs', 'signin-failure.log')))
  copyFileSync(join(ROOT, 'test/fixtures/integration-ws/logs/signin-failure.log'), join(folder, 'logs', 'signin-failure.log'));
const onExamples = demoWorkspace().endsWith('examples');
const target = onExamples
  ? { file: 'authConfig.js', path: 'desktop-electron/src/authConfig.js', token: 'msal${CLIENT_ID}://auth' }
  : { file: 'desktop-app.json', path: 'registrations/desktop-app.json', token: 'fabrikam-desktop://auth' };

const extensionsDir = mkdtempSync(join(tmpdir(), 'entra-shots-ext-'));
await installExtensionCopy(extensionsDir);
const server = await startCodeServer({
  port,
  extensionsDir,
  settings: {
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'extensions.autoCheckUpdates': false,
    'workbench.tips.enabled': false,
    'editor.minimap.enabled': false,
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'editor.hover.delay': 200,
    'editor.fontSize': 14,
    'window.commandCenter': false,
    'workbench.layoutControl.enabled': false,
  },
});
let browser;
let code = 1;
let page;
try {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 880 } });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
  await page.waitForSelector('.monaco-workbench .explorer-folders-view', { timeout: 90000 });
  await page.waitForSelector('.statusbar-item', { timeout: 30000 });
  say('workbench ready');

  // 1. squiggles, the diagnostic hover and the Problems panel
  await openFile(target.path, target.file);
  await page.waitForSelector('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error', { timeout: 60000 });
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 30000 });
  await goTo(target.path, target.token);
  await showHover();
  await shot('diagnostics.png');

  // 2. the quick fix menu on the same value
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+.');
  await page.waitForSelector('.action-widget', { timeout: 15000 });
  await page.waitForTimeout(600);
  await shot('quick-fix.png');
  await page.keyboard.press('Escape');

  // 3. the AADSTS hover in a log file
  await page.keyboard.press('Control+J'); // hide the panel: more room for the hover
  await openFile('logs/signin-failure.log', 'signin-failure.log');
  await goTo('logs/signin-failure.log', 'AADSTS50199');
  await showHover('CmsiInterrupt');
  await shot('hover.png');

  // 4. "Explain AADSTS code" from the command palette, with the cursor on the code
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.keyboard.type('Explain AADSTS code');
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
  // With the cursor on a code the command explains it at once; otherwise it asks: search by number.
  await page.waitForTimeout(1000);
  const picker = page.locator('.quick-input-widget:not(.hidden) .quick-input-title', { hasText: 'Explain AADSTS code' });
  if (await picker.count()) {
    await page.keyboard.type('50199');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'CmsiInterrupt' }).first().waitFor({ timeout: 10000 });
    await page.keyboard.press('Enter');
  }
  await page.locator('.tab', { hasText: 'AADSTS50199' }).first().waitFor({ timeout: 20000 });
  await page.waitForTimeout(3000); // the explanation renders in a webview
  await shot('explain.png');
  code = 0;
} catch (error) {
  say(`FAILED: ${error?.stack ?? error}`);
  try {
    await page?.screenshot({ path: join(tmpdir(), 'entra-screenshots-failure.png') });
    say(`failure screen: ${join(tmpdir(), 'entra-screenshots-failure.png')}`);
  } catch {
    /* no page */
  }
} finally {
  try {
    await browser?.close();
  } catch {
    /* closing anyway */
  }
  server.stop();
  process.exit(code);
}

async function openFile(relative, name) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget:not(.hidden) input', { timeout: 15000 });
  await page.keyboard.type(relative);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 15000 });
  await page.waitForTimeout(800);
}

/** Puts the cursor a few characters into the first `token` of a file (Go to Line/Column, no mouse). */
async function goTo(relative, token) {
  const text = readFileSync(join(folder, relative), 'utf8');
  const offset = text.indexOf(token);
  if (offset < 0) throw new Error(`${token} is not in ${relative}`);
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = before[before.length - 1].length + 1 + Math.min(4, token.length - 1);
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget:not(.hidden) input', { timeout: 10000 });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(400);
}

/** Editor: Show Hover (Ctrl+K Ctrl+I) at the cursor, then waits for it (optionally for a text in it). */
async function showHover(text) {
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = text ? page.locator('.monaco-hover:not(.hidden)', { hasText: text }) : page.locator('.monaco-hover:not(.hidden)');
  await hover.first().waitFor({ timeout: 15000 });
  await page.waitForTimeout(600);
}

async function shot(name) {
  await page.screenshot({ path: join(out, name) });
  say(`wrote ${join(out, name)}`);
}
