// Regenerates the committed expected CLI outputs (test/cli/golden/<case>.<format>) from dist/cli.js, and
// schemas/entra-auth-lint.schema.json from src/core/config/config-schema.ts. Run with `npm run golden:update`
// (which builds first), then review the diff: every change in it is a change users will see.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const goldenDir = path.join(root, 'test/cli/golden');
const { formats, cases } = JSON.parse(fs.readFileSync(path.join(goldenDir, 'cases.json'), 'utf8'));

/** The same normalisation as test/cli/golden.test.ts: only the tool version in SARIF. */
function normalise(format, output) {
  if (format !== 'sarif') return output;
  const log = JSON.parse(output);
  for (const run of log.runs) {
    run.tool.driver.version = '<version>';
    run.tool.driver.semanticVersion = '<version>';
  }
  return JSON.stringify(log, null, 2) + '\n';
}

let written = 0;
for (const { name, path: target } of cases) {
  if (!fs.existsSync(path.join(root, target))) {
    console.log(`skip ${name}: ${target} does not exist`);
    continue;
  }
  for (const format of formats) {
    const args = ['dist/cli.js', '--format', format, ...(format === 'stylish' ? ['--no-color'] : []), target];
    const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    if (result.status !== 0 && result.status !== 1) {
      console.error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
      process.exit(1);
    }
    const file = path.join(goldenDir, `${name}.${format}`);
    fs.writeFileSync(file, normalise(format, result.stdout));
    console.log(`wrote ${path.relative(root, file)} (exit ${result.status})`);
    written++;
  }
}

// The config file schema, built from the rule list.
const bundle = await build({
  entryPoints: [path.join(root, 'src/core/config/config-schema.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  mainFields: ['module', 'main'], // jsonc-parser's UMD build would keep relative requires
  logLevel: 'warning',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', bundle.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
const schemaFile = path.join(root, 'schemas/entra-auth-lint.schema.json');
fs.mkdirSync(path.dirname(schemaFile), { recursive: true });
fs.writeFileSync(schemaFile, JSON.stringify(module.exports.configJsonSchema(), null, 2) + '\n');
console.log(`wrote ${path.relative(root, schemaFile)}; ${written} golden files`);
