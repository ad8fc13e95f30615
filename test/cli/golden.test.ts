import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, runCli } from './run-cli';

// Each format's output for a workspace, compared with the committed expected output byte for byte.
// Regenerate with `npm run golden:update` (scripts/update-goldens.mjs) and review the diff.

interface GoldenCases {
  formats: string[];
  cases: { name: string; path: string }[];
}

const GOLDEN = path.join(REPO, 'test/cli/golden');
const { formats, cases } = JSON.parse(fs.readFileSync(path.join(GOLDEN, 'cases.json'), 'utf8')) as GoldenCases;

/** The only normalisation: the tool version in SARIF (it changes with every release). */
export function normalise(format: string, output: string): string {
  if (format !== 'sarif') return output;
  const log = JSON.parse(output) as { runs: { tool: { driver: { version: string; semanticVersion: string } } }[] };
  for (const run of log.runs) {
    run.tool.driver.version = '<version>';
    run.tool.driver.semanticVersion = '<version>';
  }
  return JSON.stringify(log, null, 2) + '\n';
}

describe('cli: golden outputs', () => {
  for (const { name, path: target } of cases) {
    describe(name, function () {
      before(function () {
        if (!fs.existsSync(path.join(REPO, target))) this.skip();
      });
      for (const format of formats) {
        it(`--format ${format} matches test/cli/golden/${name}.${format}`, () => {
          const expectedFile = path.join(GOLDEN, `${name}.${format}`);
          assert.ok(fs.existsSync(expectedFile), `${expectedFile} is missing: run npm run golden:update`);
          const result = runCli(['--format', format, ...(format === 'stylish' ? ['--no-color'] : []), target]);
          assert.ok(result.status === 0 || result.status === 1, result.stderr);
          assert.equal(
            normalise(format, result.stdout),
            fs.readFileSync(expectedFile, 'utf8'),
            `differs from ${name}.${format}; if the change is intended, run npm run golden:update`,
          );
        });
      }
    });
  }

  it('the golden SARIF differs from the real output only in the version', () => {
    const real = runCli(['--format', 'sarif', 'test/fixtures/cli-workspace']).stdout;
    const golden = fs.readFileSync(path.join(GOLDEN, 'cli-workspace.sarif'), 'utf8');
    const diff = real.split('\n').filter((line, i) => line !== golden.split('\n')[i]);
    assert.deepEqual(
      diff.map((l) => l.trim().replace(/"[^"]*",?$/, '')),
      ['"version": ', '"semanticVersion": '],
    );
  });
});
