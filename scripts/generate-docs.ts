import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../src/core/config/config-file';
import { FORMATS, formatLanguageIds, workspaceMarkers, type Format } from '../src/core/formats';
import { RULES } from '../src/core/rules';
import type { Rule } from '../src/core/rules/types';
import { renderExamples, ruleExamples, type RuleExample } from './rule-examples';

// Generates docs/rules/<id>.md for every rule, the README rule and format tables, and package.json's
// activation events from the rule metadata and the format records. `npm run docs` writes them;
// test/unit/docs.test.ts fails when the files on disk are out of date.

export const README_START = '<!-- rules:start -->';
export const README_END = '<!-- rules:end -->';
export const FORMATS_START = '<!-- formats:start -->';
export const FORMATS_END = '<!-- formats:end -->';
const GENERATED =
  '<!-- Generated from the rule metadata and the examples in test/scenarios/<id>/docs-* by scripts/generate-docs.ts; run `npm run docs` after changing either. -->';

/** The official page of an AADSTS code (`AADSTS50199` → `…/error?code=50199`); other codes get no link. */
export function codeLink(code: string): string {
  const number = /^AADSTS(\d+)$/.exec(code)?.[1];
  return number ? `[${code}](https://login.microsoftonline.com/error?code=${number})` : `\`${code}\``;
}

/** Prose for Markdown: `<bundle id>` would otherwise be taken for an HTML tag and vanish. */
function prose(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\*/g, '\\*');
}

function tableCell(text: string): string {
  return prose(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A rule's page; its examples are the rule's docs scenarios (test/scenarios/<id>/docs-…), linted by the tests. */
export function renderRulePage(rule: Rule, examples: RuleExample[] = ruleExamples(rule.meta.id)): string {
  const { meta } = rule;
  const { docs } = meta;
  const lines: string[] = [
    GENERATED,
    '',
    `# ${meta.id}`,
    '',
    prose(meta.description),
    '',
    '| | |',
    '|---|---|',
    `| Default severity | ${meta.defaultSeverity} |`,
    `| Codes | ${meta.codes.length ? meta.codes.map(codeLink).join(', ') : 'none'} |`,
    `| Fixable | ${meta.fixable ? 'yes' : 'no'} |`,
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
    ...renderExamples(examples, prose),
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

export function renderRuleTable(rules: readonly Rule[]): string {
  const rows = rules.map(
    ({ meta }) =>
      `| [\`${meta.id}\`](docs/rules/${meta.id}.md) | ${meta.codes.length ? meta.codes.join(', ') : '—'} | ${meta.defaultSeverity} | ${meta.fixable ? 'yes' : 'no'} | ${tableCell(meta.description)} |`,
  );
  return ['| Rule | Codes | Default severity | Fixable | Description |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** The README formats table: one row per format record, in registry order. */
export function renderFormatTable(formats: readonly Format[]): string {
  // The record's `files` and `reads` are Markdown already (code spans), so only table pipes are escaped.
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = formats.map((f) => `| ${cell(f.title)} | ${cell(f.files)} | ${cell(f.reads)} |`);
  return ['| Format | Files | What is read |', '|---|---|---|', ...rows].join('\n');
}

/** `readme` with `content` between the markers; the markers (under `heading`) are appended when missing. Keeps the file's line breaks. */
function replaceBlock(readme: string, startMarker: string, endMarker: string, content: string, heading: string): string {
  const eol = readme.includes('\r\n') ? '\r\n' : '\n';
  const block = `${startMarker}${eol}${content.split('\n').join(eol)}${eol}${endMarker}`;
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  if (start >= 0 && end > start) return readme.slice(0, start) + block + readme.slice(end + endMarker.length);
  const base = readme.endsWith(eol) || readme === '' ? readme : readme + eol;
  return `${base}${eol}## ${heading}${eol}${eol}${block}${eol}`;
}

/** The README with the rule table (and, when `formats` are given, the formats table) between their markers. */
export function renderReadme(readme: string, rules: readonly Rule[], formats?: readonly Format[]): string {
  const withRules = replaceBlock(readme, README_START, README_END, renderRuleTable(rules), 'Rules');
  return formats ? replaceBlock(withRules, FORMATS_START, FORMATS_END, renderFormatTable(formats), 'Supported formats') : withRules;
}

/**
 * package.json's activation events: the config file and the formats' workspace markers (a workspace that
 * signs in with Entra), and the languages formats read (an auth file opened on its own).
 */
export function activationEvents(): string[] {
  return [
    `workspaceContains:**/${CONFIG_FILE_NAME}`,
    ...workspaceMarkers().map((glob) => `workspaceContains:${glob}`),
    ...formatLanguageIds().map((id) => `onLanguage:${id}`),
  ];
}

/** package.json with its activation events regenerated (the rest kept byte for byte when nothing changes). */
export function renderPackageJson(text: string): string {
  const manifest = JSON.parse(text) as { activationEvents?: string[] };
  manifest.activationEvents = activationEvents();
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Every generated file (path relative to the repository root, with `/`) and its content. */
export function renderDocs(rules: readonly Rule[], readme: string, packageJson?: string): Map<string, string> {
  const files = renderDocPages(rules, readme);
  if (packageJson !== undefined) files.set('package.json', renderPackageJson(packageJson));
  return files;
}

function renderDocPages(rules: readonly Rule[], readme: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const rule of rules) files.set(`docs/rules/${rule.meta.id}.md`, renderRulePage(rule));
  files.set('README.md', renderReadme(readme, rules, FORMATS));
  return files;
}

/** The repository root, from out/scripts/ (compiled) or scripts/ (ts-node style). */
export function repoRoot(): string {
  const up = path.resolve(__dirname, '..');
  return path.basename(up) === 'out' ? path.resolve(up, '..') : up;
}

/** Writes the generated files and removes pages of rules that no longer exist. */
export function writeDocs(root: string, rules: readonly Rule[] = RULES): { written: string[]; removed: string[] } {
  const readmePath = path.join(root, 'README.md');
  const readme = fs.existsSync(readmePath) ? fs.readFileSync(readmePath, 'utf8') : '';
  const packageJson = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
  const written: string[] = [];
  for (const [relative, content] of renderDocs(rules, readme, packageJson)) {
    const target = path.join(root, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === content) continue;
    fs.writeFileSync(target, content);
    written.push(relative);
  }
  const pages = path.join(root, 'docs/rules');
  const wanted = new Set(rules.map((r) => `${r.meta.id}.md`));
  const removed = fs.readdirSync(pages).filter((f) => f.endsWith('.md') && !wanted.has(f));
  for (const f of removed) fs.unlinkSync(path.join(pages, f));
  return { written, removed };
}

if (require.main === module) {
  const { written, removed } = writeDocs(repoRoot());
  process.stdout.write(
    `docs: ${RULES.length} rules; ${written.length} file(s) written${written.length ? `: ${written.join(', ')}` : ''}${removed.length ? `; removed ${removed.join(', ')}` : ''}\n`,
  );
}
