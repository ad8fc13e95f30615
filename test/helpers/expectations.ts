import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../src/core/model';
import { Project } from '../../src/core/engine/project';
import type { LintOptions } from '../../src/core/engine/options';

// Inline expectations in fixtures: a comment holding `expect: rule-id[/severity][, rule-id ...]` says the
// findings expected on that line (`expect+1:` for the next line, for formats where a trailing comment
// would change the value). A line with no marker expects no finding (of the rules under test).

export const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');

export interface Expected {
  line: number; // 0-based
  ruleId: string;
  severity?: string;
}

export function expectationsIn(text: string): Expected[] {
  const expected: Expected[] = [];
  text.split(/\r\n|\r|\n/).forEach((lineText, line) => {
    const match = /expect(\+\d+)?:\s*([a-z0-9-]+(?:\/[a-z]+)?(?:\s*,\s*[a-z0-9-]+(?:\/[a-z]+)?)*)/.exec(lineText);
    if (!match) return;
    const target = line + (match[1] ? Number(match[1].slice(1)) : 0);
    for (const item of match[2].split(',')) {
      const [ruleId, severity] = item.trim().split('/');
      expected.push({ line: target, ruleId, severity });
    }
  });
  return expected;
}

/** Lints fixture files together (so cross-file rules see each other) and returns findings per file. */
export function lintFixtures(files: string[], options: LintOptions = {}): { project: Project; findings: Map<string, Finding[]> } {
  const project = new Project(options, rootOf(files));
  for (const file of files) project.setFile(file, fs.readFileSync(file, 'utf8'));
  const findings = new Map<string, Finding[]>();
  for (const file of files) findings.set(file, project.lintFile(file));
  return { project, findings };
}

/**
 * The folder the files are linted in, as the CLI lints a folder: test/fixtures, or the deepest folder holding
 * them all (scenario files are outside test/fixtures; judged from the file system root, their path would hold
 * `test/` and make them test code).
 */
function rootOf(files: string[]): string {
  const inside = (dir: string) => files.every((f) => path.resolve(f).startsWith(dir + path.sep));
  if (inside(FIXTURES)) return FIXTURES;
  let dir = path.dirname(path.resolve(files[0] ?? FIXTURES));
  while (!inside(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/**
 * Asserts that the findings of `rules` (all rules when omitted) in each file are exactly the ones its
 * inline markers expect: same lines, same rule ids, and the severity where the marker names one.
 */
export function assertInlineExpectations(files: string[], rules?: string[], options: LintOptions = {}): void {
  const { findings } = lintFixtures(files, options);
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const expected = expectationsIn(text).filter((e) => !rules || rules.includes(e.ruleId));
    const actual = (findings.get(file) ?? []).filter((f) => !rules || rules.includes(f.ruleId));
    const describe = (line: number, id: string, sev?: string) => `${path.basename(file)}:${line + 1} ${id}${sev ? '/' + sev : ''}`;
    const actualKeys = actual.map((f) => describe(f.start.line, f.ruleId)).sort();
    const expectedKeys = expected.map((e) => describe(e.line, e.ruleId)).sort();
    assert.deepEqual(
      actualKeys,
      expectedKeys,
      `findings in ${path.basename(file)}:\n${actual.map((f) => `  ${f.start.line + 1}:${f.start.character + 1} ${f.ruleId}/${f.severity} ${f.message}`).join('\n')}`,
    );
    for (const e of expected.filter((x) => x.severity)) {
      const match = actual.find((f) => f.start.line === e.line && f.ruleId === e.ruleId);
      assert.equal(match?.severity, e.severity, `severity of ${describe(e.line, e.ruleId)}`);
    }
  }
}

/** The text a finding's range covers, for asserting tight ranges. */
export function coveredText(text: string, finding: Finding): string {
  return text.replace(/^\uFEFF/, '').slice(finding.range.start, finding.range.end);
}
