import type { ParsedFile, Range } from '../model';
import { POWERSHELL_MARKERS, readPowerShellInto } from './powershell';
import { RegistrationBuilder } from './registration-script';
import { REGISTRATION_COMMANDS, readShellInto } from './shell';
import { defineFormat, emptyParsed, HASH_COMMENTS } from './types';

// CI pipelines whose script steps register apps: GitHub Actions (`run:` with the step's, job's or
// workflow's `shell`, a Windows runner's PowerShell; `azure/cli` and `azure/powershell` `inlineScript`),
// Azure Pipelines (`script:`, `bash:`, `pwsh:`, `powershell:`, `AzureCLI@2` `inlineScript` with its
// `scriptType`, `AzurePowerShell` `Inline`, `PowerShell@2` `script`) and GitLab CI (`script:` lists).
//
// The reader outlines the YAML by lines (indentation, `- ` items, `key:`, block scalars `|` / `>`, quoted
// and plain scalars, comments) to find script values, keeps those that hold a registration command, and
// reads each with the shell or PowerShell reader on a copy of the file where everything else is blank,
// so every range is the file's own. A full YAML parser would spend its time on the rest of the file
// (a 100 KB workflow took tens of milliseconds); flow-style scripts (`{ run: … }`) and aliases are not read.

