import { isMap, isScalar, isSeq, parseAllDocuments, type Node as YamlNode, type Scalar } from 'yaml';
import type { ParsedFile, Range } from '../model';
import { POWERSHELL_MARKERS, readPowerShellInto } from './powershell';
import { RegistrationBuilder } from './registration-script';
import { REGISTRATION_COMMANDS, readShellInto } from './shell';
import { defineFormat, emptyParsed, HASH_COMMENTS, MAX_PROBLEMS } from './types';

// CI pipelines whose script steps register apps: GitHub Actions (`run:` with the step's, job's or
// workflow's `shell`, `azure/cli` and `azure/powershell` `inlineScript`), Azure Pipelines (`script:`,
// `bash:`, `pwsh:`, `powershell:`, `AzureCLI@2` `inlineScript` with its `scriptType`, `AzurePowerShell`
// `Inline`) and GitLab CI (`script:` lists). The YAML is parsed with the `yaml` package; every script body
// is then read by the shell or PowerShell reader on a copy of the file where everything else is blank, so
// each range is the file's own. Only files that hold a registration command are claimed.

export const ciYamlFormat = defineFormat({
  id: 'ci-yaml',
  title: 'CI pipelines (YAML)',
  files: 'GitHub Actions, Azure Pipelines and GitLab CI `*.yml`/`*.yaml` whose script steps create or update app registrations',
  reads: 'the script bodies of `run:`, `script:`, `bash:`, `pwsh:`, `powershell:`, `inlineScript:` (by the step\'s shell or `scriptType`), read as the shell and PowerShell scripts are',
  globs: ['**/*.yml', '**/*.yaml'],
  comments: HASH_COMMENTS,
  literal: 'code',
  languageIds: ['yaml', 'github-actions-workflow', 'azure-pipelines'],
  byName: (path) => (/\.ya?ml$/i.test(path) ? 'sniff' : 'no'),
  sniff: (text) => REGISTRATION_COMMANDS.test(text) || POWERSHELL_MARKERS.test(text),
  parse(path, text) {
    const parsed = emptyParsed(path, 'ci-yaml', text);
    readCiYaml(parsed, text);
    return parsed;
  },
});

type Language = 'bash' | 'pwsh';

interface Body {
  /** The script's characters in the file. */
  range: Range;
  language: Language;
  /** Folded (`>`, or a plain scalar over several lines): a line break inside is a space. */
  folded: boolean;
}

/** Keys whose value is a script, and the language it is in when the context does not say otherwise. */
const SCRIPT_KEYS: Record<string, Language | 'step-shell' | 'task'> = {
  run: 'step-shell',
  script: 'task',
  before_script: 'bash',
  after_script: 'bash',
  bash: 'bash',
  pwsh: 'pwsh',
  powershell: 'pwsh',
  inlinescript: 'task',
  inline: 'pwsh',
};

interface Context {
  /** The default shell of `run:` steps here (GitHub `defaults.run.shell`, a Windows runner). */
  shell?: Language;
}

/** Past this nesting the YAML parser (recursive) is not called: the file is reported, not read. */
const MAX_NESTING = 200;

/**
 * How deep a YAML text nests, roughly: flow brackets plus block indentation levels (a stack of the
 * indentations seen). Linear, no recursion; quotes are not followed, so it errs on the deep side.
 */
function nestingDepth(text: string): number {
  let deepest = 0;
  let flow = 0;
  const indents: number[] = [];
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (c === 32 || c === 45 /* - */) {
        indent++;
        continue;
      }
      lineStart = false;
      if (c !== 35 /* # */) {
        while (indents.length && indents[indents.length - 1] > indent) indents.pop();
        if (!indents.length || indents[indents.length - 1] < indent) indents.push(indent);
      }
    }
    if (c === 91 || c === 123) flow++;
    else if ((c === 93 || c === 125) && flow > 0) flow--;
    if (flow + indents.length > deepest) deepest = flow + indents.length;
  }
  return deepest;
}

