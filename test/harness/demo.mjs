// `npm run demo`: builds the extension, installs it into a real VS Code (code-server) and serves the
// examples/ workspace (a copy, so you can edit freely) on 127.0.0.1. Open the printed URL in a browser.
// Stays up until Ctrl-C. Options: --port N (default 8080), --folder <path> (another workspace, opened in place).
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { build, copyWorkspace, demoWorkspace, ensureInstalled, installExtensionCopy, startCodeServer } from './code-server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const port = Number(option('port', process.env.PORT ?? 8080));

ensureInstalled();
build({ tests: false });
const folder = option('folder') ?? copyWorkspace(demoWorkspace());
const extensionsDir = mkdtempSync(join(tmpdir(), 'entra-demo-ext-'));
await installExtensionCopy(extensionsDir);
const server = await startCodeServer({
  port,
  extensionsDir,
  settings: {
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.tips.enabled': false,
  },
});
const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
console.log(`
Entra Auth Lint demo: a real VS Code (code-server) with the extension installed.

  Open:       ${url}
  Workspace:  ${folder}${option('folder') ? '' : ' (a copy of ' + demoWorkspace() + ')'}

Try: open desktop-electron/src/authConfig.js, hover the squiggle, press Ctrl+. for the safe-redirect fix,
open the Problems panel (Ctrl+Shift+M) and click a rule link, or run "Entra Auth Lint: Explain AADSTS code"
from the command palette.
Press Ctrl-C to stop.
`);
const stop = () => {
  server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.server.on('exit', (code) => {
  console.log(`code-server exited (${code})`);
  process.exit(code ?? 1);
});
