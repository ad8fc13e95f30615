import * as vscode from 'vscode';
import type { LintService } from './lint-service';

/** `$(shield) Auth: N` in the status bar; a click opens the Problems panel. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('entraAuthLint.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: LintService) {
    this.item.name = 'Entra Auth Lint';
    this.item.command = 'workbench.actions.view.problems';
    this.subscription = service.onDidChange(() => this.update());
    this.update();
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  update(): void {
    const counts = this.service.countsBySeverity();
    // Hints are not listed in the Problems panel, so the number matches what a click shows.
    const count = counts.error + counts.warning + counts.information;
    this.item.text = `$(shield) Auth: ${count}`;
    this.item.tooltip =
      count === 0
        ? 'Entra Auth Lint: no auth configuration problems'
        : `Entra Auth Lint: ${counts.error} errors, ${counts.warning} warnings, ${counts.information} information (${counts.hint} hints) — click to open the Problems panel`;
    this.item.backgroundColor = counts.error + counts.warning > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
