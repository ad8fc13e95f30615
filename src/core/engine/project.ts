import type { Evidence, Finding, FormatId, ParsedFile, Range, RelatedInfo, Severity } from '../model';
import { commentSyntaxFor, detectFormat, formatByName, formatsReadingFactsOf } from '../formats';
import { emptyParsed } from '../formats/types';
import { effectiveOptions, type EffectiveOptions, type LintOptions } from './options';
import { RULES } from '../rules';
import { fileSkipped } from '../rules/file-skipped';
import { isWorkspaceRule, type Report, type Rule } from '../rules/types';
import { directiveComment, inlineSuppressions, isSuppressedInline } from './suppress';
import { LineIndex, stripBom } from '../io/text';
import { WorkspaceIndex } from './workspace';
import { relativeSlash } from '../io/paths';
import { compileGlobs, type PathMatcher } from '../io/glob';
import { markTemplate } from './templates';
import { capForTests, TestPaths } from './test-code';
import { oneFindingPerProblem } from './one-finding';
import { releasingScratch } from '../lexing/scratch';

/**
 * The engine's one entry point, used by both the CLI and the extension: holds the parsed files of a
 * workspace, re-parses one when its text changes, and lints a file (its own rules plus the cross-file
 * rules that read the index). Nothing here touches the file system or the network.
 */
export class Project {
  readonly options: EffectiveOptions;
  readonly index: WorkspaceIndex;
  /** By parsed file, not path: projects sharing an index (editor folders) see each other's new versions. */
  private readonly lineIndexes = new WeakMap<ParsedFile, LineIndex>();
  private readonly rules: Rule[];
  /** A rule's place in the list: of two findings on one range with the same severity, the earlier rule's stays. */
  private readonly ruleRank: Map<string, number>;
  private suppressionMatchers?: { rule: string; value?: string; matches: PathMatcher }[];
  /** Which files are test code (options.testPaths): their findings are capped (rule meta testCodeSeverity). */
  readonly testPaths: TestPaths;

  /**
   * `root` anchors the glob patterns of suppressions (the scanned folder). `index` may be shared by the
   * projects of one editor workspace, so files of one folder link to those of another (each project keeps
   * its own options).
   */
  constructor(
    options: LintOptions = {},
    readonly root?: string,
    rules: Rule[] = RULES,
    index: WorkspaceIndex = new WorkspaceIndex(),
  ) {
    this.options = effectiveOptions(options);
    this.rules = rules;
    this.ruleRank = new Map(rules.map((rule, i) => [rule.meta.id, i]));
    this.index = index;
    this.testPaths = new TestPaths(this.options.testPaths, root ? [root] : []);
  }

  /** Parses `text` as the file at `path`; returns undefined when no format reads it. */
  setFile(path: string, text: string): ParsedFile | undefined {
    text = stripBom(text);
    const format = detectFormat(path, text);
    if (!format) {
      this.removeFile(path);
      return undefined;
    }
    let parsed: ParsedFile;
    try {
      parsed = releasingScratch(() => format.parse(path, text));
    } catch (error) {
      // A format must not throw; if one does, the file still gets a parse-error finding instead of a crash.
      parsed = emptyParsed(path, format.id, text);
      parsed.problems.push({ message: `could not be read: ${(error as Error).message ?? String(error)}`, range: { start: 0, end: 0 } });
    }
    markTemplate(parsed);
    this.index.set(parsed);
    return parsed;
  }

  /**
   * Records a file that was not read (too large, binary), so it gets an information finding; `format` is
   * the one it would have been read as (by default the one its name suggests).
   */
  setSkipped(path: string, reason: string, format: FormatId | undefined = formatByName(path)?.id): void {
    const parsed = emptyParsed(path, format ?? FALLBACK_FORMAT, '');
    parsed.skipped = reason;
    this.index.set(parsed);
  }

  removeFile(path: string): void {
    this.index.delete(path);
  }

  has(path: string): boolean {
    return this.index.get(path) !== undefined;
  }

