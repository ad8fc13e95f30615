// Issue 14 #13 and #11: the Settings UI as VS Code reads the installed manifest (sections with titles and
// order, rule-id completion, sizes in KB, no "Debounce Ms"), and one name for fix-all in the palette and the
// quick fix menu.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, diagnosticsOf, EXTENSION_ID, open, quickFixes } from '../helpers';

interface Setting {
  order?: number;
  deprecationMessage?: string;
  markdownDeprecationMessage?: string;
  properties?: Record<string, { enum?: string[] }>;
  additionalProperties?: unknown;
}
interface Section {
  id: string;
  title: string;
  properties: Record<string, Setting>;
}

describe('settings and fix-all as a user meets them', () => {
  const manifest = () =>
    vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { configuration: Section[]; commands: { command: string; title: string }[] };
    };
  before(api);
  afterEach(closeAll);

  it('settings come in titled sections, each setting in order; only deprecated ones have none', () => {
    const sections = manifest().contributes.configuration;
    assert.ok(sections.length >= 2, 'more than one section');
    for (const section of sections) {
      assert.ok(section.title.trim(), `section ${section.id} has a title`);
      for (const [key, setting] of Object.entries(section.properties)) {
        const deprecated = !!(setting.deprecationMessage ?? setting.markdownDeprecationMessage);
        assert.ok(deprecated || typeof setting.order === 'number', `${key} has an order`);
      }
    }
    const all = Object.assign({}, ...sections.map((s) => s.properties)) as Record<string, Setting>;
    assert.ok(all['entraAuthLint.maxFileSizeKB'], 'the size limit in KB');
    assert.ok(all['entraAuthLint.debounceMs']?.markdownDeprecationMessage, '"Debounce Ms" is deprecated in favour of lintDelay');
    assert.ok(all['entraAuthLint.lintDelay']);
  });

  it('rules: every rule id is completed with its severities, and an unknown id is flagged', () => {
    const sections = manifest().contributes.configuration;
    const rules = sections.flatMap((s) => Object.entries(s.properties)).find(([key]) => key === 'entraAuthLint.rules')?.[1];
    assert.ok(rules?.properties, 'rule ids as properties (completion)');
    for (const id of ['custom-scheme-redirect', 'unregistered-redirect', 'committed-secret'])
      assert.deepEqual(rules.properties[id]?.enum, ['off', 'hint', 'information', 'warning', 'error'], id);
    assert.equal(rules.additionalProperties, false, 'a misspelt rule id is a settings error');
  });

  it('fix-all has one name in the command palette and the quick fix menu', async () => {
    const command = manifest().contributes.commands.find((c) => c.command === 'entraAuthLint.fixAllInFile');
    assert.ok(command);
    const { document } = await open('fixes/duplicates.json');
    const [diagnostic] = await diagnosticsOf(document.uri, 2, 10000, 'duplicate-redirect');
    const actions = await quickFixes(document.uri, diagnostic.range);
    const fixAll = actions.filter((a) => a.title.toLowerCase().startsWith('fix all'));
    assert.deepEqual(
      fixAll.map((a) => a.title),
      [command.title],
      `actions: ${actions.map((a) => a.title).join(' | ')}`,
    );
  });
});
