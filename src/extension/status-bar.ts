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
    const count = this.service.totalProblems();
    this.item.text = `$(shield) Auth: ${count}`;
    this.item.tooltip = count === 0 ? 'Entra Auth Lint: no auth configuration problems' : `Entra Auth Lint: ${count} auth configuration problem${count === 1 ? '' : 's'} — open the Problems panel`;
    this.item.backgroundColor = count > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
