import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../src/core/rules';
import type { Rule } from '../../src/core/rules/types';
import { filesUnder } from '../helpers/files';

// The boundaries docs/architecture.md promises, checked on the sources: the engine is pure, a rule is one
// file registered once, and rules read the model, never which format a file was.

const ROOT = path.resolve(__dirname, '../../..');
const CORE = path.join(ROOT, 'src/core');
const RULES_DIR = path.join(CORE, 'rules');
const source = (file: string) => fs.readFileSync(file, 'utf8');
const relative = (file: string) => path.relative(ROOT, file).replace(/\\/g, '/');

describe('architecture', () => {
  it('src/core never imports vscode (the CLI and the extension share it)', () => {
    const offenders = filesUnder(CORE, (name) => name.endsWith('.ts')).filter((file) =>
      /(?:from\s+|require\(\s*|import\(\s*)['"]vscode['"]/.test(source(file)),
    );
    assert.deepEqual(offenders.map(relative), []);
  });

  it('rules never read the format of a file nor import the format registry (facts belong in the model)', () => {
    const offenders = filesUnder(RULES_DIR, (name) => name.endsWith('.ts')).filter((file) => {
      const text = source(file);
      return /\.format\b/.test(text) || /from\s+['"](?:\.\.\/)+formats(?:\/[^'"]*)?['"]/.test(text);
    });
    assert.deepEqual(offenders.map(relative), []);
  });

  it('each rule file holds one rule named like the file, and the registry lists every one once', () => {
    const files = fs.readdirSync(RULES_DIR).filter((name) => name.endsWith('.ts') && name !== 'index.ts' && name !== 'types.ts');
    const registered = new Set(RULES);
    const problems: string[] = [];
    for (const name of files) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- each compiled rule module, by its file name
      const exported = Object.values(require(path.join(__dirname, '../../src/core/rules', name.replace(/\.ts$/, '.js')))) as Partial<Rule>[];
      const rules = exported.filter((value): value is Rule => typeof value === 'object' && value !== null && 'meta' in value && 'check' in value);
      if (rules.length !== 1) problems.push(`${name} exports ${rules.length} rules`);
      for (const rule of rules) {
        if (`${rule.meta.id}.ts` !== name) problems.push(`${name} holds rule '${rule.meta.id}'`);
        if (!registered.has(rule)) problems.push(`${rule.meta.id} is missing from RULES in src/core/rules/index.ts`);
      }
    }
    const ids = RULES.map((r) => r.meta.id);
    if (new Set(ids).size !== ids.length) problems.push(`RULES lists an id twice: ${ids.join(', ')}`);
    assert.deepEqual(problems, []);
    assert.equal(files.length, RULES.length, 'every registered rule has its own file');
  });
});