function readCiYaml(parsed: ParsedFile, text: string): void {
  if (nestingDepth(text) > MAX_NESTING) {
    parsed.problems.push({ message: `YAML nested deeper than ${MAX_NESTING} levels; the file was not read`, range: { start: 0, end: Math.min(1, text.length) } });
    return;
  }
  let documents: ReturnType<typeof parseAllDocuments>;
  try {
    documents = parseAllDocuments(text, { uniqueKeys: false, strict: false, prettyErrors: false });
  } catch (error) {
    parsed.problems.push({ message: `YAML could not be parsed: ${(error as Error).message}`, range: { start: 0, end: 0 } });
    return;
  }
  const list = Array.isArray(documents) ? documents : [documents];
  const bodies: Body[] = [];
  const scalars: Range[] = [];
  for (const document of list) {
    for (const error of document.errors.slice(0, MAX_PROBLEMS - parsed.problems.length)) {
      const [start, end] = error.pos;
      parsed.problems.push({ message: `YAML: ${error.message.split('\n')[0]}`, range: { start: Math.min(start, text.length), end: Math.min(Math.max(start, end), text.length) } });
    }
    collect(document.contents as YamlNode | null, text, bodies, scalars);
  }
  parsed.comments = yamlComments(text, scalars);
  // One builder for both languages: a pwsh step may update the app a bash step created or named.
  const builder = new RegistrationBuilder();
  for (const language of ['bash', 'pwsh'] as const) {
    const mine = bodies.filter((b) => b.language === language);
    if (!mine.length) continue;
    const virtual = blankOutside(text, mine);
    if (language === 'bash') readShellInto(parsed, virtual, builder);
    else readPowerShellInto(parsed, virtual, builder);
  }
  parsed.registrations.push(...builder.build());
  parsed.problems.splice(MAX_PROBLEMS);
}

/** Walks the YAML tree (an explicit stack) and collects script bodies and the ranges of all scalars. */
function collect(root: YamlNode | null, text: string, bodies: Body[], scalars: Range[]): void {
  const stack: { node: YamlNode | null | undefined; context: Context }[] = [{ node: root, context: {} }];
  while (stack.length) {
    const { node, context } = stack.pop()!;
    if (!node) continue;
    if (isScalar(node)) {
      if (node.range) scalars.push({ start: node.range[0], end: node.range[1] });
      continue;
    }
    if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item as YamlNode, context });
      continue;
    }
    if (!isMap(node)) continue;
    const entries = new Map<string, YamlNode | null>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (isScalar(pair.key) && pair.key.range) scalars.push({ start: pair.key.range[0], end: pair.key.range[1] });
      if (key !== undefined) entries.set(key.toLowerCase(), pair.value as YamlNode | null);
    }
    const here = contextOf(entries, context);
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value).toLowerCase() : undefined;
      const kind = key !== undefined ? SCRIPT_KEYS[key] : undefined;
      const value = pair.value as YamlNode | null;
      const language = kind ? languageOf(kind, key!, entries, here) : undefined;
      if (language) {
        const scripts = isSeq(value) ? value.items.filter(isScalar) : isScalar(value) ? [value] : [];
        for (const script of scripts) {
          const body = bodyOf(script, text, language);
          if (body) bodies.push(body);
          if (script.range) scalars.push({ start: script.range[0], end: script.range[1] });
        }
        if (scripts.length) continue;
      }
      stack.push({ node: value, context: here });
    }
  }
}

/** What a map says about the shell of the steps below it (GitHub `defaults.run.shell`, `runs-on` Windows). */
function contextOf(entries: Map<string, YamlNode | null>, outer: Context): Context {
  const defaults = entries.get('defaults');
  const run = isMap(defaults) ? defaults.get('run', true) : undefined;
  const shell = isMap(run) ? scalarText(run.get('shell', true) as YamlNode | undefined) : undefined;
  if (shell) return { shell: shellLanguage(shell) };
  const runsOn = scalarText(entries.get('runs-on') ?? undefined);
  if (runsOn && /windows/i.test(runsOn)) return { shell: 'pwsh' };
  if (runsOn) return { shell: 'bash' };
  return outer;
}

