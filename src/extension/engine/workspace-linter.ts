import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  baseName,
  CONFIG_FILE_NAME,
  formatById,
  isCandidatePath,
  LineIndex,
  LintSession,
  loadConfigFile,
  parseConfigFile,
  preferredFixIndex,
  Project,
  readInto,
  RULES,
  WorkspaceIndex,
  type ConfigError,
  type Finding,
  type ParsedFile,
} from '../../core';
import type { ConfigResult, FileResult, FolderInfo, FolderSpec, Request, Results, ScanSummary, WireFinding } from './protocol';

// The engine side of the editor, with no `vscode` import: it runs in the lint worker (or, when a worker
// cannot start, on the extension host). It holds one project per workspace folder over ONE shared index,
// so a config in one folder links to the registration in another (as the CLI links them under a common
// parent folder) while each folder keeps its own .entra-auth-lint.json and settings. Config resolution,
// include/exclude and the size policy are the core's LintSession; this file only keeps editor state:
// which documents are open, what the last scan found, and the last findings of each file.

interface Folder {
  spec?: FolderSpec;
  session?: LintSession;
  project: Project;
  /** Paths found by the last scan (closed files stay linted from disk). */
  scanned: Set<string>;
}

/** Files read between two yields of a scan (cancellation and edits get through in between). */
const YIELD_EVERY = 25;

export class WorkspaceLinter {
  private index = new WorkspaceIndex();
  private folders: Folder[] = [];
  private loose: Folder = { project: new Project({}, undefined, RULES, this.index), scanned: new Set() };
  /** The size policy of the documents outside every folder (no config file applies to them). */
  private looseSession = LintSession.open({ cwd: path.parse(process.cwd()).root, noConfig: true });
  /** Paths of the documents open in the editor: their text comes from the editor, never from disk. */
  private readonly open = new Set<string>();
  private readonly last = new Map<string, { generation: number; findings: Finding[] }>();
  private generation = 0;
  private cancelled = false;

  constructor(private readonly progress: (message: string, done: number, total: number) => void = () => undefined) {}

  /** Starts over with these folders (settings or config files changed); the editor then sends its open documents again. */
  configure(specs: FolderSpec[]): { folders: FolderInfo[]; results: Results } {
    this.index = new WorkspaceIndex();
    this.open.clear();
    this.last.clear();
    const configs: ConfigResult[] = [];
    const infos: FolderInfo[] = [];
    this.folders = specs.map((spec) => {
      if (!spec.root || !spec.enabled) return { spec, project: new Project(spec.overrides, spec.root, RULES, this.index), scanned: new Set<string>() };
      const session = LintSession.open({
        cwd: spec.root,
        paths: [spec.root],
        boundary: spec.root,
        overrides: spec.overrides,
        extraExcludes: spec.filesExclude,
      });
      const { file, text, errors } = session.config;
      if (file) configs.push(configResult(file, text ?? '', errors));
      infos.push({ key: spec.key, configFile: file, problems: session.problems, includes: (session.options.include ?? []).length > 0 });
      return { spec, session, project: new Project(session.options, session.root, RULES, this.index), scanned: new Set<string>() };
    });
    const loose = specs.find((s) => !s.root)?.overrides ?? {};
    this.loose = { project: new Project(loose, undefined, RULES, this.index), scanned: new Set() };
    this.looseSession = LintSession.open({ cwd: path.parse(process.cwd()).root, noConfig: true, overrides: loose });
    return { folders: infos, results: { files: [], configs, forget: [] } };
  }

  /** An open document's text changed (or it was opened): lint it and the files linked to it. */
  setDocument(file: string, text: string): Results {
    if (baseName(file) === CONFIG_FILE_NAME) {
      // An open config file in force (on disk) shows the problems of the text being typed.
      if (!fs.existsSync(file)) return { files: [], configs: [], forget: [file] };
      return { files: [], configs: [configResult(file, text, parseConfigFile(text, file).errors)], forget: [] };
    }
    const folder = this.ownerOf(file);
    if (folder.spec && !folder.spec.enabled) return this.drop(file);
    if (folder.session?.isExcluded(file)) return this.drop(file);
    this.open.add(file);
    const affected = new Set(this.index.get(file) ? folder.project.dependentsOf(file) : []);
    const tooLarge = (folder.session ?? this.looseSession).tooLarge(text.length, 'characters');
    if (tooLarge) {
      // Only a file that could be an auth file earns a "skipped" note; a big log is simply not ours.
      if (!isCandidatePath(file)) return this.drop(file);
      folder.project.setSkipped(file, tooLarge);
    } else if (!folder.project.setFile(file, text)) {
      return this.drop(file, affected);
    }
    for (const dependent of folder.project.dependentsOf(file)) affected.add(dependent);
    affected.add(file);
    return { files: this.lintEach(affected), configs: [], forget: [] };
  }

