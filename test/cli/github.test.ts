import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { escapeData, escapeProperty, formatGithub } from '../../src/cli/formatters/github';
import type { Finding } from '../../src/core/model';
import { REPO, runCli } from './run-cli';

describe('cli: --format github', () => {
  it('escapes data and property values as the Actions runner expects', () => {
    assert.equal(escapeData('100% done\r\nnext'), '100%25 done%0D%0Anext');
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
  });

  it('writes one workflow command per problem (hints left out), with the range, the rule as title and the level', () => {
    const base: Finding = {
      file: path.join(REPO, 'apps/a,b:c/manifest.json'),
      range: { start: 3, end: 9 },
      start: { line: 0, character: 3 },
      end: { line: 1, character: 2 },
      ruleId: 'custom-scheme-redirect',
      severity: 'warning',
      codes: ['AADSTS50199'],
      message: "Redirect 'x://y' shows 100% of users a prompt,\nsee docs",
      related: [],
      fixes: [],
    };
    const out = formatGithub({
      files: [],
      cwd: REPO,
      color: false,
      findings: [base, { ...base, severity: 'error' }, { ...base, severity: 'information' }, { ...base, severity: 'hint' }],
    });
    const line =
      "file=apps/a%2Cb%3Ac/manifest.json,line=1,col=4,endLine=2,endColumn=3,title=custom-scheme-redirect::Redirect 'x://y' shows 100%25 of users a prompt,%0Asee docs\n";
    // Hints are not annotated: the Problems panel does not list them either.
    assert.equal(out, `::warning ${line}::error ${line}::notice ${line}`);
  });

  it('prints nothing when there is nothing to report, and keeps the exit code', () => {
    const result = runCli(['--format', 'github', 'test/fixtures/cli-workspace']);
    assert.equal(result.status, 1);
    const lines = result.stdout.trimEnd().split('\n');
    assert.ok(lines.length >= 4 && lines.every((l) => /^::(error|warning|notice) file=/.test(l)), result.stdout);
    assert.ok(
      lines.includes(
        '::error file=test/fixtures/cli-workspace/broken/manifest.json,line=6,col=5,endLine=6,endColumn=6,title=parse-error::JSON syntax error: comma expected (1 more problem in this file).',
      ),
    );
    assert.equal(formatGithub({ files: [], findings: [], cwd: REPO, color: false }), '');
  });
});
