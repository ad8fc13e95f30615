import type * as vscode from 'vscode';
import { engine } from './engine';

/** Schemes whose documents are linted; diff views (git), output and settings editors are left alone. */
export const LINTED_SCHEMES = new Set(['file', 'untitled', 'vscode-vfs', 'vscode-remote']);

/**
 * The path the engine knows a document by. Files keep their file system path (so the CLI and the editor
 * agree); an untitled document gets a name its language and content suggest (formats are chosen by name
 * and content), under its own URI so two untitled documents never collide; undefined = not an auth file.
 */
export function enginePath(document: Pick<vscode.TextDocument, 'uri' | 'languageId' | 'getText'>): string | undefined {
  const { uri } = document;
  if (uri.scheme === 'file') return uri.fsPath;
  if (uri.scheme !== 'untitled') return uri.toString();
  const text = document.getText();
  const { detectFormat, untitledNamesFor } = engine();
  // Each format names the untitled documents it may stand for, with the content that makes the name
  // plausible (a name alone would turn any scratch JSON into an appsettings.json with parse errors).
  const name = untitledNamesFor(document.languageId).find(
    ({ name: candidate, hint }) => (hint ? hint.test(text) : true) && detectFormat(candidate, text),
  )?.name;
  return name ? `${uri.toString()}/${name}` : undefined;
}
