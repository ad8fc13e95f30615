import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Severity } from '../src/core/model';
import { CONFIG_FILE_NAME } from '../src/core/config/config-file';
import { listScenarios, runScenario, SIDE_CAR, withoutMarkers, type Scenario } from '../test/helpers/scenarios';
import { filesUnder } from '../test/helpers/files';

// A rule's docs examples are scenario folders (test/scenarios/<id>/docs-fails…/, docs-passes…/): the
// scenario tests lint them, and the docs page shows their files and what the linter really reports.

export interface ExampleFile {
  /** Relative to the case folder, with `/`. */
  path: string;
  /** Undefined for a binary file. */
  text?: string;
}

export interface RuleExample {
  kind: 'fails' | 'passes';
  files: ExampleFile[];
  /** The rule's findings in the example, in file order. */
  reported: { file: string; severity: Severity; at: string; message: string }[];
}

/** The docs examples of a rule, fails first, each in case-name order. */
export function ruleExamples(ruleId: string, scenarios: Scenario[] = listScenarios()): RuleExample[] {
  const own = scenarios.filter((s) => s.topic === ruleId && s.docs);
  own.sort((a, b) => (a.docs === b.docs ? a.name.localeCompare(b.name) : a.docs === 'fails' ? -1 : 1));
  return own.map((scenario) => exampleOf(scenario, ruleId));
}

function exampleOf(scenario: Scenario, ruleId: string): RuleExample {
  const run = runScenario(scenario);
  const relative = (file: string) => path.relative(scenario.dir, file).replace(/\\/g, '/');
  // The config file first (it changes how the rest is read), the side-car never (it is for the tests).
  const files = filesUnder(scenario.dir)
    .map(relative)
    .filter((f) => f !== SIDE_CAR)
    .sort((a, b) => Number(b === CONFIG_FILE_NAME) - Number(a === CONFIG_FILE_NAME) || a.localeCompare(b))
    .map((file): ExampleFile => {
      const bytes = fs.readFileSync(path.join(scenario.dir, file));
      return bytes.includes(0) ? { path: file } : { path: file, text: withoutMarkers(bytes.toString('utf8')) };
    });
  const reported = run.findings
    .filter((f) => f.ruleId === ruleId)
    .map((f) => {
      const text = fs.readFileSync(f.file, 'utf8').replace(/^\uFEFF/, '');
      const at = text.slice(f.range.start, f.range.end);
      // Messages never hold absolute paths of this checkout; a page must be the same on every machine.
      return { file: relative(f.file), severity: f.severity, at, message: f.message.split(scenario.dir + path.sep).join('') };
    });
  return { kind: scenario.docs!, files, reported };
}

/** Longer files (a list of a hundred redirect URIs) are shown by their head and tail. */
const MAX_LINES = 40;
const HEAD_LINES = 16;
const TAIL_LINES = 12;

function fenceLanguage(file: string): string {
  const name = path.basename(file).toLowerCase();
  if (name.startsWith('.env')) return 'dotenv';
  const byExtension: Record<string, string> = {
    '.json': 'jsonc',
    '.jsonc': 'jsonc',
    '.ts': 'ts',
    '.tsx': 'tsx',
    '.js': 'js',
    '.jsx': 'jsx',
    '.mjs': 'js',
    '.cs': 'csharp',
    '.xml': 'xml',
    '.plist': 'xml',
    '.tf': 'hcl',
    '.bicep': 'bicep',
  };
  return byExtension[path.extname(name)] ?? 'text';
}

function shortened(text: string): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  if (lines.length <= MAX_LINES) return lines.join('\n');
  return [...lines.slice(0, HEAD_LINES), `… (${lines.length - HEAD_LINES - TAIL_LINES} more lines)`, ...lines.slice(-TAIL_LINES)].join('\n');
}

/** A fence long enough for the content (a file may itself hold ``` in a comment). */
function fence(language: string, text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const marks = '`'.repeat(longest + 1);
  return [`${marks}${language}`, text, marks].join('\n');
}

/** The "Examples" section of a rule page; `prose` escapes text for Markdown. */
export function renderExamples(examples: RuleExample[], prose: (text: string) => string): string[] {
  const lines: string[] = ['## Examples', ''];
  for (const kind of ['fails', 'passes'] as const) {
    const of = examples.filter((e) => e.kind === kind);
    if (!of.length) continue;
    lines.push(kind === 'fails' ? '### Reported' : '### Not reported', '');
    of.forEach((example, index) => {
      if (index > 0) lines.push('---', '');
      if (example.files.length > 1) lines.push(`A workspace of ${example.files.length} files:`, '');
      for (const file of example.files) {
        lines.push(`\`${file.path}\``, '');
        lines.push(file.text === undefined ? '(a binary file)' : fence(fenceLanguage(file.path), shortened(file.text)), '');
      }
      for (const r of example.reported) {
        const quoted = r.at.replace(/`/g, "'").replace(/\s+/g, ' ').trim().slice(0, 80);
        const inFile = example.files.length > 1 ? ` in \`${r.file}\`` : '';
        const at = quoted ? `at \`${quoted}\`${inFile}` : `on the whole file${inFile}`;
        lines.push(`> **${r.severity}** ${at}: ${prose(r.message)}`, '');
      }
    });
  }
  return lines;
}
