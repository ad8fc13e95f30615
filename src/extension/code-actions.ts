import * as vscode from 'vscode';
import type { Finding, Fix } from '../core';
import { sameFinding, SOURCE } from './diagnostics';
import { toWorkspaceEdit } from './edits';
import type { LintService } from './lint-service';
import { suppressInConfigEdit, suppressLineEdit } from './suppress-actions';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('entraAuthLint');
export const SHOW_DOCS_COMMAND = 'entraAuthLint.showRuleDocs';
const FIX_ALL_TITLE = 'Fix all auto-fixable auth problems in this file';

/** Quick fixes, documentation and suppression for our diagnostics, and the file's fix-all source action. */
export class AuthCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly service: LintService) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const findings = this.service.findingsFor(document.uri);
    if (!findings.length) return [];
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) {
      // A source action request (fix all on save, the Source Action menu): only the fix-all action.
      if (context.only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(context.only)) {
        const fixAll = this.fixAll(document, findings, FIX_ALL_KIND);
        return fixAll ? [fixAll] : [];
      }
      return [];
    }
    // Real fixes first (for every diagnostic under the cursor), then suppressions, then documentation.
    const fixes: vscode.CodeAction[] = [];
    const suppressions: vscode.CodeAction[] = [];
    const docs: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const finding = findings.find((f) => sameFinding(diagnostic, f));
      if (!finding) continue;
      fixes.push(...this.fixesFor(document, finding, diagnostic));
      const suppress = this.suppressFor(document, finding, diagnostic);
      if (suppress) suppressions.push(suppress);
      const show = new vscode.CodeAction(`Show documentation for ${finding.ruleId}`, vscode.CodeActionKind.QuickFix);
      show.command = { title: show.title, command: SHOW_DOCS_COMMAND, arguments: [finding.ruleId] };
      show.diagnostics = [diagnostic];
      if (!docs.some((d) => d.title === show.title)) docs.push(show);
    }
    if (!docs.length) return [];
    const fixAll = this.fixAll(document, findings, vscode.CodeActionKind.QuickFix);
    return [...fixes, ...(fixAll ? [fixAll] : []), ...suppressions, ...docs];
  }

  /** The unattended fixes of a document as one edit (the "Fix all in file" command uses it too). */
  fixAllEdit(document: vscode.TextDocument): vscode.WorkspaceEdit | undefined {
    const fixes: Fix[] = this.service.findingsFor(document.uri).flatMap((f) => f.fixes.filter((fix) => fix.unattended));
    return fixes.length ? toWorkspaceEdit(fixes, document, this.service) : undefined;
  }

  private fixAll(document: vscode.TextDocument, findings: Finding[], kind: vscode.CodeActionKind): vscode.CodeAction | undefined {
    if (!findings.some((f) => f.fixes.some((fix) => fix.unattended))) return undefined;
    const edit = this.fixAllEdit(document);
    if (!edit) return undefined;
    const action = new vscode.CodeAction(FIX_ALL_TITLE, kind);
    action.edit = edit;
    return action;
  }

  private fixesFor(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    finding.fixes.forEach((fix, index) => {
      const edit = toWorkspaceEdit([fix], document, this.service);
      if (!edit) return;
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = edit;
      action.diagnostics = [diagnostic];
      action.isPreferred = index === 0 && fix.unattended;
      actions.push(action);
    });
    return actions;
  }

  private suppressFor(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction | undefined {
    const file = this.service.pathOf(document);
    const lineEdit = file ? suppressLineEdit(document, this.service.suppressionComment(document.uri, file), finding) : undefined;
    const edit = lineEdit ?? suppressInConfigEdit(vscode.workspace.getWorkspaceFolder(document.uri), document.uri, finding);
    if (!edit) return undefined;
    const title = lineEdit ? `Suppress ${finding.ruleId} for this line` : `Suppress ${finding.ruleId} in this file (.entra-auth-lint.json)`;
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.edit = edit;
    action.diagnostics = [diagnostic];
    return action;
  }
}
