import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discover } from '../../../src/core/io/discovery';
import { FORMATS } from '../../../src/core/formats';
import { blankRegions, MAX_JSON_DEPTH, tooDeepRegions } from '../../../src/core/parsing/json-depth';
import { parseJson } from '../../../src/core/parsing/json-util';
import { lintPaths, lintText } from '../../../src/core/engine/lint';
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_WORK_BUDGET } from '../../../src/core/engine/options';
import { Project } from '../../../src/core/engine/project';
import { RULES } from '../../../src/core/rules';
import type { FileRule } from '../../../src/core/rules/types';
import { decode } from '../../../src/core/io/text';
import { seedsFor } from '../../fuzz/seeds';

const MANIFEST =
  '{\n  "appId": "6f1d2c3b-4a59-4e8d-9c7b-0a1b2c3d4e5f",\n  "replyUrlsWithType": [ { "url": "limits-test://auth", "type": "InstalledClient" } ]\n}\n';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'entra-limits-'));
}

describe('limits: file size, nesting depth, work budget, symlink loops, undecodable bytes', function () {
  this.timeout(120_000);

  describe('maximum file size', () => {
    it('defaults to 5 MB', () => {
      assert.equal(DEFAULT_MAX_FILE_SIZE, 5 * 1024 * 1024);
      assert.equal(new Project().options.maxFileSizeBytes, 5 * 1024 * 1024);
    });

    it('skips a larger file with an information finding and reads the smaller one', () => {
      const dir = tempDir();
      try {
        fs.writeFileSync(path.join(dir, 'manifest.json'), MANIFEST + ' '.repeat(2000));
        fs.mkdirSync(path.join(dir, 'small'));
        fs.writeFileSync(path.join(dir, 'small/manifest.json'), MANIFEST);
        const run = lintPaths([dir], dir, { maxFileSizeBytes: 1024 });
        const big = run.findings.filter((f) => f.file === path.join(dir, 'manifest.json'));
        assert.deepEqual(
          big.map((f) => [f.ruleId, f.severity, f.message]),
          [['file-skipped', 'information', 'Not checked: the file is 2.1 KB, over the 1.0 KB limit (maxFileSizeBytes).']],
        );
        const small = run.findings.filter((f) => f.file === path.join(dir, 'small/manifest.json'));
        assert.deepEqual(
          small.map((f) => f.ruleId),
          ['custom-scheme-redirect'],
        );
        assert.equal(run.project.index.get(path.join(dir, 'manifest.json'))?.format, 'aad-manifest', 'skipped as the format its head shows');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('says nothing about a large file that is not an auth file (a lock file, a data export)', () => {
      const dir = tempDir();
      try {
        fs.writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify({ name: 'x', packages: { a: { version: '1.0.0' } }, pad: 'x'.repeat(4000) }));
        fs.writeFileSync(path.join(dir, 'data.json'), JSON.stringify({ rows: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `row ${i}` })) }));
        const run = lintPaths([dir], dir, { maxFileSizeBytes: 1024 });
        assert.deepEqual(run.findings, []);
        assert.deepEqual(run.files, []);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('nesting depth', () => {
    it('finds the regions nested too deep, skipping brackets in strings and comments', () => {
      assert.deepEqual(tooDeepRegions('{"a":[[1]],"b":2}', 2), [{ start: 6, end: 9 }]);
      assert.deepEqual(tooDeepRegions('{"a":"[[[[", /* [[[[ */ // [[[[\n "b":[1]}', 1), [{ start: 37, end: 40 }]);
      assert.deepEqual(tooDeepRegions('{"a":"[[[[", /* [[[[ */ // [[[[\n "b":[1]}', 2), []);
      assert.deepEqual(tooDeepRegions('[[[[', 2), [{ start: 2, end: 4 }], 'unclosed: to the end');
    });

    it('blanks a region to null (or spaces) keeping every offset and line break', () => {
      assert.equal(blankRegions('{"a":[[1, 2]],"b":2}', [{ start: 6, end: 12 }]), '{"a":[null  ],"b":2}');
      assert.equal(blankRegions('[[1]]', [{ start: 1, end: 4 }]), '[   ]');
      assert.equal(blankRegions('[[\n1\r\n]]', [{ start: 1, end: 7 }]), '[null\n ]', 'same length; later line breaks kept');
    });

    it('parses 200,000 levels of JSON nesting into a problem and still reads the rest', () => {
      const text = `{ "deep": ${'['.repeat(200_000)}${']'.repeat(200_000)}, "after": "still read" }`;
      const { root, problems } = parseJson(text);
      assert.equal(problems[0].message, `JSON nested deeper than ${MAX_JSON_DEPTH} levels; the deeper part was not read`);
      assert.equal(problems[0].range.start, 10 + MAX_JSON_DEPTH - 1, 'the first bracket past the limit (the outer object is level 1)');
      assert.equal(problems.length, 1);
      const after = root?.children?.[1]?.children?.[1];
      assert.equal(after?.value, 'still read');
      assert.equal(text.slice(after!.offset, after!.offset + after!.length), '"still read"');
    });

    it('no format overflows the stack on 200,000 levels of nesting, and the whole lint reports no crash', () => {
      const openers = ['[', '{"a":', '(', '<a>'];
      for (const format of FORMATS) {
        const [seed] = seedsFor(format.id);
        assert.ok(seed, `a seed for ${format.id}`);
        for (const open of openers) {
          const text = `${seed.text}\n${open.repeat(200_000)}`;
          const findings = lintText(seed.path, text, { timeBudgetMs: 60_000 });
          const crashed = findings.filter((f) => /failed on this file|could not be read/.test(f.message));
          assert.deepEqual(
            crashed.map((f) => f.message),
            [],
            `${format.id} with ${open} x 200,000`,
          );
        }
      }
    });
  });

  describe('broken structure', () => {
    it('every format finishes on mismatched and stray closers (a bicep array closed by } once looped forever)', () => {
      const broken = ['[ }', '{ a: [ 1 }', '{ "a": [ "x://a" ≢ }\n}', '( ] ) }', '<a></b></a>]', "{\r  redirectUris: [\r    'x://a'\r    ≢\r  }\r}\r"];
      for (const format of FORMATS) {
        const [seed] = seedsFor(format.id);
        for (const junk of broken) {
          const cut = Math.floor(seed.text.length / 2);
          for (const text of [`${seed.text.slice(0, cut)}${junk}${seed.text.slice(cut)}`, `${seed.text}\n${junk}`]) {
            assert.ok(format.parse(seed.path, text).problems.length < 1000, `${format.id}: ${JSON.stringify(junk)}`);
          }
        }
        const bicepLike = "resource a 'Microsoft.Graph/applications@v1.0' = {\n  publicClient: { redirectUris: [ 'x://a' }\n}\n";
        assert.ok(format.parse(seed.path, bicepLike).problems.length < 1000, `${format.id}: an array closed by }`);
      }
    });
  });

  describe('work budget per file (issue 15 item 8: work, not time)', () => {
    const busyRule: FileRule = {
      meta: { ...RULES[0].meta, id: 'busy-test-rule', scope: 'file' },
      check() {
        const until = performance.now() + 30;
        while (performance.now() < until) {
          // spends 30 ms: under the old time budget of 5 ms this stopped the later rule; work budgets ignore time
        }
      },
    };
    const laterRule: FileRule = {
      meta: { ...RULES[0].meta, id: 'later-test-rule', scope: 'file' },
      check: ({ report }) => report({ range: { start: 0, end: 1 }, message: 'later rule ran' }),
    };
    const parseError = RULES.find((r) => r.meta.id === 'parse-error')!;
    const fileSkipped = RULES.find((r) => r.meta.id === 'file-skipped')!;

    it('defaults to 2,000,000 units', () => {
      assert.equal(DEFAULT_WORK_BUDGET, 2_000_000);
    });

    it('a slow rule does not change what is found (the old time budget did)', () => {
      const project = new Project({ timeBudgetMs: 5 }, undefined, [busyRule, laterRule, fileSkipped]);
      project.setFile('/w/manifest.json', MANIFEST);
      assert.deepEqual(
        project.lintFile('/w/manifest.json').map((f) => f.ruleId),
        ['later-test-rule'],
      );
    });

    it('stops running rules once the budget is spent, says which were not run, and names no time', () => {
      // The manifest's model has a few elements; a budget of 3 units pays for one rule at most.
      const project = new Project({ workBudget: 3 }, undefined, [busyRule, laterRule, parseError, fileSkipped]);
      project.setFile('/w/manifest.json', `${MANIFEST.slice(0, -3)}`);
      const findings = project.lintFile('/w/manifest.json');
      assert.deepEqual(
        findings.filter((f) => f.ruleId === 'later-test-rule'),
        [],
      );
      assert.ok(
        findings.some((f) => f.ruleId === 'parse-error'),
        'parse-error still runs',
      );
      const budget = findings.filter((f) => f.ruleId === 'file-skipped');
      assert.equal(budget.length, 1);
      assert.equal(budget[0].severity, 'information');
      assert.match(
        budget[0].message,
        /^Checked only in part: the file holds \d+ redirect URIs, settings and other elements, over the work budget of 3 \(workBudget\); rules not run: .*later-test-rule\.$/,
      );
      assert.doesNotMatch(budget[0].message, /ms\b/);
    });

    it('runs every rule within the budget', () => {
      const project = new Project({}, undefined, [busyRule, laterRule, fileSkipped]);
      project.setFile('/w/manifest.json', MANIFEST);
      assert.deepEqual(
        project.lintFile('/w/manifest.json').map((f) => [f.ruleId, f.message]),
        [['later-test-rule', 'later rule ran']],
      );
    });
  });

  describe('symbolic-link loops', () => {
    it('walks a looping folder once, notes the loop, and lists each file once', function () {
      const dir = tempDir();
      try {
        fs.mkdirSync(path.join(dir, 'app/inner'), { recursive: true });
        fs.writeFileSync(path.join(dir, 'app/inner/manifest.json'), MANIFEST);
        try {
          fs.symlinkSync('..', path.join(dir, 'app/inner/up'), 'dir'); // app/inner/up -> app (a cycle)
          fs.symlinkSync(path.join(dir, 'app'), path.join(dir, 'again'), 'dir');
        } catch {
          this.skip(); // no symlink rights on this machine
        }
        const found = discover([dir], dir);
        assert.equal(found.files.length, 1, `each real file once: ${found.files.join(', ')}`);
        assert.equal(fs.realpathSync(found.files[0]), fs.realpathSync(path.join(dir, 'app/inner/manifest.json')));
        assert.ok(
          found.notes.some((n) => /already read \(loop or duplicate\)/.test(n.reason)),
          JSON.stringify(found.notes),
        );
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('undecodable bytes', () => {
    it('decodes invalid UTF-8 with replacement characters and says so', () => {
      const result = decode(Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]));
      assert.ok(!('binary' in result));
      assert.equal(result.invalid, true);
      assert.equal(result.text, '{"\uFFFD("}');
    });

    it('decodes odd-length UTF-16 (a BOM, then a cut) without throwing', () => {
      const result = decode(Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d]));
      assert.ok(!('binary' in result));
      assert.equal(result.encoding, 'utf16le');
      assert.equal(result.invalid, true);
      assert.equal(result.text, '{\uFFFD');
    });

    it('refuses binary data and binary plists', () => {
      assert.deepEqual(decode(Buffer.from('bplist00\u0001\u0002')), { binary: true, reason: 'binary property list (bplist); only XML plists are read' });
      assert.ok('binary' in decode(Buffer.from([0x3c, 0x00, 0x3e])));
    });
  });
});
