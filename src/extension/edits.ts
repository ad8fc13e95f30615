import * as vscode from 'vscode';
import type { Fix, TextEdit } from '../core';
import { engine } from './engine';
import type { LintService } from './lint-service';

/**
 * Engine edits (offsets into the text the engine holds) as one undoable WorkspaceEdit. Offsets in another
 * file are converted with that file's own text. Overlapping edits of later fixes are left out, so a
 * combined edit is always valid; undefined when a file's text is unknown (nothing to anchor to).
 */
export function toWorkspaceEdit(fixes: Fix[], document: vscode.TextDocument, service: LintService): vscode.WorkspaceEdit | undefined {
  const edit = new vscode.WorkspaceEdit();
  const taken = new Map<string, { start: number; end: number }[]>();
  let count = 0;
  for (const fix of fixes) {
    const converted: { uri: vscode.Uri; range: vscode.Range; text: string }[] = [];
    let usable = true;
    for (const textEdit of fix.edits) {
      const item = convert(textEdit, document, service);
      const ranges = taken.get(textEdit.file) ?? [];
      if (
        !item ||
        ranges.some((r) => textEdit.range.start < r.end && r.start < textEdit.range.end) ||
        ranges.some((r) => r.start === r.end && r.start === textEdit.range.start)
      ) {
        usable = false;
        break;
      }
      converted.push(item);
    }
    if (!usable) continue;
    for (const [index, item] of converted.entries()) {
      const source = fix.edits[index];
      taken.set(source.file, [...(taken.get(source.file) ?? []), source.range]);
      edit.replace(item.uri, item.range, item.text);
      count++;
    }
  }
  return count ? edit : undefined;
}

function convert(textEdit: TextEdit, document: vscode.TextDocument, service: LintService): { uri: vscode.Uri; range: vscode.Range; text: string } | undefined {
  const text = service.textOf(document.uri, textEdit.file);
  if (text === undefined) return undefined;
  const lines = new (engine().LineIndex)(text);
  const start = lines.positionAt(textEdit.range.start);
  const end = lines.positionAt(textEdit.range.end);
  return { uri: service.uriOf(textEdit.file), range: new vscode.Range(start.line, start.character, end.line, end.character), text: textEdit.newText };
}