  paths(): string[] {
    return this.index.all().map((f) => f.path);
  }

  /** Files whose findings may change when `path` changes: itself and every file linked to it by id or module. */
  dependentsOf(path: string): string[] {
    const changed = this.index.get(path);
    const result = new Set<string>([path]);
    if (!changed) return [...result];
    // Files that take values from this one, or give it theirs (engine/link.ts).
    for (const linked of this.index.linkedWith(path)) result.add(linked);
    for (const registration of changed.registrations) {
      for (const { file } of this.index.configsFor(registration.appId?.value)) result.add(file.path);
    }
    for (const config of changed.configs) {
      for (const { file } of this.index.registrationsFor(config.clientId?.value)) result.add(file.path);
      // Configs of one app read each other (authority-audience-mismatch proposes the tenant another one uses).
      for (const { file } of this.index.configsFor(config.clientId?.value)) result.add(file.path);
    }
    // Platform files of an app (Android manifests and MSAL configs, Info.plist) are read by other formats' rules.
    const readers = new Set(formatsReadingFactsOf(changed.format));
    if (readers.size) for (const file of this.index.all()) if (readers.has(file.format)) result.add(file.path);
    return [...result];
  }

  lintFile(path: string): Finding[] {
    const file = this.index.get(path);
    if (!file) return [];
    let findings: Finding[] = [];
    // Why a file was not checked fully (a rule that failed, the work budget): never merged with a problem.
    const notes: Finding[] = [];
    const lines = this.lines(file);
    const comments = file.comments && [...file.comments].sort((a, b) => a.start - b.start);
    const suppressed = inlineSuppressions(file.text, lines, comments, file.skipped ? undefined : commentSyntaxFor(file.format, file.path));
    const { rules: globSuppressions, values: valueSuppressions } = this.globSuppressions(path);
    const inTests = this.testPaths.has(path);
    // The work budget: each rule is charged the size of the model it reads (one unit per element), and once
    // the budget is spent the remaining rules are not run (except the cheap ones that say why a file was not
    // read fully). Work, not time, so the same input gives the same findings on any machine.
    const cost = 1 + modelSize(file);
    let spent = 0;
    const notRun: string[] = [];
    for (const rule of this.rules) {
      const override = this.options.rules[rule.meta.id];
      if (override === 'off') continue;
      if (globSuppressions.has('*') || globSuppressions.has(rule.meta.id)) continue;
      if (!ALWAYS_RUN.has(rule.meta.id)) {
        if (spent + cost > this.options.workBudget) {
          notRun.push(rule.meta.id);
          continue;
        }
        spent += cost;
      }
      const reports: Report[] = [];
      try {
        const report = (r: Report) => void (reports.length < MAX_REPORTS_PER_RULE && reports.push(r));
        if (isWorkspaceRule(rule)) rule.check({ file, workspace: this.index, options: this.options, report });
        else rule.check({ file, options: this.options, report });
      } catch (error) {
        // One broken rule must not hide the findings of the others.
        reports.length = 0;
        notes.push(
          this.toFinding(
            file,
            lines,
            rule,
            { range: { start: 0, end: 0 }, message: `rule ${rule.meta.id} failed on this file: ${(error as Error).message}`, severity: 'information' },
            'information',
          ),
        );
        continue;
      }
      for (const report of reports) {
        const chosen: Severity = override ?? report.severity ?? rule.meta.defaultSeverity;
        const severity = inTests ? capForTests(chosen, rule.meta.testCodeSeverity) : chosen;
        const finding = this.toFinding(file, lines, rule, report, severity);
        if (!isSuppressedInline(finding, suppressed) && !onSuppressedValue(file.text, finding, valueSuppressions)) findings.push(finding);
      }
    }
    findings = oneFindingPerProblem(file, findings, (id) => this.ruleRank.get(id) ?? this.rules.length);
    findings.push(...notes);
    const noteSeverity = this.options.rules[fileSkipped.meta.id] ?? fileSkipped.meta.defaultSeverity;
    if (notRun.length && noteSeverity !== 'off') {
      const message = `Checked only in part: the file holds ${cost - 1} redirect URIs, settings and other elements, over the work budget of ${this.options.workBudget} (workBudget); rules not run: ${notRun.join(', ')}.`;
      findings.push(this.toFinding(file, lines, fileSkipped, { range: { start: 0, end: 0 }, message }, noteSeverity));
    }
    if (findings.length > MAX_FINDINGS_PER_FILE) {
      // Bounded output: the first findings by position, then one that says how many more there were.
      findings.sort(byPosition);
      const hidden = findings.length - MAX_FINDINGS_PER_FILE;
      findings.length = MAX_FINDINGS_PER_FILE;
      if (noteSeverity !== 'off') {
        const message = `${hidden} more findings in this file are not shown (at most ${MAX_FINDINGS_PER_FILE} per file); fix the ones above and run again.`;
        findings.push(this.toFinding(file, lines, fileSkipped, { range: { start: 0, end: 0 }, message }, noteSeverity));
      }
    }
    return findings.sort(byPosition);
  }

