import * as path from 'node:path';
import * as vscode from 'vscode';
import { configProblemDiagnostics, toDiagnostic } from './diagnostics';
import { enginePath, LINTED_SCHEMES } from './document-paths';
import { engine } from './engine';
import { EngineHost, type EngineThread } from './engine/engine-host';
import type { FileResult, FolderSpec, Results, ScanSummary, WireFinding } from './engine/protocol';
import { log } from './log';
import { readSettings, type ExtensionSettings } from './settings';

// The VS Code side of linting: which documents and files to send to the engine (the lint worker), when,
// and how its results become diagnostics. Everything about config files, include/exclude, sizes, parsing
// and rules is the engine's; this file maps URIs, schedules, and drops results that are out of date.

export type ScanResult = ScanSummary;

const LOOSE = 'loose';

export class LintService implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('entra-auth-lint');
  private readonly engineHost: EngineHost;
  /** engine path -> the URI it stands for (untitled documents have their own). */
  private readonly uris = new Map<string, vscode.Uri>();
  /** Open document URI -> engine path (an untitled document's path follows its content). */
  private readonly documentPaths = new Map<string, string>();
  /** URI -> the last result of its file. */
  private readonly results = new Map<string, FileResult>();
  private readonly settings = new Map<string, ExtensionSettings>();
  /** Folders whose `include` patterns let files other than candidates by name be auth files. */
  private readonly includes = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** A running lint per document; `dirty` = its text changed meanwhile, run again when it ends. */
  private readonly running = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private ready: Promise<void>;
  private progress?: vscode.Progress<{ message?: string; increment?: number }>;
  private lastProgress = 0;
  lastScan?: ScanResult;
  /** Bumped by reset(): work started before it publishes nothing. */
  private epoch = 0;
  /** URIs given diagnostics since the last reset (the others are dropped once the new scan is done). */
  private touched = new Set<string>();

  constructor(workerScript: string) {
    this.engineHost = new EngineHost(
      workerScript,
      log(),
      (message, done, total) => {
        this.progress?.report({ message, increment: total ? ((done - this.lastProgress) / total) * 100 : undefined });
        this.lastProgress = done;
      },
      () => this.reset(),
      () => {
        const { WorkspaceLinter, handleRequest } = engine();
        const linter = new WorkspaceLinter();
        return { handle: (request) => handleRequest(linter, request) };
      },
    );
    this.ready = this.configure();
  }

  get engineThread(): EngineThread {
    return this.engineHost.thread;
  }

  /** The longest the extension host's thread spent in our code for one lint: sending the text, applying the results. */
  readonly mainThread = { sendMs: 0, applyMs: 0 };

  /** Moves the engine onto the extension host (the fallback when no worker runs); it then starts over. */
  runEngineOnMainThread(why: string): void {
    this.engineHost.runOnMainThread(why);
    this.reset();
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.engineHost.dispose();
    this.collection.dispose();
    this.changed.dispose();
  }

  /** Findings behind the diagnostics of a document (for code actions and hovers). */
  findingsFor(uri: vscode.Uri): WireFinding[] {
    return this.results.get(uri.toString())?.findings ?? [];
  }

  /** What the engine said about a file last (format, links, counts), for the language status. */
  resultFor(uri: vscode.Uri): FileResult | undefined {
    return this.results.get(uri.toString());
  }

  uriOf = (file: string): vscode.Uri =>
    this.uris.get(file) ?? (/^[a-z][a-z0-9+.-]+:/i.test(file) && !path.isAbsolute(file) ? vscode.Uri.parse(file) : vscode.Uri.file(file));

  pathOf(document: vscode.TextDocument): string | undefined {
    return this.documentPaths.get(document.uri.toString()) ?? enginePath(document);
  }

  /** How a suppression comment is written in a document (by the format the engine read it as). */
  suppressionComment(uri: vscode.Uri): { open: string; close: string } | undefined {
    return this.results.get(uri.toString())?.comment;
  }

  settingsFor(uri: vscode.Uri): ExtensionSettings {
    const folder = uri.scheme === 'untitled' ? undefined : vscode.workspace.getWorkspaceFolder(uri);
    const key = folder?.uri.toString() ?? LOOSE;
    let settings = this.settings.get(key);
    if (!settings) this.settings.set(key, (settings = readSettings(folder?.uri)));
    return settings;
  }

  /**
   * For findings of a document: the index of the fix to offer as preferred (-1 = none), decided by the
   * engine on the whole workspace (the fix must resolve its finding and raise no other error or warning).
   */
  async preferredFixes(uri: vscode.Uri, findings: WireFinding[]): Promise<Map<WireFinding, number>> {
    const result = this.results.get(uri.toString());
    const answer = new Map<WireFinding, number>();
    const indexes = findings.map((f) => result?.findings.indexOf(f) ?? -1).filter((i) => i >= 0);
    if (!result || !indexes.length) return answer;
    try {
      const { preferred } = await this.engineHost.request({ type: 'preferredFixes', path: result.path, generation: result.generation, findings: indexes });
      indexes.forEach((i, n) => answer.set(result.findings[i], preferred[n]));
    } catch (error) {
      log().error(`preferred fixes: ${String(error)}`);
    }
    return answer;
  }

  /** Lints a document after `delayMs`; a newer request for the same document supersedes it. */
  schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!LINTED_SCHEMES.has(document.uri.scheme)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!document.isClosed) void this.lintDocument(document);
      }, delayMs),
    );
  }

  /**
   * Lints an open document from its current text, and re-checks the files linked to it. At most one lint of
   * a document runs at a time; text typed meanwhile is linted when it ends (the last text always wins, and
   * no queue of old texts builds up behind a slow lint).
   */
  lintDocument(document: vscode.TextDocument): Promise<void> {
    if (!LINTED_SCHEMES.has(document.uri.scheme)) return Promise.resolve();
    const key = document.uri.toString();
    const running = this.running.get(key);
    if (running) {
      this.dirty.add(key);
      return running;
    }
    const run = (async () => {
      do {
        await this.ready;
        this.dirty.delete(key);
        const epoch = this.epoch;
        try {
          await this.lintOnce(document, key);
        } catch (error) {
          // The engine restarted or moved meanwhile: reset() started over and marked this document dirty,
          // so it is linted again on the new engine. Any other failure is reported.
          if (epoch === this.epoch) throw error;
        }
      } while (this.dirty.has(key) && !document.isClosed);
    })()
      .catch((error: unknown) => log().error(`lint of ${vscode.workspace.asRelativePath(document.uri)}: ${String(error)}`))
      .finally(() => this.running.delete(key));
    this.running.set(key, run);
    return run;
  }

  private async lintOnce(document: vscode.TextDocument, key: string): Promise<void> {
    const epoch = this.epoch;
    const file = this.settingsFor(document.uri).enable && this.mayBeAuthFile(document) ? enginePath(document) : undefined;
    const previous = this.documentPaths.get(key);
    if (previous && previous !== file) {
      this.documentPaths.delete(key);
      this.apply((await this.engineHost.request({ type: 'closeDocument', path: previous })).results, epoch);
    }
    if (!file) {
      this.forgetUri(document.uri);
      return;
    }
    this.documentPaths.set(key, file);
    this.uris.set(file, document.uri);
    const version = document.version;
    const started = performance.now();
    const request = this.engineHost.request({ type: 'setDocument', path: file, text: document.getText() });
    this.mainThread.sendMs = Math.max(this.mainThread.sendMs, performance.now() - started);
    const { results } = await request;
    // The document changed while it was linted: its own result is out of date (the next lint replaces it).
    const stale = document.version !== version ? file : undefined;
    this.apply(results, epoch, stale);
    log().debug(
      `linted ${vscode.workspace.asRelativePath(document.uri)} (+${results.files.length - 1} linked) in ${(performance.now() - started).toFixed(1)} ms`,
    );
  }

  /**
   * Whether a document may be an auth file: a file named like one (or matched by a folder's `include`), or
   * an untitled document (its content decides). Other documents are never sent to the engine.
   */
  private mayBeAuthFile(document: vscode.TextDocument): boolean {
    if (document.uri.scheme !== 'file') return true;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    return (
      engine().isCandidatePath(document.uri.fsPath) ||
      path.basename(document.uri.fsPath) === engine().CONFIG_FILE_NAME ||
      (!!folder && this.includes.has(folder.uri.toString()))
    );
  }

  /** A closed document is linted from disk again when it belongs to the scanned workspace, else dropped. */
  async documentClosed(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    await this.running.get(key); // a lint under way finishes first (its text is older than the file's)
    const file = this.documentPaths.get(key);
    log().debug(`closed ${vscode.workspace.asRelativePath(document.uri)}${file ? '' : ' (not ours)'}`);
    if (!file) return;
    this.documentPaths.delete(key);
    const epoch = this.epoch;
    await this.ready;
    this.apply((await this.engineHost.request({ type: 'closeDocument', path: file })).results, epoch);
  }

  /** A file changed, appeared or went away on disk (file watcher). Open documents are tracked by their text instead. */
  async fileChanged(uri: vscode.Uri, kind: 'change' | 'create' | 'delete'): Promise<void> {
    if (uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(uri)) return;
    if (this.documentPaths.has(uri.toString()) && path.basename(uri.fsPath) !== engine().CONFIG_FILE_NAME) return;
    const epoch = this.epoch;
    await this.ready;
    const { results, reconfigure } = await this.engineHost.request({ type: 'fileChanged', path: uri.fsPath, kind });
    if (reconfigure) {
      log().info(`${vscode.workspace.asRelativePath(uri)} ${kind === 'delete' ? 'deleted' : 'changed'}: checking again`);
      this.reset();
      return;
    }
    this.uris.set(uri.fsPath, uri);
    this.apply(results, epoch);
  }

  /** Reads every candidate file of the workspace folders (closed files included) and lints them. */
  async scanWorkspace(progress?: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken): Promise<ScanResult> {
    const epoch = this.epoch;
    await this.ready;
    this.progress = progress;
    this.lastProgress = 0;
    const cancel = token?.onCancellationRequested(() => void this.engineHost.request({ type: 'cancelScan' }));
    try {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        if (folder.uri.scheme !== 'file') log().info(`${folder.name}: not on a local file system; only open documents are checked`);
      }
      const { results, summary } = await this.engineHost.request({ type: 'scan' });
      for (const result of results.files) if (!this.uris.has(result.path)) this.uris.set(result.path, vscode.Uri.file(result.path));
      this.apply(results, epoch);
      this.lastScan = summary;
      log().info(
        `scan: ${summary.files} files, ${summary.problems} problems${summary.hints ? ` and ${summary.hints} hints` : ''} in ${summary.ms.toFixed(0)} ms${summary.cancelled ? ' (cancelled)' : ''} on the ${this.engineThread === 'worker' ? 'lint worker' : 'extension host'}`,
      );
      return summary;
    } finally {
      cancel?.dispose();
      this.progress = undefined;
    }
  }

  /**
   * Settings, folders or a config file changed: start over (the engine reads the config files again). The
   * diagnostics shown stay until new ones replace them; what the new run does not report is then dropped,
   * so nothing flickers and nothing stale stays.
   */
  reset(): void {
    this.epoch++;
    const epoch = this.epoch;
    this.touched = new Set();
    this.settings.clear();
    this.documentPaths.clear();
    this.ready = this.configure();
    const lints = vscode.workspace.textDocuments.map((document) => this.lintDocument(document));
    void Promise.all([...lints, this.scanWorkspace()]).then(
      () => this.dropUntouched(epoch),
      (error: unknown) => log().error(`checking again: ${String(error)}`),
    );
  }

  /** After a reset's lints and scan: drops the results and diagnostics the new run did not give again. */
  private dropUntouched(epoch: number): void {
    if (epoch !== this.epoch) return;
    for (const key of [...this.results.keys()]) if (!this.touched.has(key)) this.results.delete(key);
    const gone: vscode.Uri[] = [];
    this.collection.forEach((uri) => {
      if (!this.touched.has(uri.toString())) gone.push(uri);
    });
    for (const uri of gone) this.collection.delete(uri);
    this.changed.fire();
  }

  private async configure(): Promise<void> {
    const folders: FolderSpec[] = (vscode.workspace.workspaceFolders ?? []).map((folder) => {
      const settings = this.settingsFor(folder.uri);
      return {
        key: folder.uri.toString(),
        name: folder.name,
        root: folder.uri.scheme === 'file' ? folder.uri.fsPath : undefined,
        enabled: settings.enable,
        overrides: settings.options,
        filesExclude: settings.filesExclude,
      };
    });
    const loose = readSettings(undefined);
    folders.push({ key: LOOSE, name: 'documents outside the workspace', enabled: loose.enable, overrides: loose.options, filesExclude: [] });
    const epoch = this.epoch;
    try {
      const { folders: infos, results } = await this.engineHost.request({ type: 'configure', folders });
      this.includes.clear();
      for (const info of infos) {
        if (info.includes) this.includes.add(info.key);
        if (info.configFile) log().info(`${info.key}: using ${info.configFile}`);
        for (const problem of info.problems) log().warn(`${info.key}: ${problem}`);
      }
      this.apply(results, epoch);
    } catch (error) {
      log().error(`configure: ${String(error)}`);
    }
  }

  private apply(results: Results, epoch: number, stale?: string): void {
    if (epoch !== this.epoch) return; // settings changed meanwhile: a newer run owns the results
    const started = performance.now();
    log().debug(
      `results: ${results.files.map((f) => `${path.basename(f.path)}=${f.findings.length}${f.path === stale ? ' (stale)' : ''}`).join(', ') || 'none'}${results.forget.length ? `; gone: ${results.forget.map((f) => path.basename(f)).join(', ')}` : ''}`,
    );
    for (const file of results.forget) this.forgetUri(this.uriOf(file), false);
    for (const result of results.files) {
      if (result.path === stale) continue;
      const uri = this.uriOf(result.path);
      this.touched.add(uri.toString());
      this.results.set(uri.toString(), result);
      if (result.findings.length)
        this.collection.set(
          uri,
          result.findings.map((f) => toDiagnostic(f, this.uriOf)),
        );
      else this.collection.delete(uri);
    }
    for (const config of results.configs) {
      const uri = vscode.Uri.file(config.path);
      this.touched.add(uri.toString());
      if (config.problems.length) this.collection.set(uri, configProblemDiagnostics(config.problems));
      else this.collection.delete(uri);
    }
    this.changed.fire();
    this.mainThread.applyMs = Math.max(this.mainThread.applyMs, performance.now() - started);
  }

  private forgetUri(uri: vscode.Uri, fire = true): void {
    this.touched.add(uri.toString()); // decided: nothing to show
    this.results.delete(uri.toString());
    this.collection.delete(uri);
    if (fire) this.changed.fire();
  }

  /** Errors, warnings, information and hints over the workspace, as the Problems panel counts them. */
  countsBySeverity(): Record<'error' | 'warning' | 'information' | 'hint', number> {
    const counts = { error: 0, warning: 0, information: 0, hint: 0 };
    const names = ['error', 'warning', 'information', 'hint'] as const;
    this.collection.forEach((_, diagnostics) => diagnostics.forEach((d) => counts[names[d.severity]]++));
    return counts;
  }
}
