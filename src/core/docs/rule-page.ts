import type { Rule } from '../rules/types';
import { DEFAULT_TEST_CODE_SEVERITY } from '../engine/test-code';

// A rule's documentation page in Markdown, from its metadata: the one renderer behind docs/rules/<id>.md
// (scripts/generate-docs.ts adds the examples it lints from test/scenarios) and the page the editor
// shows when the bundled file is missing.

/** The official page of an AADSTS code (`AADSTS50199` → `…/error?code=50199`); other codes get no link. */
export function codeLink(code: string): string {
  const number = /^AADSTS(\d+)$/.exec(code)?.[1];
  return number ? `[${code}](https://login.microsoftonline.com/error?code=${number})` : `\`${code}\``;
}

/** Prose for Markdown: `<bundle id>` would otherwise be taken for an HTML tag and vanish. */
export function prose(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\*/g, '\\*');
}

/** The page: title, facts, impact, cause, remedy, then `examples` (Markdown lines), codes, configuration and links. */
export function renderRulePage(rule: Rule, examples: string[] = []): string {
  const { meta } = rule;
  const { docs } = meta;
  const lines: string[] = [
    `# ${meta.id}`,
    '',
    prose(meta.description),
    '',
    '| | |',
    '|---|---|',
    `| Default severity | ${meta.defaultSeverity} |`,
    `| Codes | ${meta.codes.length ? meta.codes.map(codeLink).join(', ') : 'none'} |`,
    `| Fixable | ${meta.fixable ? 'yes' : 'no'} |`,
    `| In test code (testPaths) | at most ${meta.testCodeSeverity ?? DEFAULT_TEST_CODE_SEVERITY} |`,
    `| Checks | ${meta.scope === 'file' ? 'one file at a time' : 'the file together with related files of the workspace'} |`,
    '',
    '## What the user sees',
    '',
    prose(docs.impact),
    '',
    '## Why',
    '',
    prose(docs.why),
    '',
    '## How to fix',
    '',
    prose(docs.howToFix),
    '',
    ...examples,
  ];
  if (meta.codes.length) {
    lines.push('## Error codes', '', ...meta.codes.map((c) => `- ${codeLink(c)}`), '');
  }
  lines.push(
    '## Configuration',
    '',
    `Change the severity or turn the rule off in \`.entra-auth-lint.json\`: \`{ "rules": { "${meta.id}": "off" } }\`, or for one line with a comment \`entra-auth-lint-disable-line ${meta.id}\`.`,
    '',
  );
  if (docs.links.length) lines.push('## Official documentation', '', ...docs.links.map((l) => `- [${prose(l.title)}](${l.url})`), '');
  return lines.join('\n');
}