  lintAll(): Map<string, Finding[]> {
    const result = new Map<string, Finding[]>();
    for (const path of this.paths().sort()) result.set(path, this.lintFile(path));
    return result;
  }

  /** How a suppression comment is written in a file the project holds; undefined where it cannot hold comments. */
  suppressionComment(path: string): { open: string; close: string } | undefined {
    const file = this.index.get(path);
    const syntax = file && !file.skipped ? commentSyntaxFor(file.format, path) : undefined;
    return syntax ? directiveComment(syntax) : undefined;
  }

  /** Line index of a file the project holds (for adapters converting offsets of edits). */
  lines(file: ParsedFile): LineIndex {
    let index = this.lineIndexes.get(file);
    if (!index) {
      index = new LineIndex(file.text);
      this.lineIndexes.set(file, index);
    }
    return index;
  }

  private toFinding(file: ParsedFile, lines: LineIndex, rule: Rule, report: Report, severity: Severity): Finding {
    const range = clampRange(report.range, file.text.length);
    return {
      file: file.path,
      range,
      start: lines.positionAt(range.start),
      end: lines.positionAt(range.end),
      ruleId: rule.meta.id,
      severity,
      codes: report.codes ?? rule.meta.codes,
      message: report.message,
      ...(report.detail ? { detail: report.detail } : {}),
      related: [...(report.related ?? []), ...evidenceFor(file, range, report)].map((r) => this.relatedInfo(r.file, r.range, r.message)),
      fixes: report.fixes ?? [],
    };
  }

  private relatedInfo(path: string, range: Range, message: string): RelatedInfo {
    const other = this.index.get(path);
    const lines = other ? this.lines(other) : new LineIndex('');
    const clamped = clampRange(range, other?.text.length ?? 0);
    return { file: path, range: clamped, start: lines.positionAt(clamped.start), end: lines.positionAt(clamped.end), message };
  }

  /** The config file's suppressions for a file: rules silenced in all of it, and rules silenced on one value. */
  private globSuppressions(path: string): { rules: Set<string>; values: { rule: string; value: string }[] } {
    const rules = new Set<string>();
    const values: { rule: string; value: string }[] = [];
    if (!this.options.suppressions.length) return { rules, values };
    const relative = this.root ? relativeSlash(this.root, path) : path.replace(/\\/g, '/');
    this.suppressionMatchers ??= this.options.suppressions.map((s) => ({ rule: s.rule, value: s.value, matches: suppressionMatcher(s.files) }));
    for (const s of this.suppressionMatchers) {
      if (!s.matches(relative)) continue;
      if (s.value === undefined) rules.add(s.rule);
      else values.push({ rule: s.rule, value: s.value });
    }
    return { rules, values };
  }
}

/**
 * Whether a finding is on a value a suppression names: the text of its range, without the quotes a reader
 * may include, is the value (so the entry survives edits elsewhere in the file, and a new value is reported).
 */
