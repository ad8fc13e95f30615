import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LintSession, resolveConfig } from '../../../src/core/engine/session';
import { findConfigFile, loadConfigFile, MAX_CONFIG_FILE_BYTES } from '../../../src/core/config/config-file-fs';
import { CONFIG_FILE_NAME } from '../../../src/core/config/config-file';
import { encode } from '../../../src/core/io/text';

// The session (issue 12 item 4) owns config lookup, include/exclude, the size policy and stdin; these are
// the limits of issue 15 items 10 and 14 that it enforces.

describe('session: config lookup, config reading, excludes, size policy, stdin', function () {
  this.timeout(60_000);
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'eal-session-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('stops the config lookup at the repository root (.git), so a config above the checkout is ignored (item 10)', () => {
    fs.writeFileSync(path.join(root, CONFIG_FILE_NAME), '{ "exclude": ["**"] }');
    const repo = path.join(root, 'checkout');
    fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
    fs.mkdirSync(path.join(repo, 'src/app'), { recursive: true });
    assert.equal(findConfigFile(path.join(repo, 'src/app')), undefined);
    // A config in the repository root itself is still found.
    fs.writeFileSync(path.join(repo, CONFIG_FILE_NAME), '{}');
    assert.equal(findConfigFile(path.join(repo, 'src/app')), path.join(repo, CONFIG_FILE_NAME));
  });

  it('stops the config lookup at the boundary folder (the workspace folder)', () => {
    fs.writeFileSync(path.join(root, CONFIG_FILE_NAME), '{ "exclude": ["**"] }');
    fs.mkdirSync(path.join(root, 'ws/a'), { recursive: true });
    assert.equal(findConfigFile(path.join(root, 'ws/a'), path.join(root, 'ws')), undefined);
    assert.equal(findConfigFile(path.join(root, 'ws/a')), path.join(root, CONFIG_FILE_NAME));
  });

  it('refuses /dev/zero, a FIFO and an oversized config at once (item 14)', function () {
    assert.match(loadConfigFile('/dev/zero').errors[0].message, /not a regular file \(a device\)/);
    const fifo = path.join(root, 'fifo.json');
    if (spawnSync('mkfifo', [fifo]).status !== 0) this.skip();
    assert.match(loadConfigFile(fifo).errors[0].message, /not a regular file \(a named pipe\)/);
    const big = path.join(root, 'big.json');
    fs.writeFileSync(big, `{ "exclude": [${'"a",'.repeat(MAX_CONFIG_FILE_BYTES / 4)} "b"] }`);
    assert.match(loadConfigFile(big).errors[0].message, /larger than 4194304 bytes/);
  });

  it('reads UTF-16 config files with a BOM (item 15)', () => {
    for (const encoding of ['utf16le', 'utf16be'] as const) {
      const file = path.join(root, `${encoding}.json`);
      fs.writeFileSync(file, encode('{ "exclude": ["legacy/**"] }\r\n', { encoding, bom: true }));
      const loaded = loadConfigFile(file);
      assert.deepEqual(loaded.errors, [], encoding);
      assert.deepEqual(loaded.options, { exclude: ['legacy/**'] });
    }
  });

  it('a config with 200,000 excludes loads and matches quickly (item 14)', () => {
    const excludes = Array.from({ length: 200_000 }, (_, i) => `gen/p${i}/**`);
    fs.writeFileSync(path.join(root, CONFIG_FILE_NAME), JSON.stringify({ exclude: excludes }));
    const session = LintSession.open({ cwd: root, paths: [root] });
    assert.deepEqual(session.config.errors, []);
    assert.equal(session.isExcluded(path.join(root, 'gen/p199999/a/manifest.json')), true);
    assert.equal(session.isExcluded(path.join(root, 'src/manifest.json')), false);
  });

  it('a pathological pattern in the config is a config error at its key, not a hang', () => {
    fs.writeFileSync(path.join(root, CONFIG_FILE_NAME), '{ "exclude": ["@(a|b)"], "suppressions": [{ "rule": "*", "files": "!x", "reason": "r" }] }');
    const config = resolveConfig({ cwd: root, paths: [root] });
    assert.deepEqual(
      config.errors.map((e) => e.key),
      ['exclude[0]', 'suppressions[0].files'],
    );
  });

  it('isExcluded: patterns, default folders and folder patterns, relative to the first PATH', () => {
    const session = LintSession.open({
      cwd: root,
      paths: [root],
      noConfig: true,
      overrides: { exclude: ['legacy/', '*.tmp.json'] },
      extraExcludes: ['**/gen'],
    });
    assert.equal(session.isExcluded(path.join(root, 'legacy/a/manifest.json')), true);
    assert.equal(session.isExcluded(path.join(root, 'x/y.tmp.json')), false); // `*` stays in one segment
    assert.equal(session.isExcluded(path.join(root, 'y.tmp.json')), true);
    assert.equal(session.isExcluded(path.join(root, 'a/gen/manifest.json')), true);
    assert.equal(session.isExcluded(path.join(root, 'node_modules/x/manifest.json')), true);
    assert.equal(session.isExcluded(path.join(root, 'src/manifest.json')), false);
    assert.equal(session.isExcluded(path.join(os.tmpdir(), 'elsewhere.json')), false);
  });

  it('the size policy speaks of bytes for files and characters for documents', () => {
    const session = LintSession.open({ cwd: root, noConfig: true, overrides: { maxFileSizeBytes: 10 } });
    assert.equal(session.tooLarge(10), undefined);
    assert.match(session.tooLarge(11)!, /the file is 11 bytes, over the 10 bytes limit/);
    assert.match(session.tooLarge(11, 'characters')!, /the document has 11 characters/);
  });

  it('stdin over the limit is skipped with a finding and marked unreadable (item 14)', () => {
    const session = LintSession.open({ cwd: root, noConfig: true });
    const run = session.lintStdin('authConfig.js', Buffer.alloc(session.stdinLimit + 1, 0x20));
    assert.deepEqual(run.unreadable, [path.join(root, 'authConfig.js')]);
    assert.match(run.findings[0].message, /standard input is over the 5\.0 MB limit/);
  });
});
