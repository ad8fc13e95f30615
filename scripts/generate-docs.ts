import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../src/core/config/config-file';
import { FORMATS, formatLanguageIds, workspaceMarkers, type Format } from '../src/core/formats';
import { RULES } from '../src/core/rules';
import type { Rule } from '../src/core/rules/types';
import { codeLink, prose, renderRulePage as renderRulePageBody } from '../src/core/docs/rule-page';
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

export { codeLink };

function tableCell(text: string): string {
  return prose(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A rule's page (the core's renderer, src/core/docs/rule-page.ts) with its docs scenarios (test/scenarios/<id>/docs-…) as examples. */
export function renderRulePage(rule: Rule, examples: RuleExample[] = ruleExamples(rule.meta.id)): string {
  return [GENERATED, '', renderRulePageBody(rule, renderExamples(examples, prose))].join('\n');
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
 * Languages nearly every workspace has: activating on them would start the extension everywhere. A
 * workspace holding auth files of these languages activates through its markers (file names) instead.
 * The mobile app languages (Swift, Objective-C, Kotlin, Dart) are not here: an app in them is where a
 * redirect URI most often lives, and activation costs only the registration of the providers.
 */
export const GENERAL_PURPOSE_LANGUAGES: ReadonlySet<string> = new Set([
  'plaintext',
  'log',
  'markdown',
  'json',
  'jsonc',
  'xml',
  'yaml',
  'properties',
  'ini',
  'javascript',
  'javascriptreact',
  'typescript',
  'typescriptreact',
  'csharp',
  'java',
  'python',
  'groovy',
  'shellscript',
  'powershell',
  'go',
  // Every repository with CI has these; a pipeline that signs in is found by the workspace markers.
  'github-actions-workflow',
  'azure-pipelines',
]);

/**
 * package.json's activation events: the config file and the formats' workspace markers (a workspace that
 * signs in with Entra), and the languages formats read that are not general-purpose (an auth file opened
 * on its own). Elsewhere the extension wakes only for its own contributions (Explain, rule pages).
 */
export function activationEvents(): string[] {
  return [
    `workspaceContains:**/${CONFIG_FILE_NAME}`,
    ...workspaceMarkers().map((glob) => `workspaceContains:${glob}`),
    ...formatLanguageIds()
      .filter((id) => !GENERAL_PURPOSE_LANGUAGES.has(id))
      .map((id) => `onLanguage:${id}`),
  ];
}

/** The `entraAuthLint.rules` setting's keys: one per rule, with its severities, for completion and validation. */
export function rulesSettingProperties(rules: readonly Rule[]): Record<string, unknown> {
  const severities = ['off', 'hint', 'information', 'warning', 'error'];
  return Object.fromEntries(
    rules.map(({ meta }) => [
      meta.id,
      {
        type: 'string',
        enum: severities,
        markdownDescription: `${meta.description} Default: \`${meta.defaultSeverity}\`.${meta.codes.length ? ` Prevents ${meta.codes.join(', ')}.` : ''}`,
      },
    ]),
  );
}

interface ConfigurationSection {
  properties?: Record<string, { properties?: unknown; additionalProperties?: unknown }>;
}

/** package.json with its generated parts regenerated: activation events and the rule keys of `entraAuthLint.rules`. */
export function renderPackageJson(text: string, rules: readonly Rule[] = RULES): string {
  const manifest = JSON.parse(text) as { activationEvents?: string[]; contributes?: { configuration?: ConfigurationSection | ConfigurationSection[] } };
  manifest.activationEvents = activationEvents();
  const sections = manifest.contributes?.configuration;
  for (const section of Array.isArray(sections) ? sections : sections ? [sections] : []) {
    const setting = section.properties?.['entraAuthLint.rules'];
    if (!setting) continue;
    setting.properties = rulesSettingProperties(rules);
    setting.additionalProperties = false;
  }
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Every generated file (path relative to the repository root, with `/`) and its content. */
export function renderDocs(rules: readonly Rule[], readme: string, packageJson?: string): Map<string, string> {
  const files = renderDocPages(rules, readme);
  if (packageJson !== undefined) files.set('package.json', renderPackageJson(packageJson, rules));
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
