import * as vscode from 'vscode';
import { sameFinding, SOURCE } from './diagnostics';
import { SHOW_DOCS_COMMAND } from './docs-view';
import { toWorkspaceEdit } from './edits';
import type { WireFinding, WireFix } from './engine/protocol';
import type { LintService } from './lint-service';
import { REVEAL_REASON_COMMAND, suppressedValue, suppressInConfigEdit, suppressLineEdit } from './suppress-actions';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('entraAuthLint');
/** One title for the fix-all action wherever it is offered (quick fix menu, source actions, command palette). */
export const FIX_ALL_TITLE = 'Fix all auto-fixable problems in this file';

/**
 * Quick fixes, suppression and documentation for our diagnostics, and the file's fix-all source action. The
 * preferred fix (the one Ctrl+. and "auto fix" apply) is chosen by the engine: the first fix meant as the
 * answer, or safe unattended, that resolves its finding without raising another error or warning.
 */
export class AuthCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly service: LintService) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const findings = this.service.findingsFor(document.uri);
    if (!findings.length) return [];
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) {
      // A source action request (fix all on save, the Source Action menu): only the fix-all action.
      if (context.only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(context.only)) {
        const fixAll = this.fixAll(document, FIX_ALL_KIND);
        return fixAll ? [fixAll] : [];
      }
      return [];
    }
    const here: { finding: WireFinding; diagnostic: vscode.Diagnostic }[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const finding = findings.find((f) => sameFinding(diagnostic, f));
      if (finding) here.push({ finding, diagnostic });
    }
    if (!here.length) return [];
    const preferred = await this.service.preferredFixes(
      document.uri,
      here.map((h) => h.finding),
    );
    // The preferred fixes first, then the other fixes, fix-all, suppressions and documentation.
    const best: vscode.CodeAction[] = [];
    const fixes: vscode.CodeAction[] = [];
    const suppressions: vscode.CodeAction[] = [];
    const docs: vscode.CodeAction[] = [];
    for (const { finding, diagnostic } of here) {
      finding.fixes.forEach((fix, index) => {
        const action = this.fixAction(fix, diagnostic, preferred.get(finding) === index);
        if (action) (action.isPreferred ? best : fixes).push(action);
      });
      const suppress = this.suppressFor(document, finding, diagnostic);
      if (suppress) suppressions.push(suppress);
      const title = `Show documentation for ${finding.ruleId}`;
      if (docs.some((d) => d.title === title)) continue;
      const show = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      show.command = { title, command: SHOW_DOCS_COMMAND, arguments: [finding.ruleId] };
      show.diagnostics = [diagnostic];
      docs.push(show);
    }
    // Fix all is offered here only where it fixes something under the cursor.
    const fixesHere = here.some(({ finding }) => finding.fixes.some((fix) => fix.unattended));
    const fixAll = fixesHere ? this.fixAll(document, vscode.CodeActionKind.QuickFix) : undefined;
    return [...best, ...fixes, ...(fixAll ? [fixAll] : []), ...suppressions, ...docs];
  }

  /** The unattended fixes of a document as one edit (the "Fix all" command uses it too). */
  fixAllEdit(document: vscode.TextDocument): vscode.WorkspaceEdit | undefined {
    const fixes: WireFix[] = this.service.findingsFor(document.uri).flatMap((f) => f.fixes.filter((fix) => fix.unattended));
    return fixes.length ? toWorkspaceEdit(fixes, this.service.uriOf) : undefined;
  }

  private fixAll(document: vscode.TextDocument, kind: vscode.CodeActionKind): vscode.CodeAction | undefined {
    const edit = this.fixAllEdit(document);
    if (!edit) return undefined;
    const action = new vscode.CodeAction(FIX_ALL_TITLE, kind);
    action.edit = edit;
    return action;
  }

  private fixAction(fix: WireFix, diagnostic: vscode.Diagnostic, preferred: boolean): vscode.CodeAction | undefined {
    const edit = toWorkspaceEdit([fix], this.service.uriOf);
    if (!edit) return undefined;
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.edit = edit;
    action.diagnostics = [diagnostic];
    action.isPreferred = preferred;
    return action;
  }

  private suppressFor(document: vscode.TextDocument, finding: WireFinding, diagnostic: vscode.Diagnostic): vscode.CodeAction | undefined {
    const lineEdit = suppressLineEdit(document, this.service.suppressionComment(document.uri), finding);
    const inConfig = lineEdit ? undefined : suppressInConfigEdit(vscode.workspace.getWorkspaceFolder(document.uri), document, finding);
    const edit = lineEdit?.edit ?? inConfig?.edit;
    if (!edit) return undefined;
    const value = inConfig && suppressedValue(document, finding);
    const title = lineEdit
      ? `Suppress ${finding.ruleId} for this line`
      : value !== undefined
        ? `Suppress ${finding.ruleId} for this value (.entra-auth-lint.json)`
        : `Suppress ${finding.ruleId} in this file (.entra-auth-lint.json)`;
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.edit = edit;
    action.diagnostics = [diagnostic];
    // Then the reason is selected for typing, in the file that holds it.
    const reason = lineEdit?.reason ?? inConfig?.reason;
    if (reason) action.command = { title: 'Say why', command: REVEAL_REASON_COMMAND, arguments: [reason.uri, reason.text] };
    return action;
  }
}
