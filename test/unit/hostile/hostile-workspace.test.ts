import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { executedMarkers, generateHostileFiles, HOSTILE_DIR, type HostileFiles } from '../../helpers/hostile';

const REPO = path.resolve(__dirname, '../../../..');
const CLI = path.join(REPO, 'dist/cli.js');

interface JsonFinding {
  file: string;
  line: number;
  ruleId: string;
  severity: string;
  codes: string[];
  message: string;
}

describe('hostile workspace: the CLI over test/fixtures/hostile', function () {
  this.timeout(120_000); // generating 30 MB and running the CLI; the 30 s bound is the CLI's own kill timer
  let files: HostileFiles;
  let status: number | null;
  let stderr: string;
  let findings: JsonFinding[];
  let reported: string[];
  const rel = (file: string) => path.relative(REPO, file).replace(/\\/g, '/');
  const of = (file: string, ruleId: string) => findings.filter((f) => f.file === rel(file) && f.ruleId === ruleId);

  before(() => {
    files = generateHostileFiles(HOSTILE_DIR);
    for (const marker of executedMarkers()) throw new Error(`a marker from an earlier run is present: ${marker}`);
    const run = spawnSync(process.execPath, [CLI, '--no-config', '--format', 'json', rel(HOSTILE_DIR)], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 30_000,
      maxBuffer: 1 << 26,
    });
    assert.equal(run.error, undefined, `the CLI did not finish within 30 s: ${run.error?.message}`);
    status = run.status;
    stderr = run.stderr;
    const report = JSON.parse(run.stdout) as { files: string[]; findings: JsonFinding[] };
    findings = report.findings;
    reported = report.files;
  });

  it('exits 0 or 1 with valid JSON (no crash, no usage error)', () => {
    assert.ok(status === 0 || status === 1, `exit ${status}; stderr: ${stderr}`);
    assert.doesNotMatch(stderr, /internal error|RangeError|Maximum call stack/);
  });

  it('reports a parse-error for the malformed manifest and still the custom scheme in it', () => {
    const malformed = path.join(HOSTILE_DIR, 'malformed/manifest.json');
    assert.ok(of(malformed, 'parse-error').length > 0, 'parse-error');
    assert.deepEqual(
      of(malformed, 'custom-scheme-redirect').map((f) => f.line),
      [6],
    );
  });

  it('skips the 30 MB manifest with an information finding naming the limit', () => {
    const [skipped] = of(files.huge, 'file-skipped');
    assert.equal(skipped?.severity, 'information');
    assert.match(skipped.message, /30\.0 MB, over the 5\.0 MB limit/);
    assert.deepEqual(of(files.huge, 'custom-scheme-redirect'), []);
  });

  it('survives 200,000 levels of nesting: a parse problem, and the reply URL after it is still read', () => {
    assert.match(of(files.deepManifest, 'parse-error')[0]?.message ?? '', /nested deeper than \d+ levels/);
    assert.deepEqual(
      of(files.deepManifest, 'custom-scheme-redirect').map((f) => f.line),
      [4],
    );
    assert.ok(reported.includes(rel(files.deepScript)), 'the deeply nested script is read (or skipped) without a crash');
  });

  it('reports binary data named Info.plist as skipped, not as a crash', () => {
    assert.match(of(files.binaryPlist, 'file-skipped')[0]?.message ?? '', /binary/);
  });

  it('walks the symbolic-link loop once and says so', () => {
    assert.match(stderr, /loop\/self: symbolic link to a folder already read/);
    assert.equal(reported.filter((f) => f.includes('/loop/')).length, 0);
  });

  it('reads the booby-trapped files without running them', () => {
    assert.deepEqual(executedMarkers(), []);
    const trap = (name: string) => path.join(HOSTILE_DIR, 'booby-trap', name);
    // The custom scheme is also unregistered: one finding (unregistered-redirect) carries both codes.
    const prompts = (file: string) => findings.filter((f) => f.file === rel(file) && f.codes.includes('AADSTS50199'));
    assert.equal(prompts(trap('authConfig.js')).length, 1, 'authConfig.js is parsed');
    assert.equal(prompts(trap('authConfig.ts')).length, 1, 'authConfig.ts is parsed');
  });
});
