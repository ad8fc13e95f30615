// `node test/harness/icon.mjs`: renders images/icon.svg to images/icon.png (256×256, the marketplace icon)
// with the harness's headless Chromium, so the PNG always matches its source.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, ROOT } from './code-server.mjs';

const svg = readFileSync(join(ROOT, 'images/icon.svg'), 'utf8');
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 256, height: 256 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: join(ROOT, 'images/icon.png'), omitBackground: true });
  console.log('wrote images/icon.png');
} finally {
  await browser.close();
}
