import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EntraAuthLintApi } from '../../src/extension/extension';

export type Api = EntraAuthLintApi;
export const EXTENSION_ID = 'entra-auth-lint.entra-auth-lint';
export const SOURCE = 'entra-auth-lint';

export async function api(): Promise<Api> {
  const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
  const extensionApi = extension.isActive ? extension.exports : await extension.activate();
  await extensionApi.initialScan;
  return extensionApi;
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is not open');
  return folder.uri.fsPath;
}

export function fixtureUri(relative: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), relative));
}

/** Polls until `probe` returns a value that is not undefined/false (diagnostics arrive asynchronously). */
export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 10000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The headline rule; most tests count its diagnostics so that new rules (hints) do not disturb them. */
export const CUSTOM_SCHEME = 'custom-scheme-redirect';

/** Our diagnostics on a document, of one rule (default: the custom-scheme rule) or of all (`rule: null`). */
export function ours(uri: vscode.Uri, rule: string | null = CUSTOM_SCHEME): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && (rule === null || codeOf(d) === rule));
}

/** Waits until the document has exactly `count` of our diagnostics (of `rule`) and returns them. */
export function diagnosticsOf(uri: vscode.Uri, count: number, timeoutMs = 10000, rule: string | null = CUSTOM_SCHEME): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const list = ours(uri, rule);
      return list.length === count ? list : undefined;
    },
    `${count} ${rule ?? 'any'} diagnostic(s) on ${vscode.workspace.asRelativePath(uri)}`,
    timeoutMs,
  );
}

export function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

export function textAt(document: vscode.TextDocument, range: vscode.Range): string {
  return document.getText(range);
}

export async function open(relative: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relative));
  const editor = await vscode.window.showTextDocument(document);
  return { document, editor };
}

/** Sets a setting in the workspace (the temp copy's .vscode/settings.json); undefined removes it. */
export async function setSetting(key: string, value: unknown, section = 'entraAuthLint'): Promise<void> {
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Workspace);
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

export async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a || 'diagnostics' in a);
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Throws away unsaved changes of a document (shows it, then File: Revert). */
export async function revert(uri: vscode.Uri): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  if (!document.isDirty) return;
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}
