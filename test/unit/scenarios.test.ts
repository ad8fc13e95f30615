import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../src/core/rules';
import { SEVERITY_SETTINGS } from '../../src/core/config/config-file';
import { compareScenario, describeMismatches, listScenarios, runScenario, SCENARIOS, type Scenario, type ScenarioRun } from '../helpers/scenarios';

// Every scenario folder is linted as one workspace with all rules; its expectations are the whole truth.
// Then the registry is checked against the scenarios: every rule has docs examples that fire and that
// stay silent, and its `fixable` metadata says what it really does.

const scenarios = listScenarios();
const runs = new Map<Scenario, ScenarioRun>();
/** Runs are shared by the checks below (each case is linted once per test run). */
const runOf = (scenario: Scenario): ScenarioRun => {
  let run = runs.get(scenario);
  if (!run) runs.set(scenario, (run = runScenario(scenario)));
  return run;
};
const ruleIds = new Set(RULES.map((r) => r.meta.id));
const severities = new Set<string>(SEVERITY_SETTINGS.filter((s) => s !== 'off'));

describe('scenarios: each folder linted as one workspace, its expectations the whole truth', () => {
  for (const scenario of scenarios) {
    it(`${scenario.topic}/${scenario.name}`, () => {
      const run = runOf(scenario);
      for (const e of run.expected) {
        const where = `${path.relative(scenario.dir, e.file)}:${e.line + 1}`;
        assert.ok(ruleIds.has(e.ruleId), `${where} expects unknown rule '${e.ruleId}'`);
        assert.ok(!e.severity || severities.has(e.severity), `${where} expects unknown severity '${e.severity}'`);
      }
      assert.ok(run.files.length > 0, `the engine reads no file of ${scenario.dir}; is the file named like an auth file?`);
      const mismatches = compareScenario(run);
      assert.ok(mismatches.length === 0, describeMismatches(run, mismatches));
      if (scenario.docs) {
        const own = run.expected.filter((e) => e.ruleId === scenario.topic).length;
        if (scenario.docs === 'fails') assert.ok(own > 0, `a docs-fails example of ${scenario.topic} must expect a ${scenario.topic} finding`);
        else assert.equal(own, 0, `a docs-passes example of ${scenario.topic} must not expect a ${scenario.topic} finding`);
      }
    });
  }
});

describe('scenarios cover the rule registry', () => {
  it('gives every rule docs examples that fire (docs-fails…) and that do not (docs-passes…)', () => {
    const missing: string[] = [];
    for (const { meta } of RULES) {
      const own = scenarios.filter((s) => s.topic === meta.id);
      if (!own.some((s) => s.docs === 'fails')) missing.push(`${meta.id}: no test/scenarios/${meta.id}/docs-fails… case`);
      if (!own.some((s) => s.docs === 'passes')) missing.push(`${meta.id}: no test/scenarios/${meta.id}/docs-passes… case`);
    }
    assert.deepEqual(missing, []);
  });

  it('keeps docs examples under the folder of a known rule', () => {
    const stray = scenarios.filter((s) => s.docs && !ruleIds.has(s.topic)).map((s) => `${s.topic}/${s.name}`);
    assert.deepEqual(stray, [], 'docs-fails/docs-passes cases belong in test/scenarios/<rule id>/');
    for (const topic of fs.readdirSync(SCENARIOS)) {
      if (fs.statSync(path.join(SCENARIOS, topic)).isDirectory()) assert.match(topic, /^[a-z0-9-]+$/, `topic folder '${topic}'`);
    }
  });

  it("agrees with each rule's `fixable` metadata: a fixable rule offers a fix in some scenario, another never does", () => {
    const offered = new Set<string>();
    for (const scenario of scenarios) for (const f of runOf(scenario).findings) if (f.fixes.length) offered.add(f.ruleId);
    const wrong: string[] = [];
    for (const { meta } of RULES) {
      if (meta.fixable && !offered.has(meta.id)) wrong.push(`${meta.id} is fixable, but no scenario finding offers a fix (add one that does)`);
      if (!meta.fixable && offered.has(meta.id)) wrong.push(`${meta.id} offers fixes, but its metadata says fixable: false`);
    }
    assert.deepEqual(wrong, []);
  });
});