function onSuppressedValue(text: string, finding: Finding, values: { rule: string; value: string }[]): boolean {
  if (!values.length) return false;
  const raw = text.slice(finding.range.start, finding.range.end);
  const unquoted = /^(["'`]).*\1$/s.test(raw) ? raw.slice(1, -1) : raw;
  return values.some((s) => (s.rule === '*' || s.rule === finding.ruleId) && (s.value === raw || s.value === unquoted));
}

/** A suppression's `files` glob matches at the root and at any depth; a pattern that does not compile matches nothing. */
function suppressionMatcher(files: string): PathMatcher {
  try {
    return compileGlobs([files, `**/${files}`], 'suppressions[].files');
  } catch {
    return () => false;
  }
}

/** The format of a skipped file whose name no format claims (a file named on the command line): plain JSON. */
const FALLBACK_FORMAT: FormatId = 'json-config';

/** Findings kept per file; the rest are counted in one finding (a generated file can hold 100,000 copies). */
export const MAX_FINDINGS_PER_FILE = 1000;
/** Reports kept per rule and file before the cap above is applied (bounds memory on hostile files). */
const MAX_REPORTS_PER_RULE = MAX_FINDINGS_PER_FILE + 1;

function byPosition(a: Finding, b: Finding): number {
  return a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId);
}

/** The elements of a file's model that rules walk: the unit of the work budget. */
function modelSize(file: ParsedFile): number {
  let size = file.configs.length + file.registrations.length + file.problems.length;
  for (const config of file.configs) size += config.redirectUris.length;
  for (const registration of file.registrations) size += registration.redirectUris.length;
  size += file.android?.intentData.length ?? 0;
  size += (file.ios?.urlSchemes.length ?? 0) + (file.ios?.queriesSchemes.length ?? 0);
  return size;
}

/** Rules that only report why a file was not read fully: cheap, and what the user most needs to see. */
const ALWAYS_RUN = new Set(['parse-error', 'file-skipped']);

function clampRange(range: Range, length: number): Range {
  const start = Math.max(0, Math.min(range.start, length));
  return { start, end: Math.max(start, Math.min(range.end, length)) };
}

/**
 * Where the values a finding is about were read from in other files (a constant or an assignment
 * elsewhere, see engine/link.ts), unless the rule already relates them. Several values can share one
 * reference (`WithRedirectUri(PlatformConfig.Instance.RedirectUri)` set per platform): then the values
 * the message quotes are the ones the finding is about.
 */
function evidenceFor(file: ParsedFile, range: Range, report: Report): { file: string; range: Range; message: string }[] {
  const related = report.related ?? [];
  const values: { value: unknown; evidence: Evidence[] }[] = [];
  const note = (located: { value: unknown; range: Range; evidence?: Evidence[] } | undefined) => {
    // The finding is about this value when its range lies within the value's.
    if (located?.evidence && range.start >= located.range.start && range.end <= located.range.end)
      values.push({ value: located.value, evidence: located.evidence });
  };
  for (const config of file.configs) {
    config.redirectUris.forEach(note);
    [config.clientId, config.authority, config.tenant, config.instance, config.knownAuthorities].forEach(note);
  }
  const quoted = values.filter((v) => typeof v.value === 'string' && quotes(report.message, v.value));
  const found: { file: string; range: Range; message: string }[] = [];
  for (const { evidence } of quoted.length ? quoted : values) {
    for (const e of evidence) {
      const known = [...related, ...found].some((r) => r.file === e.file && r.range.start === e.range.start && r.range.end === e.range.end);
      if (!known) found.push({ file: e.file, range: e.range, message: e.message ?? 'The value is set here.' });
    }
  }
  return found;
}

/** The message quotes `value` ('…' in a quote stands for a part left out of a long value). */
function quotes(message: string, value: string): boolean {
  for (const [, inner] of message.matchAll(/'([^']*)'/g)) {
    const cut = inner.indexOf('…');
    if (cut < 0 ? inner === value : value.startsWith(inner.slice(0, cut)) && value.endsWith(inner.slice(cut + 1))) return true;
  }
  return false;
}