export const ciYamlFormat = defineFormat({
  id: 'ci-yaml',
  title: 'CI pipelines (YAML)',
  files: 'GitHub Actions, Azure Pipelines and GitLab CI `*.yml`/`*.yaml` whose script steps create or update app registrations',
  reads:
    "script steps (`run:`, `script:`, `bash:`, `pwsh:`, `powershell:`, `inlineScript:`, by the step's `shell`, the runner or `scriptType`), read as the shell and PowerShell scripts are",
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

// The outline and comment scans look at most characters of the file: they compare character codes
// (`charCodeAt`), cheaper than one-character strings (`text[i]`).
const SPACE = 32;
const TAB = 9;
const HASH = 35;
const DASH = 45;
const PIPE = 124;
const GREATER = 62;
const QUOTE = 34;
const APOSTROPHE = 39;
const BACKSLASH = 92;

const isBlank = (c: number): boolean => c === SPACE || c === TAB;

/** One line of the outline. */
interface Line {
  start: number;
  end: number;
  /** Column of the first character that is not a space; -1 for a blank line. */
  col: number;
  /** A `key:` on the line (after any `- ` item marks): its column, name and where its value starts. */
  keyCol: number;
  key?: string;
  valueStart: number;
  /** The line starts a sequence item (`- `) whose mark is at `col`. */
  item: boolean;
  /** The line belongs to the body of a block scalar or a multi-line scalar started above. */
  inScalar: boolean;
}

/** Keys whose value is a script, and the language when the context says nothing else. */
const SCRIPT_KEYS = new Map<string, Language | 'run' | 'task'>([
  ['run', 'run'],
  ['script', 'task'],
  ['before_script', 'bash'],
  ['after_script', 'bash'],
  ['bash', 'bash'],
  ['pwsh', 'pwsh'],
  ['powershell', 'pwsh'],
  ['inlinescript', 'task'],
  ['inline', 'pwsh'],
]);

const KEY = /^(?:"([^"\n]*)"|'([^'\n]*)'|([^\s#'"{[\]},&*!|>%@`][^:#\n]*?))[ \t]*:(?=[ \t]|$)/;

function readCiYaml(parsed: ParsedFile, text: string): void {
  const lines = outline(text);
  parsed.comments = comments(text, lines);
  // Where registration commands are written: a script is read only when one lies inside it.
  const markers = markerOffsets(text);
  if (!markers.length) return;
  const bodies: { range: Range; language: Language; folded: boolean }[] = [];
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const kind = line.key !== undefined && !line.inScalar ? SCRIPT_KEYS.get(line.key.toLowerCase()) : undefined;
    if (!kind) continue;
    for (const scalar of scalarsOf(text, lines, n)) {
      if (!holdsOffset(markers, scalar.range)) continue;
      const script = text.slice(scalar.range.start, scalar.range.end);
      const language = languageOf(kind, line.key!.toLowerCase(), text, lines, n, script);
      if (language) bodies.push({ ...scalar, language });
    }
  }
  if (!bodies.length) return;
  // One builder for both languages: a pwsh step may update the app a bash step created or named.
  const builder = new RegistrationBuilder();
  for (const language of ['bash', 'pwsh'] as const) {
    const mine = bodies.filter((b) => b.language === language).sort((a, b) => a.range.start - b.range.start);
    if (!mine.length) continue;
    // Spaces before and between the scripts (a line break between two keeps their commands apart).
    const parts: string[] = [];
    let at = 0;
    for (const body of mine) {
      if (body.range.start < at) continue;
      const gap = body.range.start - at;
      parts.push(at === 0 || gap === 0 ? ' '.repeat(gap) : ' '.repeat(gap - 1) + '\n');
      const script = text.slice(body.range.start, body.range.end);
      parts.push(body.folded ? fold(script) : script);
      at = body.range.end;
    }
    const virtual = parts.join('');
    if (language === 'bash') readShellInto(parsed, virtual, builder);
    else readPowerShellInto(parsed, virtual, builder);
  }
  parsed.registrations.push(...builder.build());
}

/** Offsets, in order, where a registration command or cmdlet is written. */
function markerOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (const marker of [REGISTRATION_COMMANDS, POWERSHELL_MARKERS]) {
    const global = new RegExp(marker.source, marker.flags.includes('g') ? marker.flags : marker.flags + 'g');
    for (let m = global.exec(text); m && offsets.length < 10_000; m = global.exec(text)) {
      offsets.push(m.index);
      if (m[0].length === 0) global.lastIndex++;
    }
  }
  return offsets.sort((a, b) => a - b);
}

/** Whether a sorted offset list holds one inside `range`. */
function holdsOffset(offsets: number[], range: Range): boolean {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] < range.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < offsets.length && offsets[lo] < range.end;
}

/** The lines of the text, classified in one pass (block scalar bodies marked by indentation). */
function outline(text: string): Line[] {
  const lines: Line[] = [];
  /** While inside a block scalar: the column its body must exceed. */
  let scalarParent = -1;
  let quoteOpen: string | undefined;
  // The next `\n` and `\r` at or after the line's start, found by indexOf (native: the file's every
  // character is passed here) and searched again only once passed.
  let nextLf = -1;
  let nextCr = -1;
  for (let start = 0; start <= text.length;) {
    if (nextLf < start) nextLf = indexOrEnd(text, '\n', start);
    if (nextCr < start) nextCr = indexOrEnd(text, '\r', start);
    const end = Math.min(nextLf, nextCr);
    let col = start;
    while (col < end && isBlank(text.charCodeAt(col))) col++;
    const blank = col === end;
    const line: Line = { start, end, col: blank ? -1 : col - start, keyCol: -1, valueStart: end, item: false, inScalar: false };
    if (quoteOpen) {
      // A quoted scalar that goes on over lines.
      line.inScalar = true;
      if (closesQuote(text, start, end, quoteOpen) >= 0) quoteOpen = undefined;
    } else if (scalarParent >= 0 && (blank || line.col > scalarParent)) {
      line.inScalar = true;
    } else {
      scalarParent = -1;
      if (!blank && text.charCodeAt(col) !== HASH) classify(text, line, col);
      if (line.key !== undefined) {
        const value = line.valueStart;
        const c = text[value];
        if (c === '|' || c === '>') scalarParent = line.keyCol;
        else if ((c === '"' || c === "'") && closesQuote(text, value + 1, end, c) < 0) quoteOpen = c;
      } else if (line.item && (text[line.valueStart] === '|' || text[line.valueStart] === '>')) scalarParent = line.col;
    }
    lines.push(line);
    if (end >= text.length) break;
    start = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
  return lines;
}

/** Where `search` is next found from `from`, or the text's length. */
function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}

/** Item marks and the key of a line that starts at `col`. */
function classify(text: string, line: Line, col: number): void {
  let at = col;
  while (text.charCodeAt(at) === DASH && (isBlank(text.charCodeAt(at + 1)) || at + 1 === line.end)) {
    line.item = true;
    at++;
    while (at < line.end && isBlank(text.charCodeAt(at))) at++;
  }
  line.valueStart = at;
  const match = KEY.exec(text.slice(at, Math.min(line.end, at + 300)));
  if (!match) return;
  line.key = (match[1] ?? match[2] ?? match[3]).trim();
  line.keyCol = at - line.start;
  let value = at + match[0].length;
  while (value < line.end && isBlank(text.charCodeAt(value))) value++;
  line.valueStart = value;
}

/** Offset of the quote that closes a quoted scalar in `start`..`end` (`''` and `\"` escape), or -1. */
function closesQuote(text: string, start: number, end: number, quote: string): number {
  const code = quote.charCodeAt(0);
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (code === QUOTE && c === BACKSLASH) i++;
    else if (c === code) {
      if (code === APOSTROPHE && text.charCodeAt(i + 1) === APOSTROPHE) i++;
      else return i;
    }
  }
  return -1;
}

