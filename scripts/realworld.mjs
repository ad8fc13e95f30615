// The precision harness: lints folders you cloned yourself (real repositories) with the built CLI and prints,
// per rule, how many findings it made and at which severity, plus files read and files with findings, so
// anyone can repeat a measurement. It fetches nothing and is not part of `npm test`.
//
//   npm run realworld -- [options] FOLDER...
//     --samples N        also print up to N findings per rule (spread over the run) to judge by hand
//     --rule ID          only this rule in the samples (repeatable)
//     --json             print the summary as JSON instead of tables
//     --exclude GLOB, --config FILE, --no-config   passed to the CLI
//
// Each folder is linted as its own workspace (as `entra-auth-lint --format json .` run inside it), so
// cross-file links never reach from one repository into another.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error) => process.exit(error.code === 'EPIPE' ? 0 : 1));

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/cli.js');
const SEVERITIES = ['error', 'warning', 'information', 'hint'];

function usage(message) {
  if (message) console.error(message);
  console.error('usage: npm run realworld -- [--samples N] [--rule ID] [--json] [--exclude GLOB] [--config FILE | --no-config] FOLDER...');
  process.exit(2);
}

function parseArgs(argv) {
  const options = { folders: [], samples: 0, rules: [], json: false, cliArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${arg} needs a value`));
    if (arg === '--samples') options.samples = Number.parseInt(value(), 10);
    else if (arg === '--rule') options.rules.push(value());
    else if (arg === '--json') options.json = true;
    else if (arg === '--exclude')
      options.cliArgs.push(arg, value()); // a glob, relative to each folder
    else if (arg === '--config' || arg === '-c') options.cliArgs.push('--config', path.resolve(value()));
    else if (arg === '--no-config') options.cliArgs.push(arg);
    else if (arg === '-h' || arg === '--help') usage();
    else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
    else options.folders.push(path.resolve(arg));
  }
  if (!options.folders.length) usage('give at least one folder');
  if (!Number.isInteger(options.samples) || options.samples < 0) usage('--samples needs a whole number');
  return options;
}

/** Lints one folder with the CLI; returns its JSON report or the reason it has none. */
function lintFolder(folder, cliArgs) {
  const started = process.hrtime.bigint();
  const args = [cli, '--format', 'json', ...cliArgs, '.'];
  const result = spawnSync(process.execPath, args, { cwd: folder, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.error) return { folder, seconds, error: result.error.message };
  if (result.status !== 0 && result.status !== 1) return { folder, seconds, error: `exit ${result.status}: ${result.stderr.trim().split('\n')[0]}` };
  try {
    const report = JSON.parse(result.stdout);
    return { folder, seconds, files: report.files, findings: report.findings };
  } catch (error) {
    return { folder, seconds, error: `unreadable JSON output: ${error.message}` };
  }
}

/** Up to `n` items spread evenly over `items` (the same on every run). */
function spread(items, n) {
  if (items.length <= n) return items;
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]);
}

function pad(text, width, right = false) {
  const s = String(text);
  return right ? s.padStart(width) : s.padEnd(width);
}

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => pad(c, widths[i], i > 0)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const options = parseArgs(process.argv.slice(2));
if (!fs.existsSync(cli)) usage('dist/cli.js is missing: run `npm run build` (npm run realworld does)');
for (const folder of options.folders) if (!fs.existsSync(folder)) usage(`no such folder: ${folder}`);

const runs = options.folders.map((folder) => lintFolder(folder, options.cliArgs));

const perRule = new Map();
let filesRead = 0;
let filesWithFindings = 0;
let findingsTotal = 0;
for (const run of runs) {
  if (run.error) continue;
  filesRead += run.files.length;
  filesWithFindings += new Set(run.findings.map((f) => f.file)).size;
  findingsTotal += run.findings.length;
  for (const finding of run.findings) {
    let entry = perRule.get(finding.ruleId);
    if (!entry) perRule.set(finding.ruleId, (entry = { total: 0, files: new Set(), severities: Object.fromEntries(SEVERITIES.map((s) => [s, 0])), items: [] }));
    entry.total++;
    entry.files.add(`${run.folder}\0${finding.file}`);
    entry.severities[finding.severity] = (entry.severities[finding.severity] ?? 0) + 1;
    entry.items.push({ folder: run.folder, ...finding });
  }
}
const rules = [...perRule.entries()].sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]));

if (options.json) {
  const summary = {
    folders: runs.map((r) =>
      r.error
        ? { folder: r.folder, error: r.error }
        : {
            folder: r.folder,
            filesRead: r.files.length,
            filesWithFindings: new Set(r.findings.map((f) => f.file)).size,
            findings: r.findings.length,
            seconds: r.seconds,
          },
    ),
    filesRead,
    filesWithFindings,
    findings: findingsTotal,
    rules: Object.fromEntries(rules.map(([id, e]) => [id, { findings: e.total, files: e.files.size, ...e.severities }])),
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  process.exit(0);
}

const out = [];
out.push(
  table(
    ['folder', 'files read', 'with findings', 'findings', 'seconds'],
    runs.map((r) =>
      r.error
        ? [path.basename(r.folder), '—', '—', `error: ${r.error}`, r.seconds.toFixed(1)]
        : [path.basename(r.folder), r.files.length, new Set(r.findings.map((f) => f.file)).size, r.findings.length, r.seconds.toFixed(1)],
    ),
  ),
  '',
  `${runs.length} folder(s): ${filesRead} files read, ${filesWithFindings} with findings, ${findingsTotal} findings`,
  '',
  table(
    ['rule', 'findings', ...SEVERITIES, 'files'],
    rules.map(([id, e]) => [id, e.total, ...SEVERITIES.map((s) => e.severities[s]), e.files.size]),
  ),
);
if (options.samples > 0) {
  for (const [id, entry] of rules) {
    if (options.rules.length && !options.rules.includes(id)) continue;
    out.push('', `${id}: ${Math.min(options.samples, entry.total)} of ${entry.total}`);
    for (const f of spread(entry.items, options.samples)) {
      out.push(`  ${path.basename(f.folder)}/${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`);
    }
  }
}
process.stdout.write(`${out.join('\n')}\n`);
