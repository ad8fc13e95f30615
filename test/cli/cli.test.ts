import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HELP } from '../../src/cli/args';
import { runCli, type JsonReport } from './run-cli';

const CUSTOM_SCHEME_MANIFEST = JSON.stringify(
  { appId: '11111111-2222-4333-8444-555555555555', signInAudience: 'AzureADMyOrg', publicClient: { redirectUris: ['contoso-notes://auth'] } },
  null,
  2,
);
const CLEAN_MANIFEST = JSON.stringify(
  { appId: '11111111-2222-4333-8444-555555555555', signInAudience: 'AzureADMyOrg', web: { redirectUris: ['https://notes.contoso.example/signin'] } },
  null,
  2,
);

/** A throw-away workspace: files by relative path. */
function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eal-cli-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** The report, keeping only the findings of the rules these tests are about (other rules come and go). */
function json(stdout: string): JsonReport {
  const report = JSON.parse(stdout) as JsonReport;
  return { ...report, findings: report.findings.filter((f) => RULES_UNDER_TEST.includes(f.ruleId)) };
}

const RULES_UNDER_TEST = ['custom-scheme-redirect', 'parse-error'];

describe('cli: exit codes and options', () => {
  it('exits 1 when a finding is an error and reports every finding in the JSON contract', () => {
    const result = runCli(['--format', 'json', 'test/fixtures/cli-workspace']);
    assert.equal(result.status, 1);
    const report = json(result.stdout);
    assert.deepEqual(
      report.findings.map((f) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.ruleId} ${f.codes.join(',')}`),
      [
        'test/fixtures/cli-workspace/broken/manifest.json:5:15-5:36 warning custom-scheme-redirect AADSTS50199',
        'test/fixtures/cli-workspace/broken/manifest.json:6:5-6:6 error parse-error ',
        'test/fixtures/cli-workspace/desktop/manifest.json:12:23-12:60 warning custom-scheme-redirect AADSTS50199',
        'test/fixtures/cli-workspace/legacy/aad-manifest.json:7:15-7:62 warning custom-scheme-redirect AADSTS50199',
      ],
    );
    assert.equal(result.stderr, '');
  });

  it('exits 0 with warnings only, and 0 with no finding at all', () => {
    const warned = workspace({ 'app/manifest.json': CUSTOM_SCHEME_MANIFEST });
    const result = runCli(['--format', 'json', '.'], { cwd: warned });
    assert.equal(result.status, 0);
    assert.deepEqual(
      json(result.stdout).findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity}`),
      ['app/manifest.json:6:8 warning'],
    );
    const clean = workspace({ 'manifest.json': CLEAN_MANIFEST });
    const cleanResult = runCli(['.'], { cwd: clean });
    assert.equal(cleanResult.status, 0);
    assert.equal(cleanResult.stdout, '0 problems (0 errors, 0 warnings, 0 information) in 1 file checked\n');
  });

  it('--max-warnings N exits 1 only when there are more than N warnings', () => {
    const dir = workspace({ 'a/manifest.json': CUSTOM_SCHEME_MANIFEST, 'b/manifest.json': CUSTOM_SCHEME_MANIFEST });
    assert.equal(runCli(['--max-warnings', '2', '.'], { cwd: dir }).status, 0);
    const over = runCli(['--max-warnings', '1', '.'], { cwd: dir });
    assert.equal(over.status, 1);
    assert.equal(over.stderr, 'entra-auth-lint: 2 warnings found, more than --max-warnings 1\n');
    const bad = runCli(['--max-warnings', 'many', '.'], { cwd: dir });
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr, "entra-auth-lint: --max-warnings needs a whole number of 0 or more, got 'many'\n");
  });

  it('--quiet reports errors only (but warnings still count for --max-warnings)', () => {
    const result = runCli(['--quiet', '--format', 'json', 'test/fixtures/cli-workspace']);
    assert.equal(result.status, 1);
    assert.deepEqual(
      json(result.stdout).findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`),
      ['6:5 parse-error'], // one per file: the second problem is its related information
    );
    const dir = workspace({ 'manifest.json': CUSTOM_SCHEME_MANIFEST });
    const quiet = runCli(['--quiet', '--max-warnings', '0', '--format', 'json', '.'], { cwd: dir });
    assert.deepEqual(json(quiet.stdout).findings, []);
    assert.equal(quiet.status, 1);
  });

  it('exits 2 with a one-line error for usage errors and unreadable paths', () => {
    const cases: [string[], string][] = [
      [['--format', 'xml', '.'], "entra-auth-lint: unknown --format 'xml' (expected one of: stylish, json, sarif, github)"],
      [[], 'entra-auth-lint: no PATH given (usage: entra-auth-lint [options] PATH...; see --help)'],
      [['--frobnicate', '.'], "entra-auth-lint: Unknown option '--frobnicate'"],
      [['--stdin', '.'], 'entra-auth-lint: --stdin needs --stdin-filename NAME (the name picks the file format)'],
      [['--stdin', '--stdin-filename', 'a.json', '.'], 'entra-auth-lint: --stdin reads no PATH; give the file name with --stdin-filename'],
      [['--stdin-filename', 'a.json', '.'], 'entra-auth-lint: --stdin-filename is only used with --stdin'],
      [['--fix', '--fix-dry-run', '.'], 'entra-auth-lint: --fix and --fix-dry-run cannot be used together'],
      [['--config', 'x.json', '--no-config', '.'], 'entra-auth-lint: --config and --no-config cannot be used together'],
    ];
    for (const [args, stderr] of cases) {
      const result = runCli(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.ok(result.stderr.startsWith(stderr), `${result.stderr} !~ ${stderr}`);
      assert.equal(result.stderr.split('\n').length, 2, `one line: ${result.stderr}`);
      assert.equal(result.stdout, '', args.join(' '));
    }
    // An unreadable path is named on its own line before the summary line.
    const missing = runCli(['no/such/folder']);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'entra-auth-lint: no/such/folder: no such file or folder\nentra-auth-lint: nothing could be read from the given paths\n');
  });

  it('--version prints the package version and --help documents every option', () => {
    const version = runCli(['--version']);
    assert.equal(version.status, 0);
    assert.equal(version.stdout, `${(JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as { version: string }).version}\n`);
    const help = runCli(['--help']);
    assert.equal(help.status, 0);
    assert.equal(help.stdout, HELP);
    for (const option of [
      '--format',
      '--exclude',
      '--config',
      '--no-config',
      '--max-warnings',
      '--quiet',
      '--color',
      '--no-color',
      '--stdin',
      '--stdin-filename',
      '--fix',
      '--fix-dry-run',
      '--help',
      '--version',
    ]) {
      assert.match(help.stdout, new RegExp(`${option}\\b`), option);
    }
    for (const format of ['stylish', 'json', 'sarif', 'github']) assert.match(help.stdout, new RegExp(`\\b${format}\\b`));
  });

  it('colors stylish output only when asked or on a terminal, and never with --no-color', () => {
    const dir = workspace({ 'manifest.json': CUSTOM_SCHEME_MANIFEST });
    assert.doesNotMatch(runCli(['.'], { cwd: dir }).stdout, /\u001b\[/);
    assert.match(runCli(['--color', '.'], { cwd: dir, env: { NO_COLOR: undefined } }).stdout, /\u001b\[33mwarning/);
    assert.doesNotMatch(runCli(['--no-color', '.'], { cwd: dir }).stdout, /\u001b\[/);
    assert.equal(runCli(['--color', '--no-color', '.'], { cwd: dir }).status, 2);
  });

  it('--exclude skips matching paths', () => {
    const result = runCli(['--format', 'json', '--exclude', 'broken/**', '--exclude', 'legacy/**', 'test/fixtures/cli-workspace']);
    assert.equal(result.status, 0);
    assert.deepEqual(
      json(result.stdout).findings.map((f) => f.file),
      ['test/fixtures/cli-workspace/desktop/manifest.json'],
    );
  });
});

describe('cli: --stdin', () => {
  it('lints standard input as the named file, with positions in that text', () => {
    const result = runCli(['--stdin', '--stdin-filename', 'apps/desktop/manifest.json', '--format', 'json', '--no-config'], { input: CUSTOM_SCHEME_MANIFEST });
    assert.equal(result.status, 0);
    const report = json(result.stdout);
    assert.deepEqual(report.files, ['apps/desktop/manifest.json']);
    assert.deepEqual(
      report.findings.map((f) => `${f.file}:${f.line}:${f.column}-${f.endColumn} ${f.ruleId}`),
      ['apps/desktop/manifest.json:6:8-28 custom-scheme-redirect'],
    );
  });

  it('handles a BOM and reports parse errors of the piped text with exit 1', () => {
    const result = runCli(['--stdin', '--stdin-filename', 'manifest.json', '--format', 'json', '--no-config'], {
      input: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{ "appId": "11111111-2222-4333-8444-555555555555", "replyUrlsWithType": [ ')]),
    });
    assert.equal(result.status, 1);
    assert.ok(json(result.stdout).findings.every((f) => f.ruleId === 'parse-error' && f.line === 1));
  });

  it('reports nothing (exit 0) for a file name no format reads', () => {
    const result = runCli(['--stdin', '--stdin-filename', 'notes.txt', '--format', 'json', '--no-config'], { input: 'myapp://auth' });
    assert.equal(result.status, 0);
    assert.deepEqual(json(result.stdout), { files: [], findings: [] });
  });
});

describe('cli: .entra-auth-lint.json', () => {
  it('is found by walking up from the first PATH and applies allowedSchemes, rules and suppressions', () => {
    const dir = workspace({
      '.entra-auth-lint.json': JSON.stringify({
        allowedSchemes: ['contoso-notes'],
        rules: { 'parse-error': 'warning' },
        suppressions: [{ rule: 'custom-scheme-redirect', files: 'vendor-apps/**', reason: 'Owned by the vendor.' }],
      }),
      'apps/notes/manifest.json': CUSTOM_SCHEME_MANIFEST,
      'apps/other/manifest.json': CUSTOM_SCHEME_MANIFEST.replace('contoso-notes', 'contoso-other'),
      'vendor-apps/x/manifest.json': CUSTOM_SCHEME_MANIFEST.replace('contoso-notes', 'vendor-x'),
      'apps/broken/manifest.json': '{ "appId": "11111111-2222-4333-8444-555555555555", "replyUrlsWithType": [ ',
    });
    const result = runCli(['--format', 'json', 'apps', 'vendor-apps'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr); // parse-error lowered to a warning
    assert.deepEqual(
      json(result.stdout).findings.map((f) => `${f.file} ${f.ruleId} ${f.severity}`),
      ['apps/broken/manifest.json parse-error warning', 'apps/other/manifest.json custom-scheme-redirect warning'],
    );
    // From a subfolder, the same file is found above it.
    const nested = runCli(['--format', 'json', '.'], { cwd: path.join(dir, 'apps/notes') });
    assert.deepEqual(json(nested.stdout).findings, []);
    // --no-config ignores it; --config points elsewhere.
    assert.equal(json(runCli(['--format', 'json', '--no-config', '.'], { cwd: path.join(dir, 'apps/notes') }).stdout).findings.length, 1);
  });

  it('--config FILE uses that file, and a missing one is a usage error', () => {
    const dir = workspace({ 'ci/strict.json': JSON.stringify({ rules: { 'custom-scheme-redirect': 'error' } }), 'manifest.json': CUSTOM_SCHEME_MANIFEST });
    const strict = runCli(['--config', 'ci/strict.json', '--format', 'json', '.'], { cwd: dir });
    assert.equal(strict.status, 1);
    assert.deepEqual(
      json(strict.stdout).findings.map((f) => f.severity),
      ['error'],
    );
    const missing = runCli(['--config', 'ci/none.json', '.'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'entra-auth-lint: config error: ci/none.json:1:1: cannot read the config file: no such file\n');
  });

  it('an unknown key, an unknown rule id or a bad value exits 2 with one line naming the key', () => {
    const cases: [unknown, string][] = [
      [
        { rulez: {} },
        ".entra-auth-lint.json:1:2: rulez: unknown key (did you mean 'rules'?) (allowed: $schema, rules, exclude, include, allowedSchemes, maxFileSizeBytes, suppressions, testPaths)",
      ],
      [
        { rules: { 'custom-scheme-redirects': 'off' } },
        ".entra-auth-lint.json:1:11: rules.custom-scheme-redirects: unknown rule id (did you mean 'custom-scheme-redirect'?)",
      ],
      [
        { rules: { 'parse-error': 'warn' } },
        ".entra-auth-lint.json:1:25: rules.parse-error: severity must be one of off, hint, information, warning, error, found 'warn'",
      ],
      [{ maxFileSizeBytes: -1 }, '.entra-auth-lint.json:1:21: maxFileSizeBytes: must be a positive whole number of bytes, found -1'],
      [
        { suppressions: [{ rule: '*', files: '**/*.json' }] },
        '.entra-auth-lint.json:1:18: suppressions[0].reason: is required (say why the team accepts it, for the next reader)',
      ],
    ];
    for (const [config, expected] of cases) {
      const dir = workspace({ '.entra-auth-lint.json': JSON.stringify(config), 'manifest.json': CLEAN_MANIFEST });
      const result = runCli(['.'], { cwd: dir });
      assert.equal(result.status, 2, expected);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr.split('\n').length, 2, result.stderr);
      assert.ok(result.stderr.startsWith(`entra-auth-lint: config error: ${expected}`), `${result.stderr} !~ ${expected}`);
    }
  });
});

describe('cli: --fix and --fix-dry-run', () => {
  const duplicated =
    '{\n  "appId": "11111111-2222-4333-8444-555555555555",\n  "signInAudience": "AzureADMyOrg",\n  "web": { "redirectUris": ["https://notes.contoso.example/cb", "https://notes.contoso.example/cb"] }\n}\n';
  const fixed = duplicated.replace(', "https://notes.contoso.example/cb"]', ']');

  it('--fix-dry-run prints the diff and changes nothing', () => {
    const dir = workspace({ 'manifest.json': duplicated });
    const result = runCli(['--fix-dry-run', '.'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^\+ {2}"web": \{ "redirectUris": \["https:\/\/notes\.contoso\.example\/cb"\] \}$/m);
    assert.equal(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'), duplicated);
  });

  it('--fix applies the unattended fix, lints again and reports what remains', () => {
    const dir = workspace({ 'manifest.json': duplicated });
    const before = JSON.parse(runCli(['--format', 'json', '.'], { cwd: dir }).stdout) as JsonReport;
    assert.ok(before.findings.some((f) => f.ruleId === 'duplicate-redirect'));
    const result = runCli(['--fix', '--format', 'json', '.'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'), fixed);
    assert.deepEqual(
      (JSON.parse(result.stdout) as JsonReport).findings.filter((f) => f.ruleId === 'duplicate-redirect'),
      [],
    );
  });
});