/** The script values of the key on line `n`: its scalar, or the items of a sequence below it. */
function scalarsOf(text: string, lines: Line[], n: number): { range: Range; folded: boolean }[] {
  const line = lines[n];
  if (line.valueStart < line.end && text[line.valueStart] !== '#') {
    const one = scalarAt(text, lines, n, line.valueStart, line.keyCol);
    return one ? [one] : [];
  }
  // `script:` followed by `- item` lines.
  const result: { range: Range; folded: boolean }[] = [];
  for (let k = n + 1; k < lines.length; k++) {
    const next = lines[k];
    if (next.col < 0 || next.inScalar || text[next.start + next.col] === '#') continue;
    if (next.col < line.keyCol || (next.col === line.keyCol && !next.item)) break;
    if (!next.item || next.key !== undefined) {
      if (next.col <= line.keyCol) break;
      continue;
    }
    const one = scalarAt(text, lines, k, next.valueStart, next.col);
    if (one) result.push(one);
  }
  return result;
}

/** The scalar starting at `at` on line `n`, whose parent sits at column `parentCol`. */
function scalarAt(text: string, lines: Line[], n: number, at: number, parentCol: number): { range: Range; folded: boolean } | undefined {
  const line = lines[n];
  const c = text[at];
  if (c === '|' || c === '>') {
    // The body: the lines below that are blank or indented past the parent.
    let last = n;
    for (let k = n + 1; k < lines.length && lines[k].inScalar; k++) if (lines[k].col >= 0) last = k;
    if (last === n) return undefined;
    return { range: { start: line.end, end: lines[last].end }, folded: c === '>' };
  }
  if (c === '"' || c === "'") {
    for (let k = n; k < lines.length; k++) {
      const from = k === n ? at + 1 : lines[k].start;
      const close = closesQuote(text, from, lines[k].end, c);
      if (close >= 0) {
        // Escapes in a double-quoted scalar would move characters: such a script is not read.
        if (c === '"' && text.slice(at, close).includes('\\')) return undefined;
        return { range: { start: at + 1, end: close }, folded: true };
      }
      if (k > n && !lines[k].inScalar) return undefined;
    }
    return undefined;
  }
  // A plain scalar: to a comment, and over the following lines indented past the parent.
  let end = plainEnd(text, at, line.end);
  for (let k = n + 1; k < lines.length; k++) {
    const next = lines[k];
    if (next.col < 0) continue;
    if (next.col <= parentCol || next.key !== undefined || next.item || text[next.start + next.col] === '#') break;
    end = plainEnd(text, next.start + next.col, next.end);
  }
  return { range: { start: at, end }, folded: true };
}

/** A plain scalar ends at ` #` or the end of its line (trailing spaces dropped). */
function plainEnd(text: string, start: number, lineEnd: number): number {
  let end = lineEnd;
  for (let i = start; i < lineEnd; i++) {
    if (text.charCodeAt(i) === HASH && isBlank(text.charCodeAt(i - 1))) {
      end = i;
      break;
    }
  }
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return end;
}

/** The language of a script: the key says, or the step's `shell`, the task's `scriptType`, the runner. */
function languageOf(kind: Language | 'run' | 'task', key: string, text: string, lines: Line[], n: number, script: string): Language | undefined {
  if (kind === 'bash' || kind === 'pwsh') return kind;
  const siblings = mappingOf(text, lines, n);
  const cmdlets = /\b(?:New|Update|Set)-(?:Mg|Entra|AzureAD|AzAD)\w*Application\b|Invoke-MgGraphRequest/i.test(script);
  if (kind === 'run') {
    const shell = siblings.get('shell');
    if (shell) return shellLanguage(shell);
    for (const ancestor of ancestorsOf(text, lines, n)) {
      const defaults = ancestor.get('defaults.run.shell');
      if (defaults) return shellLanguage(defaults);
      const runsOn = ancestor.get('runs-on');
      if (runsOn) return /windows/i.test(runsOn) ? 'pwsh' : cmdlets ? 'pwsh' : 'bash';
    }
    return cmdlets ? 'pwsh' : 'bash';
  }
  const scriptType = siblings.get('scripttype')?.toLowerCase();
  if (scriptType === 'pscore' || scriptType === 'ps' || scriptType === 'powershell') return 'pwsh';
  if (scriptType === 'batch') return undefined;
  if (scriptType === 'bash') return 'bash';
  // `inputs:` / `with:` sit under the task or action that says what runs the script.
  for (const ancestor of ancestorsOf(text, lines, n).slice(0, 2)) {
    const runner = ancestor.get('task') ?? ancestor.get('uses');
    if (runner && /powershell/i.test(runner)) return 'pwsh';
    if (runner) return key === 'inlinescript' && cmdlets ? 'pwsh' : 'bash';
  }
  return cmdlets ? 'pwsh' : 'bash';
}

