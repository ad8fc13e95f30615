import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import * as vscode from 'vscode';
import type { Finding, Project } from '../core';
import { toDiagnostic } from './diagnostics';
import { enginePath, LINTED_SCHEMES } from './document-paths';
import { engine } from './engine';
import { log } from './log';
import { mergeOptions, readSettings, type ExtensionSettings } from './settings';
import { configErrorDiagnostics } from './config-diagnostics';

/** One workspace folder (or the loose documents outside any folder) and the engine project holding its files. */
interface FolderState {
  folder?: vscode.WorkspaceFolder;
  project: Project;
  settings: ExtensionSettings;
  configFile?: string;
  /** Paths found by the last scan (closed files stay linted from disk). */
  scanned: Set<string>;
  isExcluded(fsPath: string): boolean;
}

export interface ScanResult {
  /** Files a format recognised (candidates by name that turn out to be something else are not counted). */
  files: number;
  findings: number;
  ms: number;
  cancelled: boolean;
}

const LOOSE = 'loose';
const YIELD_EVERY = 25;

/**
 * Keeps the diagnostics of the workspace current: open documents from their text (debounced, stale runs
 * dropped), closed files from disk (scan and file watcher), and files linked to a changed one re-checked.
 */
export class LintService implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('entra-auth-lint');
  private readonly states = new Map<string, FolderState>();
  private readonly uris = new Map<string, vscode.Uri>();
  /** Open document URI -> engine path (an untitled document's path follows its content). */
  private readonly documentPaths = new Map<string, string>();
  private readonly findings = new Map<string, Finding[]>();
  private readonly generations = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  lastScan?: ScanResult;
  /** Bumped by reset(): a scan started before it stops without publishing from the old projects. */
  private epoch = 0;

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.collection.dispose();
    this.changed.dispose();
  }

  /** Findings behind the diagnostics of a document (for code actions). */
  findingsFor(uri: vscode.Uri): Finding[] {
    return this.findings.get(uri.toString()) ?? [];
  }

  /** The text the engine holds for a path (edits to other files are converted with it). */
  textOf(uri: vscode.Uri, enginePathOfFile: string): string | undefined {
    return this.stateFor(uri).project.index.get(enginePathOfFile)?.text;
  }

  uriOf = (file: string): vscode.Uri => this.uris.get(file) ?? (/^[a-z][a-z0-9+.-]+:\/\//i.test(file) ? vscode.Uri.parse(file) : vscode.Uri.file(file));

  pathOf(document: vscode.TextDocument): string | undefined {
    return this.documentPaths.get(document.uri.toString()) ?? enginePath(document);
  }

  /** How a suppression comment is written in the file (by the format the engine read it as). */
  suppressionComment(uri: vscode.Uri, enginePathOfFile: string): { open: string; close: string } | undefined {
    return this.stateFor(uri).project.suppressionComment(enginePathOfFile);
  }

  settingsFor(uri: vscode.Uri): ExtensionSettings {
    return this.stateFor(uri).settings;
  }

  /** Lints a document after `delayMs`; a newer request for the same document supersedes it. */
  schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!LINTED_SCHEMES.has(document.uri.scheme)) return;
    const key = document.uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (this.generations.get(key) !== generation || document.isClosed) return; // stale: a newer run is queued
        this.lintDocument(document);
      }, delayMs),
    );
  }

  /** Lints an open document from its current text now, and re-checks the files linked to it. */
  lintDocument(document: vscode.TextDocument): void {
    if (!LINTED_SCHEMES.has(document.uri.scheme)) return;
    const state = this.stateFor(document.uri);
    const key = document.uri.toString();
    if (!state.settings.enable || (document.uri.scheme === 'file' && state.isExcluded(document.uri.fsPath))) {
      this.forget(key, state);
      return;
    }
    const start = performance.now();
    const file = enginePath(document);
    if (!file) {
      this.forget(key, state);
      return;
    }
    const previous = this.documentPaths.get(key);
    if (previous && previous !== file) state.project.removeFile(previous);
    this.documentPaths.set(key, file);
    this.uris.set(file, document.uri);
    const affected = new Set(state.project.has(file) ? state.project.dependentsOf(file) : [file]);
    const text = document.getText();
    if (text.length > state.project.options.maxFileSizeBytes) {
      // Only a file that could be an auth file earns a "skipped" note; a big log is simply not ours.
      if (!engine().isCandidatePath(file)) {
        this.forget(key, state, file);
        return;
      }
      state.project.setSkipped(
        file,
        `the document has ${text.length} characters, over the limit of ${state.project.options.maxFileSizeBytes} (entraAuthLint.maxFileSize)`,
      );
    } else {
      state.project.setFile(file, text);
    }
    for (const dependent of state.project.dependentsOf(file)) affected.add(dependent);
    this.publish(state, affected);
    log().debug(`linted ${vscode.workspace.asRelativePath(document.uri)} (+${affected.size - 1} linked) in ${(performance.now() - start).toFixed(1)} ms`);
  }

  /** A closed document is linted from disk again when it belongs to the scanned workspace, else dropped. */
  documentClosed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const file = this.documentPaths.get(key);
    if (!file) return;
    this.documentPaths.delete(key);
    const state = this.stateFor(document.uri);
    if (document.uri.scheme === 'file' && state.scanned.has(file) && fs.existsSync(file)) {
      this.readFromDisk(state, file);
    } else {
      this.forget(key, state, file);
    }
  }

  /** A file changed, appeared or went away on disk (file watcher). Open documents are tracked by their text instead. */
  fileChanged(uri: vscode.Uri, kind: 'change' | 'create' | 'delete'): void {
    if (uri.scheme !== 'file') return;
    const state = this.stateFor(uri);
    if (!state.folder || !state.settings.enable) return;
    const file = uri.fsPath;
    if (path.basename(file) === engine().CONFIG_FILE_NAME) {
      this.reset();
      return;
    }
    if (this.documentPaths.has(uri.toString()) || state.isExcluded(file)) return;
    if (kind === 'delete') {
      if (!state.project.has(file)) return;
      const affected = state.project.dependentsOf(file);
      state.project.removeFile(file);
      state.scanned.delete(file);
      this.findings.delete(uri.toString());
      this.collection.delete(uri);
      this.publish(
        state,
        affected.filter((p) => p !== file),
      );
      return;
    }
    const relative = engine().relativeSlash(state.folder.uri.fsPath, file);
    const included = state.project.options.include.length > 0 && picomatch.isMatch(relative, state.project.options.include, { dot: true });
    if (!engine().isCandidatePath(file) && !included) return;
    state.scanned.add(file);
    this.readFromDisk(state, file);
  }

  /** Reads every candidate file of the workspace folders (closed files included) and lints them. */
  async scanWorkspace(progress?: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken): Promise<ScanResult> {
    const start = performance.now();
    const epoch = this.epoch;
    const result: ScanResult = { files: 0, findings: 0, ms: 0, cancelled: false };
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') {
        log().info(`${folder.name}: not on a local file system; only open documents are checked`);
        continue;
      }
      const state = this.stateFor(folder.uri);
      if (!state.settings.enable) continue;
      const root = folder.uri.fsPath;
      const { discover } = engine();
      const exclude = [...state.project.options.exclude, ...state.settings.filesExclude];
      const found = discover([root], root, { exclude, include: state.project.options.include });
      for (const note of found.notes) log().info(`${note.path}: ${note.reason}`);
      const openPaths = new Set(this.documentPaths.values());
      const files = new Set(found.files);
      let index = 0;
      for (const file of found.files) {
        if (token?.isCancellationRequested || epoch !== this.epoch) {
          result.cancelled = true;
          break;
        }
        this.uris.set(file, vscode.Uri.file(file));
        if (!openPaths.has(file)) engine().readInto(state.project, file);
        if (state.project.has(file)) result.files++; // candidates by name that a format really read
        if (++index % YIELD_EVERY === 0) {
          progress?.report({ message: `${folder.name}: ${index} of ${found.files.length} files`, increment: (YIELD_EVERY / found.files.length) * 100 });
          await new Promise((resolve) => setImmediate(resolve)); // let edits and cancellation through
        }
      }
      if (epoch !== this.epoch) break; // settings changed meanwhile: a newer scan owns the results
      if (!result.cancelled) {
        for (const gone of [...state.scanned].filter((p) => !files.has(p) && !openPaths.has(p))) {
          state.project.removeFile(gone);
          this.findings.delete(this.uriOf(gone).toString());
          this.collection.delete(this.uriOf(gone));
        }
        state.scanned = files;
      } else {
        for (const file of found.files) if (state.project.has(file)) state.scanned.add(file);
      }
      this.publish(state, state.project.paths());
      if (result.cancelled) break;
    }
    this.collection.forEach((_, diagnostics) => (result.findings += diagnostics.length));
    result.ms = performance.now() - start;
    this.lastScan = result;
    log().info(`scan: ${result.files} files, ${result.findings} problems in ${result.ms.toFixed(0)} ms${result.cancelled ? ' (cancelled)' : ''}`);
    return result;
  }

  /** Settings or the config file changed: start over with fresh projects. */
  reset(): void {
    this.epoch++;
    this.states.clear();
    this.findings.clear();
    this.documentPaths.clear();
    this.collection.clear();
    for (const document of vscode.workspace.textDocuments) this.lintDocument(document);
    void this.scanWorkspace();
  }

  countsBySeverity(): Record<'error' | 'warning' | 'information' | 'hint', number> {
    const counts = { error: 0, warning: 0, information: 0, hint: 0 };
    const names = ['error', 'warning', 'information', 'hint'] as const;
    this.collection.forEach((_, diagnostics) => diagnostics.forEach((d) => counts[names[d.severity]]++));
    return counts;
  }

  totalProblems(): number {
    let total = 0;
    this.collection.forEach((_, diagnostics) => (total += diagnostics.length));
    return total;
  }

  private readFromDisk(state: FolderState, file: string): void {
    const affected = new Set(state.project.has(file) ? state.project.dependentsOf(file) : []);
    this.uris.set(file, vscode.Uri.file(file));
    engine().readInto(state.project, file);
    for (const dependent of state.project.dependentsOf(file)) affected.add(dependent);
    this.publish(state, affected);
  }

  private forget(key: string, state: FolderState, file = this.documentPaths.get(key)): void {
    this.documentPaths.delete(key);
    if (file) {
      const affected = state.project.has(file) ? state.project.dependentsOf(file).filter((p) => p !== file) : [];
      state.project.removeFile(file);
      this.publish(state, affected);
    }
    this.findings.delete(key);
    this.collection.delete(vscode.Uri.parse(key));
    this.changed.fire();
  }

  private publish(state: FolderState, files: Iterable<string>): void {
    for (const file of files) {
      const uri = this.uriOf(file);
      const findings = state.project.lintFile(file);
      this.findings.set(uri.toString(), findings);
      if (findings.length)
        this.collection.set(
          uri,
          findings.map((f) => toDiagnostic(f, this.uriOf)),
        );
      else this.collection.delete(uri);
    }
    this.changed.fire();
  }

  private stateFor(uri: vscode.Uri): FolderState {
    const folder = uri.scheme === 'untitled' ? undefined : vscode.workspace.getWorkspaceFolder(uri);
    const key = folder?.uri.toString() ?? LOOSE;
    let state = this.states.get(key);
    if (!state) {
      state = this.createState(folder);
      this.states.set(key, state);
    }
    return state;
  }

  private createState(folder: vscode.WorkspaceFolder | undefined): FolderState {
    const settings = readSettings(folder?.uri);
    const core = engine();
    const root = folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
    let fileOptions = {};
    const configFile = root ? core.findConfigFile(root) : undefined;
    if (configFile) {
      const text = safeRead(configFile);
      const parsed = core.parseConfigFile(text ?? '', configFile);
      fileOptions = parsed.options;
      const uri = vscode.Uri.file(configFile);
      if (parsed.errors.length) this.collection.set(uri, configErrorDiagnostics(parsed.errors, text ?? ''));
      else this.collection.delete(uri);
      log().info(`${folder?.name}: using ${configFile}${parsed.errors.length ? ` (${parsed.errors.length} problems)` : ''}`);
    }
    const project = new core.Project(mergeOptions(fileOptions, settings.options), root);
    const excludes = [...project.options.exclude, ...settings.filesExclude];
    const excluded = excludes.length ? picomatch(excludes, { dot: true }) : () => false;
    return {
      folder,
      project,
      settings,
      configFile,
      scanned: new Set(),
      isExcluded: (fsPath) => {
        if (!root) return false;
        const relative = core.relativeSlash(root, fsPath);
        if (relative.startsWith('../')) return false;
        const parts = relative.split('/');
        return excluded(relative) || parts.slice(0, -1).some((part) => core.DEFAULT_EXCLUDED_DIRS.includes(part));
      },
    };
  }
}

function safeRead(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
