import * as vscode from 'vscode';
import type { CodeMatch } from '../core/aadsts';
import { aadsts } from './aadsts';
import { ruleLink, showExplanation } from './docs-view';

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
  const { lookupCode, parseErrorMessage, renderFullMarkdown } = aadsts();
  const single = lookupCode(input);
  if (single) return renderFullMarkdown(single, {}, ruleLink);
  const number = aadstsNumber(input);
  if (number !== undefined) return unknownCodeMarkdown(number);
  const parsed = parseErrorMessage(input);
  if (!parsed.codes.length) return undefined;
  return parsed.codes
    .map((match: CodeMatch) => (match.entry ? renderFullMarkdown(match.entry, match.context, ruleLink) : unknownCodeMarkdown(match.number ?? 0)))
    .join('\n\n---\n\n');
}

/** The number of an input that is only an AADSTS code (`AADSTS99999`) or a bare code number (`50199`). */
function aadstsNumber(input: string): number | undefined {
  const match = /^\s*(?:AADSTS)?(\d{5,7})\s*$/i.exec(input);
  return match ? Number(match[1]) : undefined;
}

/** A code the catalogue does not hold still gets a page: what is known (nothing), and Microsoft's live lookup. */
function unknownCodeMarkdown(number: number): string {
  const { unknownCodeText, errorLink, md } = aadsts();
  return `# AADSTS${number}\n\n${md(unknownCodeText(number))}.\n\n[Look it up on login.microsoftonline.com](${errorLink(number)})\n`;
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
  const bare = aadstsNumber(input);
  const first =
    aadsts().lookupCode(input)?.code ?? (bare !== undefined ? `AADSTS${bare}` : undefined) ?? aadsts().parseErrorMessage(input).codes[0]?.code ?? 'explanation';
  const uri = provider.store(first, markdown);
  await showExplanation(`${first} (explained)`, markdown);
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
  const number = aadstsNumber(value);
  if (number !== undefined && !aadsts().lookupCode(`AADSTS${number}`)) {
    // Not in the catalogue: Enter still explains it (with Microsoft's live lookup).
    const unknown: CodeItem = {
      label: `AADSTS${number}`,
      description: 'not in the catalogue',
      detail: 'Show what is known and the official lookup',
      input: `AADSTS${number}`,
      alwaysShow: true,
    };
    if (items.length) items.push(unknown);
    else items.unshift(unknown);
  }
  if (!items.length && value.trim()) {
    items.push({
      label: '$(info) No code found',
      description: 'type an AADSTS number, a name (CmsiInterrupt) or paste an error message',
      input: '',
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
      // Enter with nothing to select explains the typed text itself (it may still hold a code).
      const chosen = quickPick.selectedItems[0]?.input || quickPick.value.trim();
      if (!chosen) return;
      resolve(chosen);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}
