// `npm run screenshots`: drives the real editor (code-server + headless Chromium, the extension installed
// as from a VSIX) over a copy of examples/ and writes the README's pictures to docs/images/:
//   diagnostics.png  squiggles, the diagnostic hover and the Problems panel
//   quick-fix.png    the quick fix menu on a custom-scheme redirect
//   hover.png        the AADSTS hover in a log file
//   explain.png      the "Explain AADSTS code" view beside the editor
// Options: --port N (default 8790), --out <dir>.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, copyWorkspace, demoWorkspace, ensureInstalled, installExtensionCopy, launchBrowser, ROOT, startCodeServer } from './code-server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const port = Number(option('port', 8790));
const out = option('out', join(ROOT, 'docs', 'images'));
const t0 = Date.now();
const say = (s) => console.log(`[screenshots +${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);

ensureInstalled();
build({ tests: false });
mkdirSync(out, { recursive: true });
const folder = copyWorkspace(demoWorkspace());
// The hover and Explain pictures need an error message to point at: the fixture log joins the copy.
mkdirSync(join(folder, 'logs'), { recursive: true });
if (!existsSync(join(folder, 'logs', 'signin-failure.log'))) copyFileSync(join(ROOT, 'test/fixtures/integration-ws/logs/signin-failure.log'), join(folder, 'logs', 'signin-failure.log'));
const onExamples = demoWorkspace().endsWith('examples');
const target = onExamples ? { file: 'authConfig.js', path: 'desktop-electron/src/authConfig.js', token: 'msal${CLIENT_ID}://auth' } : { file: 'desktop-app.json', path: 'registrations/desktop-app.json', token: 'fabrikam-desktop://auth' };

const extensionsDir = mkdtempSync(join(tmpdir(), 'entra-shots-ext-'));
installExtensionCopy(extensionsDir);
const server = await startCodeServer({
  port,
  extensionsDir,
  settings: {
    'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'extensions.autoCheckUpdates': false,
    'workbench.tips.enabled': false, 'editor.minimap.enabled': false, 'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden', 'editor.hover.delay': 200, 'editor.fontSize': 14,
    'window.commandCenter': false, 'workbench.layoutControl.enabled': false,
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
  const token = await tokenLocator(target.token);
  await token.hover({ position: { x: 12, y: 8 } });
  await page.waitForSelector('.monaco-hover:not(.hidden)', { timeout: 15000 }).catch(() => say('(no diagnostic hover)'));
  await page.waitForTimeout(700);
  await shot('diagnostics.png');

  // 2. the quick fix menu on the same value
  await page.mouse.move(5, 5);
  await token.click({ position: { x: 12, y: 8 } });
  await page.keyboard.press('Control+.');
  await page.waitForSelector('.action-widget, .context-view .monaco-list', { timeout: 15000 });
  await page.waitForTimeout(600);
  await shot('quick-fix.png');
  await page.keyboard.press('Escape');

  // 3. the AADSTS hover in a log file
  await page.keyboard.press('Control+J'); // hide the panel: more room for the hover
  await openFile('logs/signin-failure.log', 'signin-failure.log');
  const code50199 = await tokenLocator('AADSTS50199');
  await code50199.hover({ position: { x: 20, y: 8 } });
  await page.locator('.monaco-hover:not(.hidden)', { hasText: 'CmsiInterrupt' }).first().waitFor({ timeout: 20000 });
  await page.waitForTimeout(600);
  await shot('hover.png');

  // 4. "Explain AADSTS code" from the command palette, with the cursor on the code
  await page.mouse.move(5, 5);
  await code50199.click({ position: { x: 20, y: 8 } });
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
  await page.waitForTimeout(1500);
  await page.waitForSelector('.monaco-editor .markdown-preview, iframe.webview, .webview', { timeout: 20000, state: 'attached' }).catch(() => say('(no webview seen)'));
  await page.waitForTimeout(2500);
  await shot('explain.png');
  code = 0;
} catch (error) {
  say(`FAILED: ${error?.stack ?? error}`);
  try { await page?.screenshot({ path: join(tmpdir(), 'entra-screenshots-failure.png') }); say(`failure screen: ${join(tmpdir(), 'entra-screenshots-failure.png')}`); } catch { /* no page */ }
} finally {
  try { await browser?.close(); } catch { /* closing anyway */ }
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

/** The editor span holding `text` (tokenisation may split it, so fall back to the first piece). */
async function tokenLocator(text) {
  const whole = page.locator('.monaco-editor .view-line span span', { hasText: text }).first();
  if (await whole.count()) return whole;
  const line = page.locator('.monaco-editor .view-line', { hasText: text }).first();
  await line.waitFor({ timeout: 10000 });
  const pieces = line.locator('span span');
  const count = await pieces.count();
  for (let i = 0; i < count; i++) {
    const piece = pieces.nth(i);
    const content = await piece.textContent();
    if (content && content.trim() && text.startsWith(content.trim().slice(0, 4))) return piece;
  }
  return line;
}

async function shot(name) {
  await page.screenshot({ path: join(out, name) });
  say(`wrote ${join(out, name)}`);
}
