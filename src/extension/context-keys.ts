import * as vscode from 'vscode';
import { aadsts } from './aadsts';

// Context keys that keep the menus quiet: "Explain AADSTS code" appears in the editor's context menu only
// when the selection holds an AADSTS code or an error message.

export const SELECTION_HAS_CODE = 'entraAuthLint.selectionHasCode';
/** Longest selection looked at (a pasted error message fits; a whole log does not need the menu). */
const MAX_SELECTION = 8192;
/** A cheap gate before the catalogue is loaded: digits of a code, or words error messages carry. */
const MAYBE_CODE = /\d{5}|AADSTS|error|interaction_required|invalid_|unauthorized|consent|redirect/i;

const values: Record<string, unknown> = {};

/** The context key values this extension set (for the integration tests). */
export function contextKeys(): Readonly<Record<string, unknown>> {
  return values;
}

function set(key: string, value: unknown): void {
  if (values[key] === value) return;
  values[key] = value;
  void vscode.commands.executeCommand('setContext', key, value);
}

function selectionHasCode(editor: vscode.TextEditor | undefined): boolean {
  if (!editor || editor.selection.isEmpty) return false;
  const text = editor.document.getText(editor.selection);
  if (text.length > MAX_SELECTION || !MAYBE_CODE.test(text)) return false;
  const { lookupCode, parseErrorMessage } = aadsts();
  return lookupCode(text.trim()) !== undefined || parseErrorMessage(text).codes.length > 0;
}

export function registerContextKeys(): vscode.Disposable[] {
  const update = (editor: vscode.TextEditor | undefined) => set(SELECTION_HAS_CODE, selectionHasCode(editor));
  update(vscode.window.activeTextEditor);
  return [
    vscode.window.onDidChangeTextEditorSelection((event) => update(event.textEditor)),
    vscode.window.onDidChangeActiveTextEditor((editor) => update(editor)),
  ];
}