  /** A document was closed: a scanned file is linted from disk again, anything else is dropped. */
  closeDocument(file: string): Results {
    this.open.delete(file);
    if (baseName(file) === CONFIG_FILE_NAME) {
      const inUse = this.folders.some((f) => f.session?.config.file === file);
      if (!inUse || !fs.existsSync(file)) return { files: [], configs: [], forget: [file] };
      const { text, errors } = loadConfigFile(file);
      return { files: [], configs: [configResult(file, text, errors)], forget: [] };
    }
    const folder = this.ownerOf(file);
    return folder.scanned.has(file) && fs.existsSync(file) ? this.readFromDisk(folder, file) : this.drop(file);
  }

  /** A file changed on disk (file watcher); open documents are tracked by their text instead. */
  fileChanged(file: string, kind: 'change' | 'create' | 'delete'): { results: Results; reconfigure: boolean } {
    const none = { results: { files: [], configs: [], forget: [] }, reconfigure: false };
    if (baseName(file) === CONFIG_FILE_NAME) return { ...none, reconfigure: true };
    const folder = this.ownerOf(file);
    if (!folder.session || !folder.spec?.enabled || this.open.has(file) || folder.session.isExcluded(file)) return none;
    if (kind === 'delete') {
      folder.scanned.delete(file);
      return this.index.get(file) ? { results: this.drop(file), reconfigure: false } : none;
    }
    if (!folder.session.wouldRead(file)) return none;
    folder.scanned.add(file);
    return { results: this.readFromDisk(folder, file), reconfigure: false };
  }

