import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeLink, README_END, README_START, renderDocs, renderReadme, renderRulePage } from '../../scripts/generate-docs';
import { RULES } from '../../src/core/rules';
import { withoutMarkers } from '../helpers/scenarios';

const ROOT = path.resolve(__dirname, '../../..');

describe('generated docs', () => {
  it('docs/rules, the README rule and format tables and the activation events are up to date (run `npm run docs`)', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const packageJson = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const stale: string[] = [];
    for (const [relative, content] of renderDocs(RULES, readme, packageJson)) {
      const target = path.join(ROOT, relative);
      if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== content) stale.push(relative);
    }
    const pages = fs.readdirSync(path.join(ROOT, 'docs/rules')).filter((f) => f.endsWith('.md'));
    const orphans = pages.filter((f) => !RULES.some((r) => `${r.meta.id}.md` === f));
    assert.deepEqual({ stale, orphans }, { stale: [], orphans: [] }, 'run `npm run docs` and commit the result');
  });

  it('gives every rule a page with its codes linked to the official error lookup', () => {
    const page = renderRulePage(RULES.find((r) => r.meta.id === 'urn-redirect')!);
    assert.match(page, /^# urn-redirect$/m);
    assert.ok(page.includes('[AADSTS500119](https://login.microsoftonline.com/error?code=500119)'));
    for (const heading of ['## What the user sees', '## Why', '## How to fix', '## Examples', '## Official documentation'])
      assert.ok(page.includes(heading), heading);
    assert.equal(codeLink('MSAL123'), '`MSAL123`');
  });

  it('shows the docs scenarios of a rule as its examples, without the expectation markers, with what is reported', () => {
    const page = renderRulePage(RULES.find((r) => r.meta.id === 'urn-redirect')!);
    const examples = page.slice(page.indexOf('## Examples'), page.indexOf('## Error codes'));
    assert.match(examples, /### Reported\n\n`manifest\.json`\n\n```jsonc\n\{\n  "appId"/);
    assert.ok(examples.includes('"redirectUris": ["urn:ietf:wg:oauth:2.0:oob"]\n'), 'the marker comment is removed');
    assert.ok(!examples.includes('expect:'));
    assert.match(examples, /> \*\*error\*\* at `urn:ietf:wg:oauth:2\.0:oob`: /);
    assert.ok(examples.indexOf('### Not reported') > examples.indexOf('### Reported'));
    assert.ok(!page.includes(path.resolve(ROOT)), 'no absolute path of this checkout');
  });

  it('removes expectation comments of every syntax from examples, and lines holding nothing else', () => {
    const text = [
      '{',
      '  "a": "x", // expect: rule-a/error',
      '  // expect+1: rule-b',
      '  "b": "y"',
      '}',
      '<string>s</string> <!-- expect: rule-c -->',
      'KEY=value # expect: rule-d',
      'x /* expect: rule-e */',
    ].join('\r\n');
    assert.equal(withoutMarkers(text), ['{', '  "a": "x",', '  "b": "y"', '}', '<string>s</string>', 'KEY=value', 'x'].join('\n'));
  });

  it('replaces only the region between the README markers and adds the markers when missing', () => {
    const readme = `# Title\r\n\r\nIntro.\r\n${README_START}\r\nold table\r\n${README_END}\r\nAfter.\r\n`;
    const updated = renderReadme(readme, RULES.slice(0, 2));
    assert.ok(updated.startsWith('# Title\r\n\r\nIntro.\r\n<!-- rules:start -->\r\n| Rule | Codes |'));
    assert.ok(updated.endsWith(`${README_END}\r\nAfter.\r\n`));
    assert.ok(!updated.includes('old table'));
    assert.equal(renderReadme(updated, RULES.slice(0, 2)), updated, 'idempotent');
    const added = renderReadme('# Title\n', RULES.slice(0, 1));
    assert.match(added, /^# Title\n\n## Rules\n\n<!-- rules:start -->\n\| Rule .*\n<!-- rules:end -->\n$/s);
  });
});
