// Bundles the extension and the CLI with esbuild. `vscode` stays external: the editor provides it.
import { build } from 'esbuild';
import { createRequire } from 'node:module';

const production = process.argv.includes('--production');
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
  sourcemap: true,
  minify: true,
  logLevel: 'warning',
  legalComments: 'none',
  mainFields: ['module', 'main'],
  plugins: [msalConstants, lazyBabel],
};

await Promise.all([
  build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], sourcemap: !production }),
  build({ ...common, entryPoints: ['@babel/parser'], outfile: 'dist/babel-parser.js', plugins: [] }),
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, sourcemap: !production }),
]);
