import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runFix } from '../../../src/cli/fix';
import { lintPaths } from '../../../src/core/engine/lint';
import { detectFormat } from '../../../src/core/formats';
import { FIXTURES } from '../../helpers/expectations';

const SOURCE = path.join(FIXTURES, 'rules/fix-workspace');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: (cwd: string) => ({ cwd, out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }) };
}

function snapshot(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else files.set(path.relative(root, full), fs.readFileSync(full));
    }
  }
  return files;
}

const unattendedFindings = (root: string) => lintPaths([root], root).findings.filter((f) => f.fixes.some((fix) => fix.unattended));

describe('cli: --fix and --fix-dry-run', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'eal-fix-'));
    fs.cpSync(SOURCE, root, { recursive: true });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('applies every unattended fix, keeps BOM and CRLF, and a second --fix changes nothing', () => {
    const before = snapshot(root);
    assert.ok(unattendedFindings(root).length >= 4);
    const first = capture();
    const outcome = runFix(lintPaths([root], root), { dryRun: false }, first.io(root));
    assert.equal(outcome.applied, 4);
    assert.deepEqual(outcome.changedFiles.map((f) => path.relative(root, f).split(path.sep).join('/')).sort(), [
      'android/app/src/main/AndroidManifest.xml',
      'android/app/src/main/res/raw/auth_config.json',
      'mobile/ios/Contoso/Info.plist',
      'registration/manifest.json',
    ]);
    assert.match(first.err.join(''), /fixed registration\/manifest\.json: Remove the duplicate redirect URI/);

    const manifest = fs.readFileSync(path.join(root, 'registration/manifest.json'));
    assert.deepEqual([...manifest.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
    const manifestText = manifest.toString('utf8').slice(1);
    assert.equal(
      manifestText,
      before.get(path.join('registration', 'manifest.json'))!.toString('utf8').slice(1).replace('      "https://contoso.example.com/signin-oidc",\r\n', ''),
    );
    assert.ok(!/[^\r]\n/.test(manifestText), 'CRLF kept');
    assert.ok(manifestText.includes('// admin portal'), 'comments kept');
    assert.match(
      fs.readFileSync(path.join(root, 'android/app/src/main/res/raw/auth_config.json'), 'utf8'),
      /"msauth:\/\/com\.contoso\.app\/aB3%2BcD4%2FeF5gH6iJ7kL8mN9oP0q%3D"/,
    );
    assert.match(fs.readFileSync(path.join(root, 'android/app/src/main/AndroidManifest.xml'), 'utf8'), /android:path="\/aB3\+cD4\/eF5gH6iJ7kL8mN9oP0q="/);
    assert.match(
      fs.readFileSync(path.join(root, 'mobile/ios/Contoso/Info.plist'), 'utf8'),
      /<string>contoso<\/string>\r\n\t\t\t\t<string>msauth\.com\.contoso\.app<\/string>\r\n/,
    );

    // Every file still parses, nothing fixable is left, and a second run writes nothing.
    const after = lintPaths([root], root);
    assert.deepEqual(
      after.findings.filter((f) => f.ruleId === 'parse-error'),
      [],
    );
    for (const file of after.files) assert.ok(detectFormat(file, fs.readFileSync(file, 'utf8')), file);
    assert.deepEqual(unattendedFindings(root), []);
    const fixedOnce = snapshot(root);
    const second = runFix(lintPaths([root], root), { dryRun: false }, capture().io(root));
    assert.deepEqual(second, { changedFiles: [], applied: 0, writeFailures: 0 });
    assert.deepEqual(snapshot(root), fixedOnce);
  });

  it('leaves fixes that need a person (urn, custom scheme) alone', () => {
    runFix(lintPaths([root], root), { dryRun: false }, capture().io(root));
    const text = fs.readFileSync(path.join(root, 'registration/manifest.json'), 'utf8');
    assert.ok(text.includes('"urn:ietf:wg:oauth:2.0:oob", "contoso-desktop://auth"'));
  });

  it('--fix-dry-run prints a unified diff and writes nothing', () => {
    const before = snapshot(root);
    const run = capture();
    const outcome = runFix(lintPaths([root], root), { dryRun: true }, run.io(root));
    assert.equal(outcome.changedFiles.length, 4);
    const diff = run.out.join('');
    assert.match(diff, /^--- a\/registration\/manifest\.json/m);
    assert.match(diff, /^\+\+\+ b\/registration\/manifest\.json/m);
    assert.match(diff, /^-      "https:\/\/contoso\.example\.com\/signin-oidc",\r?$/m);
    assert.match(diff, /^\+\t\t\t\t<string>msauth\.com\.contoso\.app<\/string>\r?$/m);
    assert.deepEqual(snapshot(root), before);
  });

  it('does not write a file that changed on disk since it was read', () => {
    const run = lintPaths([root], root);
    const config = path.join(root, 'android/app/src/main/res/raw/auth_config.json');
    const edited = fs.readFileSync(config, 'utf8').replace('"DEFAULT"', '"BROWSER"');
    fs.writeFileSync(config, edited);
    const io = capture();
    const outcome = runFix(run, { dryRun: false }, io.io(root));
    assert.equal(fs.readFileSync(config, 'utf8'), edited);
    assert.ok(!outcome.changedFiles.includes(config));
    assert.match(io.err.join(''), /auth_config\.json: not fixed \(changed on disk since it was read\)/);
    assert.equal(outcome.changedFiles.length, 3, 'the other files are still fixed');
  });

  it('never writes outside the PATHs given, even when the config root (suppression root) is above them (issue 15 item 9)', () => {
    const inner = path.join(root, 'registration');
    const run = lintPaths([inner], root);
    // A cross-file fix may name a file outside the PATH: it is refused, the rest is fixed.
    const outside = path.join(root, 'mobile/ios/Contoso/Info.plist');
    const before = fs.readFileSync(outside);
    run.project.setFile(outside, before.toString('utf8').replace(/^\uFEFF/, ''));
    const io = capture();
    const outcome = runFix(run, { dryRun: false }, io.io(root));
    assert.deepEqual(
      outcome.changedFiles.map((f) => path.relative(root, f).split(path.sep).join('/')),
      ['registration/manifest.json'],
    );
    assert.ok(fs.readFileSync(outside).equals(before));
  });
});
