import * as assert from 'node:assert/strict';
import { main, type CliIo } from '../../src/cli/main';
import { WORKSPACE } from './run-cli';

/** Runs the CLI in-process (to control the terminal and environment a child process cannot fake). */
function runInProcess(argv: string[], io: Partial<CliIo>): { status: number; out: string; err: string } {
  let out = '';
  let err = '';
  const status = main(argv, { cwd: WORKSPACE, out: (s) => (out += s), err: (s) => (err += s), ...io });
  return { status, out, err };
}

describe('cli: main() in process', () => {
  it('colors stylish output on a terminal unless NO_COLOR is set (non-empty) or --no-color is given', () => {
    const ESC = '\u001b[';
    assert.ok(runInProcess(['.'], { isTTY: true, env: {} }).out.includes(ESC));
    assert.ok(runInProcess(['.'], { isTTY: true, env: { NO_COLOR: '' } }).out.includes(ESC));
    assert.ok(!runInProcess(['.'], { isTTY: true, env: { NO_COLOR: '1' } }).out.includes(ESC));
    assert.ok(!runInProcess(['--no-color', '.'], { isTTY: true, env: {} }).out.includes(ESC));
    assert.ok(!runInProcess(['.'], { isTTY: false, env: {} }).out.includes(ESC));
    assert.ok(runInProcess(['--color', '.'], { isTTY: false, env: { NO_COLOR: '1' } }).out.includes(ESC));
  });

  it('reads --stdin through the io hook and returns the exit code instead of exiting', () => {
    const text = '{ "appId": "11111111-2222-4333-8444-555555555555", "publicClient": { "redirectUris": ["contoso-notes://auth"] } }';
    const result = runInProcess(['--stdin', '--stdin-filename', 'x/manifest.json', '--format', 'json'], { readStdin: () => Buffer.from(text) });
    assert.equal(result.status, 0, result.err);
    const report = JSON.parse(result.out) as { files: string[]; findings: { ruleId: string; column: number }[] };
    assert.deepEqual(report.files, ['x/manifest.json']);
    assert.deepEqual(
      report.findings.filter((f) => f.ruleId === 'custom-scheme-redirect').map((f) => f.column),
      [88],
    );
    const failing = runInProcess(['--stdin', '--stdin-filename', 'x.json'], {
      readStdin: () => {
        throw new Error('EAGAIN');
      },
    });
    assert.equal(failing.status, 2);
    assert.equal(failing.err, 'entra-auth-lint: nothing could be read from standard input: EAGAIN\n');
  });
});
