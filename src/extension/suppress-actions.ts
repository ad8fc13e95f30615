import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { engine } from './engine';
import type { WireFinding } from './engine/protocol';

// Suppressions the CLI honours too: a directive comment above the line where the format has comments, an
// entry in the workspace's .entra-auth-lint.json where it has none. Either way a reason is asked for: the
// edit writes a short prompt and the reveal command selects it, in the file that holds it, for typing over.

export const REVEAL_REASON_COMMAND = 'entraAuthLint.revealSuppressionReason';
const REASON_PROMPT = 'why the team accepts this';

export interface SuppressEdit {
  edit: vscode.WorkspaceEdit;
  /** Where the reason prompt is written. */
  reason: { uri: vscode.Uri; text: string };
}

/**
 * `entra-auth-lint-disable-next-line <rule> -- <reason>` above the line, in the file's own comment syntax.
 * Undefined where a comment cannot go: formats without comments, or an XML line inside a tag.
 */
export function suppressLineEdit(
  document: vscode.TextDocument,
  syntax: { open: string; close: string } | undefined,
  finding: WireFinding,
): SuppressEdit | undefined {
  if (!syntax) return undefined;
  const { DIRECTIVE } = engine();
  const line = finding.start.line;
  if (syntax.open.startsWith('<!--') && insideXmlTag(document.getText(), document.offsetAt(new vscode.Position(line, 0)))) return undefined;
  const indent = /^\s*/.exec(document.lineAt(line).text)?.[0] ?? '';
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const edit = new vscode.WorkspaceEdit();
  edit.insert(
    document.uri,
    new vscode.Position(line, 0),
    `${indent}${syntax.open}${DIRECTIVE}-next-line ${finding.ruleId} -- ${REASON_PROMPT}${syntax.close}${eol}`,
  );
  return { edit, reason: { uri: document.uri, text: REASON_PROMPT } };
}

/** The value a finding is on (its range's text without quotes), or undefined for a finding about the whole file. */
export function suppressedValue(document: vscode.TextDocument, finding: WireFinding): string | undefined {
  const raw = document.getText(new vscode.Range(finding.start.line, finding.start.character, finding.end.line, finding.end.character));
  const value = /^(["'`]).*\1$/s.test(raw) ? raw.slice(1, -1) : raw;
  return value.trim() && !/[\r\n]/.test(value) ? value : undefined;
}

/**
 * Where a line comment is impossible (plain JSON), the suppression goes into the workspace's
 * `.entra-auth-lint.json` for this file and this value only (another value in the file is still reported),
 * with a reason to fill in — shared with the CLI.
 */
export function suppressInConfigEdit(
  folder: vscode.WorkspaceFolder | undefined,
  document: vscode.TextDocument,
  finding: WireFinding,
): SuppressEdit | undefined {
  const fileUri = document.uri;
  if (!folder || folder.uri.scheme !== 'file' || fileUri.scheme !== 'file') return undefined;
  const { CONFIG_FILE_NAME, modifyJson, relativeSlash, LineIndex } = engine();
  const configPath = path.join(folder.uri.fsPath, CONFIG_FILE_NAME);
  const configUri = vscode.Uri.file(configPath);
  const value = suppressedValue(document, finding);
  const entry = {
    rule: finding.ruleId,
    files: relativeSlash(folder.uri.fsPath, fileUri.fsPath),
    ...(value !== undefined ? { value } : {}),
    reason: REASON_PROMPT,
  };
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === configUri.toString());
  const existing = open?.getText() ?? (fs.existsSync(configPath) ? fs.readFileSync(configPath, 'utf8') : undefined);
  const edit = new vscode.WorkspaceEdit();
  const reason = { uri: configUri, text: REASON_PROMPT };
  if (existing === undefined || existing.trim() === '') {
    edit.createFile(configUri, { ignoreIfExists: true });
    edit.insert(configUri, new vscode.Position(0, 0), `${JSON.stringify({ suppressions: [entry] }, null, 2)}\n`);
    return { edit, reason };
  }
  const edits = modifyJson(existing, ['suppressions', -1], entry, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } });
  if (!edits.length) return undefined;
  const lines = new LineIndex(existing);
  for (const e of edits) {
    const start = lines.positionAt(e.offset);
    const end = lines.positionAt(e.offset + e.length);
    edit.replace(configUri, new vscode.Range(start.line, start.character, end.line, end.character), e.content);
  }
  return { edit, reason };
}

/** Opens the file holding a new suppression and selects its reason prompt (the last one), ready to be typed over. */
export async function revealSuppressionReason(uri: vscode.Uri, text: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const offset = document.getText().lastIndexOf(text);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  if (offset < 0) return;
  const range = new vscode.Range(document.positionAt(offset), document.positionAt(offset + text.length));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** True when `offset` is inside an XML tag (after a `<` that is not yet closed), where comments are not allowed. */
function insideXmlTag(text: string, offset: number): boolean {
  return text.lastIndexOf('<', offset - 1) > text.lastIndexOf('>', offset - 1);
}