  /** Reads every candidate file of the local folders (closed ones included) and lints the whole workspace. */
  async scan(): Promise<{ results: Results; summary: ScanSummary }> {
    const started = performance.now();
    this.cancelled = false;
    const summary: ScanSummary = { files: 0, problems: 0, hints: 0, ms: 0, cancelled: false };
    const forget: string[] = [];
    for (const folder of this.folders) {
      if (!folder.session || !folder.spec?.enabled) continue;
      const found = folder.session.discover();
      const files = new Set(found.files);
      let done = 0;
      for (const file of found.files) {
        if (this.cancelled) break;
        if (!this.open.has(file)) readInto(folder.project, file);
        if (this.index.get(file)) summary.files++;
        if (++done % YIELD_EVERY === 0) {
          this.progress(`${folder.spec.name}: ${done} of ${found.files.length} files`, done, found.files.length);
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      if (this.cancelled) {
        for (const file of found.files) if (this.index.get(file)) folder.scanned.add(file);
        summary.cancelled = true;
        break;
      }
      for (const gone of [...folder.scanned].filter((p) => !files.has(p) && !this.open.has(p))) {
        folder.project.removeFile(gone);
        forget.push(gone);
      }
      folder.scanned = files;
    }
    const lintedFiles = this.lintEach(this.index.all().map((f) => f.path));
    for (const result of lintedFiles) {
      for (const finding of result.findings) {
        if (finding.severity === 'hint') summary.hints++;
        else summary.problems++;
      }
    }
    summary.ms = performance.now() - started;
    return { results: { files: lintedFiles, configs: [], forget }, summary };
  }

  cancelScan(): void {
    this.cancelled = true;
  }

  /**
   * For findings of the last lint of a file: the index of the fix to offer as preferred (-1: none), the
   * first meant one that resolves its finding without raising another error or warning in the workspace.
   */
  preferredFixes(file: string, generation: number, findings: number[]): number[] {
    const last = this.last.get(file);
    if (!last || last.generation !== generation) return findings.map(() => -1);
    const { project } = this.ownerOf(file);
    return findings.map((i) => (last.findings[i] ? preferredFixIndex(project, last.findings[i]) : -1));
  }

  /** The folder a path belongs to: the one with the longest root above it, else the loose documents. */
  private ownerOf(file: string): Folder {
    let best: Folder | undefined;
    for (const folder of this.folders) {
      const root = folder.spec?.root;
      if (!root || (file !== root && !file.startsWith(root.endsWith(path.sep) ? root : root + path.sep))) continue;
      if (!best || root.length > (best.spec?.root?.length ?? 0)) best = folder;
    }
    return best ?? this.loose;
  }

  private readFromDisk(folder: Folder, file: string): Results {
    const affected = new Set(this.index.get(file) ? folder.project.dependentsOf(file) : []);
    readInto(folder.project, file);
    if (!this.index.get(file)) return this.drop(file, affected);
    for (const dependent of folder.project.dependentsOf(file)) affected.add(dependent);
    affected.add(file);
    return { files: this.lintEach(affected), configs: [], forget: [] };
  }

  /** Removes a file; the files linked to it are linted again. */
  private drop(file: string, linked: Iterable<string> = []): Results {
    const affected = new Set(linked);
    if (this.index.get(file)) for (const dependent of this.ownerOf(file).project.dependentsOf(file)) affected.add(dependent);
    this.ownerOf(file).project.removeFile(file);
    this.last.delete(file);
    affected.delete(file);
    return { files: this.lintEach(affected), configs: [], forget: [file] };
  }

  private lintEach(paths: Iterable<string>): FileResult[] {
    const results: FileResult[] = [];
    for (const file of paths) {
      const parsed = this.index.get(file);
      if (!parsed) continue;
      const { project } = this.ownerOf(file);
      const findings = project.lintFile(file);
      const generation = ++this.generation;
      this.last.set(file, { generation, findings });
      results.push({
        path: file,
        generation,
        findings: findings.map((f) => this.toWire(project, f)),
        format: formatById(parsed.format).title,
        skipped: parsed.skipped,
        comment: project.suppressionComment(file),
        linked: this.linkedTo(parsed),
        relevant: findings.length > 0 || parsed.configs.length > 0 || parsed.registrations.length > 0 || !!parsed.ios || !!parsed.android || !!parsed.skipped,
      });
    }
    return results;
  }

  /** A finding with the edits of its fixes as positions (computed here, where every file's text is known). */
  private toWire(project: Project, finding: Finding): WireFinding {
    const fixes: WireFinding['fixes'] = [];
    for (const fix of finding.fixes) {
      const edits = fix.edits.map((edit) => {
        const target = this.index.get(edit.file);
        if (!target) return undefined;
        const lines = project.lines(target);
        return { ...edit, start: lines.positionAt(edit.range.start), end: lines.positionAt(edit.range.end) };
      });
      if (edits.every((e) => e !== undefined)) fixes.push({ ...fix, edits });
    }
    return { ...finding, fixes };
  }

  private linkedTo(file: ParsedFile): string[] {
    const linked = new Set<string>();
    for (const config of file.configs) for (const { file: other } of this.index.linkedRegistrations(config)) linked.add(other.path);
    for (const registration of file.registrations) for (const { file: other } of this.index.linkedConfigs(registration)) linked.add(other.path);
    linked.delete(file.path);
    return [...linked];
  }
}

function configResult(file: string, text: string, errors: ConfigError[]): ConfigResult {
  const lines = new LineIndex(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return {
    path: file,
    problems: errors.map((e) => ({ key: e.key, message: e.key ? `${e.key}: ${e.message}` : e.message, start: e.start, end: lines.positionAt(e.range.end) })),
  };
}

/** One request against the linter: the worker's dispatch, and the extension host's when no worker can start. */
export function handleRequest(linter: WorkspaceLinter, request: Request): unknown {
  switch (request.type) {
    case 'configure':
      return linter.configure(request.folders);
    case 'setDocument':
      return { results: linter.setDocument(request.path, request.text) };
    case 'closeDocument':
      return { results: linter.closeDocument(request.path) };
    case 'fileChanged':
      return linter.fileChanged(request.path, request.kind);
    case 'scan':
      return linter.scan();
    case 'cancelScan':
      linter.cancelScan();
      return {};
    case 'preferredFixes':
      return { preferred: linter.preferredFixes(request.path, request.generation, request.findings) };
  }
}
