import * as vscode from 'vscode';
import type { CodeMatch } from '../core/aadsts';
import { aadsts } from './aadsts';

export const EXPLAIN_COMMAND = 'entraAuthLint.explainCode';
export const EXPLAIN_SCHEME = 'entra-auth-lint-explain';

/** Read-only Markdown documents holding explanations (`entra-auth-lint-explain:/AADSTS50199.md`). */
export class ExplanationProvider implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();

  provideTextDocumentContent(uri: vscode.Uri): string {
    const stored = this.contents.get(uri.toString());
    if (stored !== undefined) return stored;
    // After a reload only the path is left: render the code it names.
    const code = decodeURIComponent(uri.path.replace(/^\//, '').replace(/\.md$/, ''));
    return renderCodes(code) ?? `# ${code}\n\nNot a code this extension knows.\n`;
  }

  store(name: string, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${name}.md` });
    this.contents.set(uri.toString(), markdown);
    return uri;
  }
}

/** Markdown for a code or a whole pasted error message; undefined when it holds no code. */
export function renderCodes(input: string): string | undefined {
  const { lookupCode, parseErrorMessage, renderFullMarkdown, unknownCodeText, errorLink } = aadsts();
  const single = lookupCode(input);
  if (single) return renderFullMarkdown(single);
  const parsed = parseErrorMessage(input);
  if (!parsed.codes.length) return undefined;
  return parsed.codes
    .map((match: CodeMatch) =>
      match.entry
        ? renderFullMarkdown(match.entry, match.context)
        : `# ${match.code}\n\n${unknownCodeText(match.number ?? 0)}\n\n[${errorLink(match.number ?? 0)}](${errorLink(match.number ?? 0)})\n`,
    )
    .join('\n\n---\n\n');
}

/**
 * "Explain AADSTS code": the argument, else the selection or the code under the cursor, else a QuickPick
 * that searches numbers, names and meanings and also takes a whole pasted error message. Opens the
 * explanation beside the editor and returns its URI (undefined when cancelled).
 */
export async function explainCommand(provider: ExplanationProvider, argument?: unknown): Promise<vscode.Uri | undefined> {
  const input = typeof argument === 'string' && argument.trim() ? argument : (fromEditor() ?? (await pick()));
  if (!input) return undefined;
  const markdown = renderCodes(input);
  if (!markdown) {
    void vscode.window.showWarningMessage(`No AADSTS or MSAL error code found in "${input.slice(0, 80)}".`);
    return undefined;
  }
  const first = aadsts().lookupCode(input)?.code ?? aadsts().parseErrorMessage(input).codes[0]?.code ?? 'explanation';
  const uri = provider.store(first, markdown);
  const document = await vscode.workspace.openTextDocument(uri);
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch {
    // No Markdown preview (it is a built-in extension that can be disabled): show the Markdown source.
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
  }
  return uri;
}

function fromEditor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const { document, selection } = editor;
  if (!selection.isEmpty) {
    const selected = document.getText(selection);
    if (aadsts().lookupCode(selected) || aadsts().parseErrorMessage(selected).codes.length) return selected;
  }
  const line = document.lineAt(selection.active.line).text;
  const match = aadsts().codeAt(line, selection.active.character);
  return match?.code;
}

export interface CodeItem extends vscode.QuickPickItem {
  input: string;
}

/** The QuickPick's items for what the user typed: a pasted message first, then catalogue matches. */
export function quickPickItems(value: string): CodeItem[] {
  const { searchCatalogue, entryTitle, parseErrorMessage } = aadsts();
  const items: CodeItem[] = [];
  const pasted = parseErrorMessage(value);
  if (value.length > 20 && pasted.codes.length) {
    items.push({
      label: `$(search) Explain the pasted message`,
      description: pasted.codes.map((c: CodeMatch) => c.code).join(', '),
      input: value,
      alwaysShow: true,
    });
  }
  for (const entry of searchCatalogue(value, 50)) {
    // alwaysShow: the catalogue search (meanings, names) is wider than the QuickPick's own label filter.
    items.push({
      label: entry.code,
      description: entryTitle(entry).slice(entry.code.length).trim(),
      detail: entry.meaning,
      input: entry.code,
      alwaysShow: true,
    });
  }
  return items;
}

async function pick(): Promise<string | undefined> {
  const quickPick = vscode.window.createQuickPick<CodeItem>();
  quickPick.title = 'Explain AADSTS code';
  quickPick.placeholder = 'Type a number (50199), a name (CmsiInterrupt), words of the meaning, or paste a whole error message';
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  const update = (value: string) => {
    quickPick.items = quickPickItems(value);
  };
  update('');
  quickPick.onDidChangeValue(update);
  return new Promise((resolve) => {
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]?.input);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}
