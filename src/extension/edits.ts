import * as vscode from 'vscode';
import { selectFixes } from '../core';
import type { WireEdit, WireFix } from './engine/protocol';

/**
 * Engine fixes as one undoable WorkspaceEdit. The core's selectFixes takes whole fixes whose edits do not
 * conflict (first come first served), so a combined edit is always valid; the positions were computed by
 * the engine from each file's text. Undefined when nothing is left to apply.
 */
export function toWorkspaceEdit(fixes: WireFix[], uriOf: (path: string) => vscode.Uri): vscode.WorkspaceEdit | undefined {
  const { edits } = selectFixes(fixes);
  if (!edits.length) return undefined;
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits as WireEdit[]) {
    edit.replace(uriOf(e.file), new vscode.Range(e.start.line, e.start.character, e.end.line, e.end.character), e.newText);
  }
  return edit;
}