function shellLanguage(shell: string): Language | undefined {
  if (/pwsh|powershell/i.test(shell)) return 'pwsh';
  if (/\b(?:bash|sh|zsh)\b/i.test(shell)) return 'bash';
  return undefined;
}

/** The `key: value` pairs of the mapping line `n` belongs to (values as written, unquoted). */
function mappingOf(text: string, lines: Line[], n: number): Map<string, string> {
  const col = lines[n].keyCol;
  const result = new Map<string, string>();
  const take = (k: number) => {
    const line = lines[k];
    if (line.key === undefined || line.keyCol !== col) return;
    const key = line.key.toLowerCase();
    result.set(key, scalarText(text, line));
    // `defaults:` → `run:` → `shell:` below it, for run: steps of the jobs inside.
    if (key === 'defaults' || key === 'run') {
      for (let j = k + 1; j < lines.length && (lines[j].col < 0 || lines[j].col > col); j++) {
        if (lines[j].key?.toLowerCase() === 'shell') result.set(key === 'defaults' ? 'defaults.run.shell' : 'run.shell', scalarText(text, lines[j]));
      }
    }
  };
  // Upwards to the mapping's first line (an item mark at a lower column starts it), then downwards.
  let first = n;
  for (let k = n; k >= 0; k--) {
    const line = lines[k];
    if (line.col < 0 || line.inScalar || text[line.start + line.col] === '#') continue;
    if (line.keyCol === col) {
      first = k;
      if (line.item && line.col < col) break;
      continue;
    }
    if (line.col < col) break;
  }
  for (let k = first; k < lines.length; k++) {
    const line = lines[k];
    if (line.col < 0 || line.inScalar || text[line.start + line.col] === '#') continue;
    if (k > first && (line.col < col || (line.item && line.keyCol === col && line.col < col))) break;
    take(k);
  }
  return result;
}

/** The mappings around line `n`, innermost first (each parent key's own mapping). */
function ancestorsOf(text: string, lines: Line[], n: number): Map<string, string>[] {
  const result: Map<string, string>[] = [];
  let col = lines[n].keyCol;
  for (let k = n - 1; k >= 0 && col > 0 && result.length < 12; k--) {
    const line = lines[k];
    if (line.col < 0 || line.inScalar || text[line.start + line.col] === '#') continue;
    const lineCol = line.key !== undefined ? line.keyCol : line.col;
    if (line.col < col && lineCol < col) {
      result.push(mappingOf(text, lines, k));
      col = lineCol;
    } else if (line.item && line.col < col) {
      // The item mark of the mapping we are in: its parent is further up.
      col = line.col;
    }
  }
  return result;
}

/** A one-line scalar value as written, without quotes or a trailing comment. */
function scalarText(text: string, line: Line): string {
  const raw = text.slice(line.valueStart, plainEnd(text, line.valueStart, line.end)).trim();
  return /^(['"]).*\1$/.test(raw) ? raw.slice(1, -1) : raw;
}

/** YAML folding: a line break between two lines of text reads as a space (same length, offsets kept). */
function fold(script: string): string {
  return script.replace(/([^\s])(\r?\n)(?=[ \t]*[^\s])/g, (_, before: string, br: string) => before + ' '.repeat(br.length));
}

/** YAML comments: `#` lines and ` #` after a value, outside scalar bodies and quotes. */
function comments(text: string, lines: Line[]): Range[] {
  const result: Range[] = [];
  for (const line of lines) {
    if (line.col < 0 || line.inScalar) continue;
    let quote = 0; // the open quote's code, 0: none
    for (let i = line.start + line.col; i < line.end; i++) {
      const c = text.charCodeAt(i);
      if (quote) {
        if (c === quote) quote = 0;
        continue;
      }
      if ((c === QUOTE || c === APOSTROPHE) && (i === line.valueStart || i === line.start + line.col)) quote = c;
      else if (c === HASH && (i === line.start + line.col || isBlank(text.charCodeAt(i - 1)))) {
        result.push({ start: i, end: line.end });
        break;
      } else if ((c === PIPE || c === GREATER) && i === line.valueStart) break;
    }
  }
  return result;
}
