// Bundles the extension, its lint worker and the CLI with esbuild. `vscode` stays external: the editor
// provides it. `--production` (vscode:prepublish, the VSIX) writes no source maps and no map comments;
// a development build maps every bundle but the Babel one. `--outdir DIR` writes the bundles to DIR
// instead of dist/ (the harness installs a production copy that way).
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const outdirIndex = process.argv.indexOf('--outdir');
const outdir = outdirIndex >= 0 ? process.argv[outdirIndex + 1] : 'dist';
const require = createRequire(import.meta.url);

/**
 * The engine takes MSAL's error-code constants and cloud hosts from @azure/msal-node (the source of truth,
 * and what the unit tests run against). At run time only those values are needed, so the bundles get them
 * as a small module generated from the installed msal-node at build time instead of msal-node's whole
 * client, which would cost every CLI run and every activation tens of milliseconds to evaluate.
 */
const msalConstants = {
  name: 'msal-node-constants',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^@azure\/msal-node$/ }, (args) => ({ path: args.path, namespace: 'msal-node-constants' }));
    esbuild.onLoad({ filter: /.*/, namespace: 'msal-node-constants' }, () => {
      const msal = require('@azure/msal-node');
      const names = [
        'AzureCloudInstance',
        'AuthErrorCodes',
        'ClientAuthErrorCodes',
        'ClientConfigurationErrorCodes',
        'InteractionRequiredAuthErrorCodes',
        'version',
      ];
      const contents = names.map((name) => `export const ${name} = ${JSON.stringify(msal[name])};`).join('\n');
      return { contents, loader: 'js' };
    });
  },
};

/**
 * @babel/parser is a third of the bundle and only JS/TS configs need it (msal-js.ts requires it lazily), so it
 * ships as dist/babel-parser.js beside the bundles and is loaded on the first JS/TS file, not at start-up.
 */
const lazyBabel = {
  name: 'lazy-babel-parser',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^@babel\/parser$/ }, () => ({ path: './babel-parser.js', external: true }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: true,
  logLevel: 'warning',
  legalComments: 'none',
  mainFields: ['module', 'main'],
  plugins: [msalConstants, lazyBabel],
};

await Promise.all([
  build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: join(outdir, 'extension.js'), external: ['vscode'] }),
  // The engine off the extension host's thread (src/extension/engine/lint-worker.ts).
  build({ ...common, entryPoints: ['src/extension/engine/lint-worker.ts'], outfile: join(outdir, 'lint-worker.js') }),
  // Third-party code, not ours to debug: never mapped, so no bundle points to a map it does not ship.
  build({ ...common, entryPoints: ['@babel/parser'], outfile: join(outdir, 'babel-parser.js'), plugins: [], sourcemap: false }),
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: join(outdir, 'cli.js'), banner: { js: '#!/usr/bin/env node' } }),
]);

// No map without its bundle's own build: a production build (or Babel's, never mapped) leaves none behind.
if (existsSync(outdir)) {
  for (const name of readdirSync(outdir)) {
    if (name.endsWith('.map') && (production || name === 'babel-parser.js.map')) rmSync(join(outdir, name), { force: true });
  }
}