function languageOf(kind: Language | 'step-shell' | 'task', key: string, entries: Map<string, YamlNode | null>, context: Context): Language | undefined {
  if (kind === 'bash' || kind === 'pwsh') return kind;
  if (kind === 'step-shell') {
    const shell = scalarText(entries.get('shell') ?? undefined);
    return shell ? shellLanguage(shell) : (context.shell ?? 'bash');
  }
  // `script` / `inlineScript` under a task's inputs (or a GitHub `with:`): the scriptType or the task says.
  const scriptType = scalarText(entries.get('scripttype') ?? undefined)?.toLowerCase();
  if (scriptType === 'pscore' || scriptType === 'ps' || scriptType === 'powershell') return 'pwsh';
  if (scriptType === 'batch') return undefined;
  if (key === 'inlinescript') return context.shell === 'pwsh' && !scriptType ? 'pwsh' : 'bash';
  return context.shell === 'pwsh' && key !== 'script' ? 'pwsh' : 'bash';
}

function shellLanguage(shell: string): Language | undefined {
  if (/pwsh|powershell/i.test(shell)) return 'pwsh';
  if (/\b(?:bash|sh|zsh)\b/i.test(shell)) return 'bash';
  return undefined;
}

function scalarText(node: YamlNode | null | undefined): string | undefined {
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
}

/** The characters of a script scalar in the file; undefined when its escapes would move them (`"…\"…"`). */
function bodyOf(script: Scalar, text: string, language: Language): Body | undefined {
  if (!script.range) return undefined;
  const [start, end] = script.range;
  switch (script.type) {
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED': {
      // The header line (`|`, `>-`, `|2`, a comment) is not part of the script.
      let bodyStart = start;
      while (bodyStart < end && text[bodyStart] !== '\n' && text[bodyStart] !== '\r') bodyStart++;
      return { range: { start: bodyStart, end }, language, folded: script.type === 'BLOCK_FOLDED' };
    }
    case 'QUOTE_SINGLE':
      return { range: { start: start + 1, end: Math.max(start + 1, end - 1) }, language, folded: true };
    case 'QUOTE_DOUBLE':
      if (text.slice(start, end).includes('\\')) return undefined;
      return { range: { start: start + 1, end: Math.max(start + 1, end - 1) }, language, folded: true };
    default:
      return { range: { start, end }, language, folded: true };
  }
}

/**
 * The file with every character outside `bodies` turned into a space (line breaks kept), so a reader
 * of the script language sees only the scripts, at their own offsets. In folded bodies a single line
 * break between two lines of text is a space, as YAML reads it.
 */
function blankOutside(text: string, bodies: Body[]): string {
  const sorted = [...bodies].sort((a, b) => a.range.start - b.range.start);
  const out: string[] = [];
  let at = 0;
  for (const body of sorted) {
    if (body.range.start < at) continue;
    out.push(blank(text.slice(at, body.range.start)));
    const script = text.slice(body.range.start, body.range.end);
    out.push(body.folded ? fold(script) : script);
    at = body.range.end;
  }
  out.push(blank(text.slice(at)));
  return out.join('');
}

function blank(part: string): string {
  return part.replace(/[^\r\n]/g, ' ');
}

/** YAML folding: a line break between two non-blank lines reads as a space (same length, offsets kept). */
function fold(script: string): string {
  return script.replace(/([^\s])(\r?\n)(?=[ \t]*[^\s])/g, (_, before: string, br: string) => before + ' '.repeat(br.length));
}

/**
 * Ranges of YAML comments: a `#` after white space (or at a line start) outside every scalar, to the end
 * of its line. Comments inside script bodies are found by the script's own reader.
 */
function yamlComments(text: string, scalars: Range[]): Range[] {
  const sorted = scalars.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const comments: Range[] = [];
  let s = 0;
  for (let i = text.indexOf('#'); i >= 0; i = text.indexOf('#', i + 1)) {
    while (s < sorted.length && sorted[s].end <= i) s++;
    if (s < sorted.length && sorted[s].start <= i) {
      i = sorted[s].end - 1;
      continue;
    }
    const before = text[i - 1];
    if (i > 0 && before !== ' ' && before !== '\t' && before !== '\n' && before !== '\r') continue;
    let end = i;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    comments.push({ start: i, end });
    i = end;
  }
  return comments;
}
