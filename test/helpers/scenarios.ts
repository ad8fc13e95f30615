import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../../src/core/config/config-file';
import { lintPaths } from '../../src/core/engine/lint';
import { resolveConfig } from '../../src/core/engine/session';
import type { LintOptions } from '../../src/core/engine/options';
import type { Finding } from '../../src/core/model';
import { expectationsIn, type Expected } from './expectations';
import { filesUnder } from './files';

// Scenario folders: `test/scenarios/<rule-or-topic>/<case>/` is one workspace, linted the way the CLI
// lints a folder (discovery, reading, all rules). The expectations written in its files are the whole
// truth: a finding nobody expected fails, and so does an expected one that is missing.
//
// A case folder may hold, besides the files it lints:
// - `.entra-auth-lint.json`: options for the run, read like a user's config file;
// - `expectations.txt`: expectations for files that cannot carry a comment (binary, strict formats),
//   one per line: `<path relative to the case>:<line> <rule-id>[/<severity>][, …]`; `#` starts a comment.
// Cases named `docs-fails…` / `docs-passes…` are the examples of the rule named by their topic folder: the
// docs generator renders them into docs/rules/<id>.md, and a `fails` example must fire the rule.

export const SCENARIOS = path.resolve(__dirname, '../../../test/scenarios');
const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');

/**
 * Where scenarios live. `test/scenarios` holds `<topic>/<case>/`; the format and workspace fixtures are
 * scenarios too (each folder one case), so every fixture is checked against all rules.
 */
export const SCENARIO_ROOTS: { dir: string; topic?: string }[] = [
  { dir: SCENARIOS },
  { dir: path.join(FIXTURES, 'formats'), topic: 'formats' },
  { dir: path.join(FIXTURES, 'workspaces'), topic: 'workspaces' },
];
export const SIDE_CAR = 'expectations.txt';
/** Files of a case that describe the run, not the workspace; never linted. */
const RUN_FILES = new Set([CONFIG_FILE_NAME, SIDE_CAR]);
const DOCS_CASE = /^docs-(fails|passes)(?:-[a-z0-9-]+)?$/;

export interface Scenario {
  /** The topic folder: a rule id or a subject such as `registrations`. */
  topic: string;
  name: string;
  dir: string;
  /** For the docs examples of a rule: whether the example shows the rule firing or not. */
  docs?: 'fails' | 'passes';
}

/** Every case folder of the roots, in name order. */
export function listScenarios(roots = SCENARIO_ROOTS): Scenario[] {
  const folders = (dir: string) =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  const scenarios: Scenario[] = [];
  const add = (topic: string, topicDir: string) => {
    for (const name of folders(topicDir)) {
      const docs = DOCS_CASE.exec(name)?.[1] as Scenario['docs'];
      scenarios.push({ topic, name, dir: path.join(topicDir, name), ...(docs ? { docs } : {}) });
    }
  };
  for (const root of roots) {
    if (!fs.existsSync(root.dir)) continue;
    if (root.topic) add(root.topic, root.dir);
    else for (const topic of folders(root.dir)) add(topic, path.join(root.dir, topic));
  }
  return scenarios;
}

/** An expectation with the file it belongs to (absolute path). */
export interface FileExpected extends Expected {
  file: string;
}

export interface ScenarioRun {
  scenario: Scenario;
  options: LintOptions;
  findings: Finding[];
  expected: FileExpected[];
  /** Files the engine read (or reported as skipped). */
  files: string[];
  /** The files of the case that are part of the workspace (everything but the run files), sorted. */
  workspaceFiles: string[];
}

/** The time budget is tested on its own; here a slow, shared machine must not change what is found. */
const SCENARIO_TIME_BUDGET_MS = 60_000;

/** Lints a case folder as one workspace with its own options; throws when its config file is invalid. */
export function runScenario(scenario: Scenario): ScenarioRun {
  // The config file is found as the CLI finds it, but never above the case folder.
  const config = resolveConfig({ cwd: scenario.dir, paths: [scenario.dir], boundary: scenario.dir });
  if (config.errors.length) throw new Error(`${config.file}: ${config.errors.map((e) => `${e.key || 'syntax'}: ${e.message}`).join('; ')}`);
  const options = config.options;
  const run = lintPaths([scenario.dir], scenario.dir, { ...options, timeBudgetMs: SCENARIO_TIME_BUDGET_MS }, config.root);
  const workspaceFiles = filesUnder(scenario.dir).filter((f) => !RUN_FILES.has(path.relative(scenario.dir, f)));
  const expected: FileExpected[] = [];
  for (const file of workspaceFiles) {
    const text = readText(file);
    if (text !== undefined) for (const e of expectationsIn(text)) expected.push({ ...e, file });
  }
  expected.push(...sideCarExpectations(scenario.dir));
  return { scenario, options, findings: run.findings, expected, files: run.files, workspaceFiles };
}

