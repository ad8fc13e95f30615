import * as vscode from 'vscode';
import type { FileResult } from './engine/protocol';
import type { LintService } from './lint-service';

// Presence where it matters: a language status item (next to the language of the editor, as vscode-eslint
// does) on the documents the engine reads as auth files, saying what it read the file as, what it found and
// which files it is linked with. Nothing in the status bar of workspaces without auth files.

export interface StatusText {
  text: string;
  detail: string;
}

/** Glob characters of a path, each made literal as a one-character class. */
function literalGlob(path: string): string {
  return path.replace(/[[\]{}*?!]/g, (c) => `[${c}]`);
}

export class LanguageStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('entraAuthLint.status', []);
  private readonly subscriptions: vscode.Disposable[];
  private selectorKey = '';

  constructor(private readonly service: LintService) {
    this.item.name = 'Entra Auth Lint';
    this.item.command = { title: 'Show output', command: 'entraAuthLint.showOutput' };
    this.subscriptions = [service.onDidChange(() => this.update()), vscode.window.onDidChangeActiveTextEditor(() => this.update())];
    this.update();
  }

  /** The status of a document the engine reads as an auth file; undefined for any other. */
  statusOf(uri: vscode.Uri): StatusText | undefined {
    const result = this.service.resultFor(uri);
    if (!result?.relevant) return undefined;
    return { text: '$(shield) Entra Auth Lint', detail: describe(result) };
  }

  update(): void {
    // The item shows on the open documents the engine read as auth files, and only there.
    const open = vscode.workspace.textDocuments.filter((d) => this.service.resultFor(d.uri)?.relevant);
    const selector: vscode.DocumentFilter[] = open.map((d) => ({
      scheme: d.uri.scheme,
      pattern: literalGlob(d.uri.scheme === 'file' ? d.uri.fsPath : d.uri.path),
    }));
    const key = JSON.stringify(selector);
    if (key !== this.selectorKey) {
      this.selectorKey = key;
      this.item.selector = selector;
    }
    const active = vscode.window.activeTextEditor?.document.uri;
    const status = active ? this.statusOf(active) : undefined;
    const result = active ? this.service.resultFor(active) : undefined;
    this.item.text = status?.text ?? '$(shield) Entra Auth Lint';
    this.item.detail = status?.detail;
    this.item.severity = result?.skipped ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}

function describe(result: FileResult): string {
  if (result.skipped) return `${result.format}: not checked (${result.skipped})`;
  const counts = new Map<string, number>();
  for (const f of result.findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  const parts = (['error', 'warning', 'information', 'hint'] as const)
    .filter((s) => counts.get(s))
    .map((s) => `${counts.get(s)} ${s === 'information' ? 'information' : `${s}${counts.get(s)! > 1 ? 's' : ''}`}`);
  const found = parts.length ? parts.join(', ') : 'no problems';
  const linked = result.linked.length
    ? ` · linked with ${result.linked
        .slice(0, 3)
        .map((p) => vscode.workspace.asRelativePath(vscode.Uri.file(p), true))
        .join(', ')}${result.linked.length > 3 ? ` and ${result.linked.length - 3} more` : ''}`
    : '';
  return `${result.format} · ${found}${linked}`;
}
