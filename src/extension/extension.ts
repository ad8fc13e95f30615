import * as vscode from 'vscode';
import { AuthCodeActionProvider } from './code-actions';
import { registerCommands, scanWithProgress } from './commands';
import { contextKeys, registerContextKeys } from './context-keys';
import { registerDocsView, renderedPage, type RenderedPage } from './docs-view';
import { LINTED_SCHEMES } from './document-paths';
import { engine, engineLoadMs } from './engine';
import type { EngineThread } from './engine/engine-host';
import { EXPLAIN_SCHEME, ExplanationProvider, quickPickItems } from './explain';
import { AadstsHoverProvider, FindingHoverProvider } from './hover';
import { LanguageStatus, type StatusText } from './language-status';
import { LintService, type ScanResult } from './lint-service';
import { disposeLog, log } from './log';
import { scanOnStartup, SECTION } from './settings';

/** What the extension hands to other extensions and to its integration tests. */
export interface EntraAuthLintApi {
  /** Milliseconds spent inside activate() (registration only: no file is read there). */
  activationMs: number;
  /** Resolves when the scan started at activation has finished. */
  initialScan: Promise<ScanResult | undefined>;
  service: LintService;
  engineLoadMs(): number;
  /** Where documents are linted: the lint worker, or the extension host when no worker could start. */
  engineThread(): EngineThread;
  /** The language status shown for a document (undefined when it is not an auth file). */
  languageStatus(uri: vscode.Uri): StatusText | undefined;
  /** Context keys the extension set (menus' `when` clauses). */
  contextKeys(): Readonly<Record<string, unknown>>;
  /** The rule page or explanation rendered last. */
  renderedPage(): RenderedPage | undefined;
  /** The Explain QuickPick's items for a typed value (the QuickPick itself cannot be typed into from a test). */
  explainPickItems(value: string): { label: string; description?: string; input: string }[];
}

export function activate(context: vscode.ExtensionContext): EntraAuthLintApi {
  const start = performance.now();
  const service = new LintService(vscode.Uri.joinPath(context.extensionUri, 'dist', 'lint-worker.js').fsPath);
  const actions = new AuthCodeActionProvider(service);
  const explanations = new ExplanationProvider();
  const status = new LanguageStatus(service);
  const everyDocument: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-vfs' }, { scheme: 'vscode-remote' }];

  context.subscriptions.push(
    service,
    status,
    { dispose: disposeLog },
    ...registerDocsView(context),
    ...registerContextKeys(),
    vscode.languages.registerCodeActionsProvider(everyDocument, actions, AuthCodeActionProvider.metadata),
    // AADSTS codes show up anywhere: logs, output, terminals saved to files, code, comments.
    vscode.languages.registerHoverProvider({ scheme: '*' }, new AadstsHoverProvider()),
    vscode.languages.registerHoverProvider(everyDocument, new FindingHoverProvider((uri) => service.findingsFor(uri))),
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, explanations),
    ...registerCommands(service, actions, explanations),
    vscode.workspace.onDidOpenTextDocument((document) => service.schedule(document, 0)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0 || !LINTED_SCHEMES.has(event.document.uri.scheme)) return; // e.g. our own output channel
      const settings = service.settingsFor(event.document.uri);
      if (settings.run === 'onType') service.schedule(event.document, settings.lintDelay);
    }),
    vscode.workspace.onDidSaveTextDocument((document) => service.schedule(document, 0)),
    vscode.workspace.onDidCloseTextDocument((document) => void service.documentClosed(document)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SECTION) || event.affectsConfiguration('files.exclude')) {
        log().info('settings changed: checking again');
        service.reset();
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => service.reset()),
  );

  // Closed files stay current; only local folders can be watched and read by the engine.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  context.subscriptions.push(
    watcher,
    watcher.onDidChange((uri) => void service.fileChanged(uri, 'change')),
    watcher.onDidCreate((uri) => void service.fileChanged(uri, 'create')),
    watcher.onDidDelete((uri) => void service.fileChanged(uri, 'delete')),
  );

  // The first lint and the scan run after activate() returns, so activation itself stays cheap.
  const initialScan = new Promise<ScanResult | undefined>((resolve) => {
    setTimeout(() => {
      for (const document of vscode.workspace.textDocuments) void service.lintDocument(document);
      if (!scanOnStartup()) return resolve(undefined);
      hasAuthFiles()
        .then((found) => {
          if (!found) {
            log().info('no auth configuration file names in the workspace: skipping the start-up scan (open files are still checked)');
            return undefined;
          }
          return scanWithProgress(service, vscode.ProgressLocation.Window);
        })
        .then(resolve, (error: unknown) => {
          log().error(`scan failed: ${String(error)}`);
          resolve(undefined);
        });
    }, 0);
  });

  const activationMs = performance.now() - start;
  log().info(`activated in ${activationMs.toFixed(1)} ms`);
  void initialScan.then(() =>
    log().info(`engine: ${service.engineThread === 'worker' ? 'lint worker' : 'extension host'}; helpers loaded in ${engineLoadMs().toFixed(1)} ms`),
  );
  return {
    activationMs,
    initialScan,
    service,
    engineLoadMs,
    engineThread: () => service.engineThread,
    languageStatus: (uri) => status.statusOf(uri),
    contextKeys,
    renderedPage,
    explainPickItems: quickPickItems,
  };
}

/**
 * A workspace holding a file its formats call a marker (or the config file) gets the full scan; in any
 * other only the documents opened are checked.
 */
async function hasAuthFiles(): Promise<boolean> {
  if (!vscode.workspace.workspaceFolders?.length) return false;
  const markers = ['**/.entra-auth-lint.json', ...engine().workspaceMarkers()].map((glob) => glob.replace(/^\*\*\//, ''));
  const found = await vscode.workspace.findFiles(`**/{${markers.join(',')}}`, undefined, 1);
  return found.length > 0;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