/** The text of a file when it is text (a NUL byte says binary: it can only be described by the side-car). */
function readText(file: string): string | undefined {
  const bytes = fs.readFileSync(file);
  return bytes.includes(0) ? undefined : bytes.toString('utf8');
}

/** `expectations.txt`: `<relative path>:<line> <rule-id>[/<severity>][, …]` per line, `#` comments. */
export function sideCarExpectations(dir: string): FileExpected[] {
  const file = path.join(dir, SIDE_CAR);
  if (!fs.existsSync(file)) return [];
  const expected: FileExpected[] = [];
  fs.readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = raw.replace(/#.*$/, '').trim();
      if (!line) return;
      const match = /^(.+):(\d+)\s+([a-z0-9-]+(?:\/[a-z]+)?(?:\s*,\s*[a-z0-9-]+(?:\/[a-z]+)?)*)$/.exec(line);
      if (!match) throw new Error(`${file}:${index + 1}: expected '<path>:<line> <rule-id>[/<severity>]', found '${raw}'`);
      const target = path.join(dir, match[1]);
      if (!fs.existsSync(target)) throw new Error(`${file}:${index + 1}: no file ${match[1]} in the case`);
      for (const item of match[3].split(',')) {
        const [ruleId, severity] = item.trim().split('/');
        expected.push({ file: target, line: Number(match[2]) - 1, ruleId, severity });
      }
    });
  return expected;
}

export interface Mismatch {
  kind: 'unexpected' | 'missing' | 'severity';
  text: string;
}

/**
 * Compares findings and expectations as multisets of (file, line, rule): every finding must be expected
 * and every expectation found; where an expectation names a severity, the finding must have it.
 */
export function compareScenario(run: ScenarioRun): Mismatch[] {
  const where = (file: string, line: number) => `${path.relative(run.scenario.dir, file).replace(/\\/g, '/')}:${line + 1}`;
  const open = [...run.expected];
  const mismatches: Mismatch[] = [];
  const unmatched: Finding[] = [];
  // Expectations that name a severity claim their finding first, so `a/error, a/warning` on one line works.
  const ordered = [...run.findings].sort((a, b) => a.file.localeCompare(b.file) || a.range.start - b.range.start);
  for (const finding of ordered) {
    const candidates = open.filter((e) => e.file === finding.file && e.line === finding.start.line && e.ruleId === finding.ruleId);
    const exact = candidates.find((e) => e.severity === finding.severity) ?? candidates.find((e) => !e.severity);
    if (exact) open.splice(open.indexOf(exact), 1);
    else if (candidates.length) {
      open.splice(open.indexOf(candidates[0]), 1);
      mismatches.push({
        kind: 'severity',
        text: `${where(finding.file, finding.start.line)} ${finding.ruleId} is ${finding.severity}, expected ${candidates[0].severity}: ${finding.message}`,
      });
    } else unmatched.push(finding);
  }
  for (const f of unmatched) {
    mismatches.push({
      kind: 'unexpected',
      text: `${where(f.file, f.start.line)}:${f.start.character + 1} ${f.ruleId}/${f.severity} ${f.message}`,
    });
  }
  for (const e of open) mismatches.push({ kind: 'missing', text: `${where(e.file, e.line)} ${e.ruleId}${e.severity ? `/${e.severity}` : ''}` });
  return mismatches;
}

/** A readable failure report: what was not expected, what was expected and not found. */
export function describeMismatches(run: ScenarioRun, mismatches: Mismatch[]): string {
  const section = (kind: Mismatch['kind'], title: string) => {
    const items = mismatches.filter((m) => m.kind === kind);
    return items.length ? [`${title}:`, ...items.map((m) => `  ${m.text}`)] : [];
  };
  return [
    `scenario ${run.scenario.topic}/${run.scenario.name} (${path.relative(process.cwd(), run.scenario.dir)})`,
    ...section('unexpected', 'reported but not expected'),
    ...section('missing', 'expected but not reported'),
    ...section('severity', 'wrong severity'),
    'Add `expect: rule-id[/severity]` markers (or expectations.txt lines) for findings that are right; fix the engine for the others.',
  ].join('\n');
}

/** A line of a fixture without its expectation comment (for showing a fixture as a docs example). */
const MARKER_COMMENT = /\s*(?:\/\/|#|\/\*|<!--)\s*expect(?:\+\d+)?:[^\n]*?(?:\*\/|-->)?\s*$/;

/** The text of a fixture as a reader should see it: expectation comments removed, lines holding only one dropped. */
export function withoutMarkers(text: string): string {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const kept: string[] = [];
  for (const line of lines) {
    if (!MARKER_COMMENT.test(line)) kept.push(line);
    else {
      const rest = line.replace(MARKER_COMMENT, '');
      if (rest.trim()) kept.push(rest);
    }
  }
  return kept.join('\n');
}
