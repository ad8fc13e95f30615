// Runs every generator of the repository and reports what it changed:
//   docs/rules/*.md, the README rule and format tables and its CLI samples, package.json's generated parts,
//   schemas/entra-auth-lint.schema.json, the CLI goldens (test/cli/golden) and the AADSTS catalogue module.
// `npm run check:generated` (part of `npm test`) fails when regenerating changes anything: a generated file
// was edited by hand, or its source changed without regenerating. `npm run generate` runs the same
// generators and only lists what they wrote. Both need `npm run build` and `npm run compile-tests` first (npm
// test runs them before this check; the script refuses build output older than the sources).
// The comparison is between the files before and after, not against git, so it works on a clean clone in CI
// and in a working tree with unrelated uncommitted changes alike.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

/** What the generators write (files, or folders whose every file is generated). */
const WATCHED = [
  'docs/rules',
  'README.md',
  'docs/development.md',
  'package.json',
  'schemas/entra-auth-lint.schema.json',
  'test/cli/golden',
  'src/core/aadsts/catalogue-data.ts',
];

/** Each generator, run from the repository root; they need the build (dist/) and the compiled tests (out/). */
const GENERATORS = [
  { name: 'rule docs, README tables, package.json', args: ['out/scripts/generate-docs.js'] },
  { name: 'CLI goldens and config schema', args: ['scripts/update-goldens.mjs'] },
  { name: 'README samples', args: ['scripts/update-readme-samples.mjs'] },
  { name: 'AADSTS catalogue', args: ['scripts/generate-catalogue.mjs'] },
];

function snapshot() {
  const files = new Map();
  const visit = (relative) => {
    const full = path.join(root, relative);
    let stat;
    try {
      stat = fs.lstatSync(full);
    } catch {
      return; // not there (yet): a generator may create it
    }
    if (stat.isDirectory()) for (const name of fs.readdirSync(full).sort()) visit(path.posix.join(relative, name));
    else if (stat.isFile()) files.set(relative, fs.readFileSync(full));
  };
  for (const relative of WATCHED) visit(relative);
  return files;
}

/** The first lines that differ, as `-`/`+` pairs, so the failure says what changed without a diff tool. */
function firstDifferences(before, after, limit = 3) {
  const a = before.toString('utf8').split('\n');
  const b = after.toString('utf8').split('\n');
  const out = [];
  for (let i = 0; i < Math.max(a.length, b.length) && out.length < limit * 2; i++) {
    if (a[i] === b[i]) continue;
    out.push(`    ${i + 1} - ${(a[i] ?? '(no line)').slice(0, 160)}`, `    ${i + 1} + ${(b[i] ?? '(no line)').slice(0, 160)}`);
  }
  return out;
}

/** Newest modification time of the TypeScript sources under `dirs`. */
function newestSource(dirs) {
  let newest = 0;
  const stack = dirs.map((d) => path.join(root, d));
  while (stack.length) {
    const dir = stack.pop();
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'fixtures' && entry.name !== 'scenarios') stack.push(full);
      else if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

// Stale build output would regenerate stale files and hide a real difference.
for (const [built, sources] of [
  ['dist/cli.js', ['src']],
  ['out/scripts/generate-docs.js', ['src', 'scripts', 'test']],
]) {
  const full = path.join(root, built);
  if (!fs.existsSync(full) || fs.statSync(full).mtimeMs < newestSource(sources)) {
    console.error(`${built} is missing or older than the sources: run \`npm run build && npm run compile-tests\` first (npm test does).`);
    process.exit(2);
  }
}

const before = snapshot();
for (const generator of GENERATORS) {
  const result = spawnSync(process.execPath, generator.args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 0) {
    console.error(`generator '${generator.name}' (node ${generator.args.join(' ')}) failed with exit ${result.status}:\n${result.stdout}${result.stderr}`);
    process.exit(2);
  }
}
const after = snapshot();

const changes = [];
for (const [file, content] of after) {
  if (!before.has(file)) changes.push({ file, what: 'created', lines: [] });
  else if (!before.get(file).equals(content)) changes.push({ file, what: 'changed', lines: firstDifferences(before.get(file), content) });
}
for (const file of before.keys()) if (!after.has(file)) changes.push({ file, what: 'removed', lines: [] });

if (!changes.length) {
  console.log(`generated files are up to date (${after.size} files from ${GENERATORS.length} generators)`);
  process.exit(0);
}
const report = changes.flatMap((c) => [`  ${c.what}: ${c.file}`, ...c.lines]);
if (!check) {
  console.log(`regenerated ${changes.length} file(s):\n${report.join('\n')}\nReview the diff (git diff) and commit it.`);
  process.exit(0);
}
console.error(
  `Regenerating changed ${changes.length} generated file(s):\n${report.join('\n')}\n` +
    'A generated file was stale or edited by hand. The regenerated files are now in the working tree: review them (git diff) and commit them.',
);
process.exit(1);
