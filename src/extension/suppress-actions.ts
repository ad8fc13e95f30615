import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Finding } from '../core';
import { engine } from './engine';

const PLACEHOLDER_REASON = 'TODO: say why the team accepts this';

/**
 * "Suppress for this line": a `entra-auth-lint-disable-next-line <rule>` comment above the line, in the
 * file's own comment syntax (the CLI honours it too). Undefined where a comment cannot go: formats
 * without comments, or an XML line inside a tag.
 */
export function suppressLineEdit(
  document: vscode.TextDocument,
  syntax: { open: string; close: string } | undefined,
  finding: Finding,
): vscode.WorkspaceEdit | undefined {
  if (!syntax) return undefined;
  const { DIRECTIVE } = engine();
  const line = finding.start.line;
  if (syntax.open.startsWith('<!--') && insideXmlTag(document.getText(), document.offsetAt(new vscode.Position(line, 0)))) return undefined;
  const indent = /^\s*/.exec(document.lineAt(line).text)?.[0] ?? '';
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(line, 0), `${indent}${syntax.open}${DIRECTIVE}-next-line ${finding.ruleId}${syntax.close}${eol}`);
  return edit;
}

/**
 * Where a line comment is impossible (plain JSON), the suppression goes into the workspace's
 * `.entra-auth-lint.json` for this file, with a reason to fill in — shared with the CLI.
 */
export function suppressInConfigEdit(folder: vscode.WorkspaceFolder | undefined, fileUri: vscode.Uri, finding: Finding): vscode.WorkspaceEdit | undefined {
  if (!folder || folder.uri.scheme !== 'file' || fileUri.scheme !== 'file') return undefined;
  const { CONFIG_FILE_NAME, modifyJson, relativeSlash } = engine();
  const configPath = path.join(folder.uri.fsPath, CONFIG_FILE_NAME);
  const configUri = vscode.Uri.file(configPath);
  const entry = { rule: finding.ruleId, files: relativeSlash(folder.uri.fsPath, fileUri.fsPath), reason: PLACEHOLDER_REASON };
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === configUri.toString());
  const existing = open?.getText() ?? (fs.existsSync(configPath) ? fs.readFileSync(configPath, 'utf8') : undefined);
  const edit = new vscode.WorkspaceEdit();
  if (existing === undefined || existing.trim() === '') {
    edit.createFile(configUri, { ignoreIfExists: true });
    edit.insert(configUri, new vscode.Position(0, 0), `${JSON.stringify({ suppressions: [entry] }, null, 2)}\n`);
    return edit;
  }
  const edits = modifyJson(existing, ['suppressions', -1], entry, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } });
  if (!edits.length) return undefined;
  const lines = new (engine().LineIndex)(existing);
  for (const e of edits) {
    const start = lines.positionAt(e.offset);
    const end = lines.positionAt(e.offset + e.length);
    edit.replace(configUri, new vscode.Range(start.line, start.character, end.line, end.character), e.content);
  }
  return edit;
}

/** True when `offset` is inside an XML tag (after a `<` that is not yet closed), where comments are not allowed. */
function insideXmlTag(text: string, offset: number): boolean {
  return text.lastIndexOf('<', offset - 1) > text.lastIndexOf('>', offset - 1);
}
