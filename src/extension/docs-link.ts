import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { RuleMeta } from '../core';
import { engine } from './engine';

let extensionUri: vscode.Uri | undefined;

export function initDocsLinks(context: vscode.ExtensionContext): void {
  extensionUri = context.extensionUri;
}

/** The rule page shipped inside the extension (docs/rules/<id>.md), when it is there. */
export function bundledDocsUri(ruleId: string): vscode.Uri | undefined {
  if (!extensionUri || !/^[a-z0-9-]+$/.test(ruleId)) return undefined;
  const uri = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
  // The extension runs where its files are (local or remote host), so a plain fs check is valid here.
  return uri.scheme === 'file' && fs.existsSync(uri.fsPath) ? uri : undefined;
}

/**
 * The target of a diagnostic's code link. The bundled page is preferred: it works offline and always
 * matches the installed version. A `command:` URI would render it as a preview, but the Problems panel
 * and hover open code links without command permission, so the file URI is the one that works; the
 * "Show documentation" quick fix opens the same page in the Markdown preview. The public page is the
 * fallback when the page is missing from the package.
 */
export function docsTarget(ruleId: string): vscode.Uri {
  return bundledDocsUri(ruleId) ?? vscode.Uri.parse(engine().docsUrl(ruleId));
}

/**
 * Opens a rule's page in the Markdown preview: the bundled file, else the same facts rendered from the
 * rule's metadata into a read-only document (offline either way; no browser prompt).
 */
export async function showRuleDocs(ruleId: string, store: (name: string, markdown: string) => vscode.Uri): Promise<vscode.Uri | undefined> {
  let page = bundledDocsUri(ruleId);
  if (!page) {
    const rule = engine().ruleById(ruleId);
    if (!rule) return undefined;
    page = store(`rules/${ruleId}`, ruleMarkdown(rule.meta));
    await vscode.workspace.openTextDocument(page);
  }
  await vscode.commands.executeCommand('markdown.showPreviewToSide', page);
  return page;
}

/** The facts of the metadata; the examples (files linted by the tests) are only on the bundled page. */
function ruleMarkdown(meta: RuleMeta): string {
  const lines = [
    `# ${meta.id}`,
    '',
    meta.description,
    '',
    `Default severity: **${meta.defaultSeverity}**${meta.codes.length ? ` · Prevents: ${meta.codes.join(', ')}` : ''}${meta.fixable ? ' · Has a quick fix' : ''}`,
    '',
    '## What the user sees',
    '',
    meta.docs.impact,
    '',
    '## Why',
    '',
    meta.docs.why,
    '',
    '## How to fix',
    '',
    meta.docs.howToFix,
  ];
  if (meta.docs.links.length) lines.push('', '## Links', '', ...meta.docs.links.map((l) => `- [${l.title}](${l.url})`));
  return `${lines.join('\n')}\n`;
}
