import * as vscode from 'vscode';
import { aadsts } from './aadsts';
import { toRange } from './diagnostics';
import { ruleLink, SHOW_DOCS_COMMAND } from './docs-view';
import type { WireFinding } from './engine/protocol';
import { EXPLAIN_COMMAND } from './explain';

/** Characters read on each side of the cursor: enough for a whole error message, cheap on huge logs. */
const WINDOW = 4096;

/** Hover over an AADSTS number, an `error_codes` entry, an error link or an MSAL code, in any file. */
export class AadstsHoverProvider implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const offset = document.offsetAt(position);
    const windowStart = document.positionAt(Math.max(0, offset - WINDOW));
    const windowEnd = document.positionAt(offset + WINDOW);
    const base = document.offsetAt(windowStart);
    const text = document.getText(new vscode.Range(windowStart, windowEnd));
    const { codeAt, renderHoverMarkdown, unknownCodeText, errorLink } = aadsts();
    const match = codeAt(text, offset - base);
    if (!match) return undefined;
    const range = new vscode.Range(document.positionAt(base + match.range.start), document.positionAt(base + match.range.end));
    const explain = `command:${EXPLAIN_COMMAND}?${encodeURIComponent(JSON.stringify([match.code]))}`;
    let markdown: string;
    if (match.entry) {
      markdown = renderHoverMarkdown(match.entry, { explainCommandUri: explain, context: match.context, ruleLink });
    } else if (match.number !== undefined) {
      markdown = `${unknownCodeText(match.number)}\n\n[${errorLink(match.number)}](${errorLink(match.number)})`;
    } else {
      return undefined;
    }
    const content = new vscode.MarkdownString(markdown);
    content.isTrusted = { enabledCommands: [EXPLAIN_COMMAND, SHOW_DOCS_COMMAND] };
    return new vscode.Hover(content, range);
  }
}

/**
 * The rest of a finding under the cursor: the diagnostic's own hover shows the short first sentence, this
 * one the detail behind it and a link to the rule's page.
 */
export class FindingHoverProvider implements vscode.HoverProvider {
  constructor(private readonly findingsFor: (uri: vscode.Uri) => readonly WireFinding[]) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const here = this.findingsFor(document.uri).filter((f) => f.detail && toRange(f).contains(position));
    if (!here.length) return undefined;
    const content = new vscode.MarkdownString();
    content.isTrusted = { enabledCommands: [SHOW_DOCS_COMMAND] };
    content.supportThemeIcons = true;
    for (const finding of here) {
      content.appendMarkdown(`${escapeMarkdown(finding.detail!)} [$(book) ${finding.ruleId}](${ruleLink(finding.ruleId)})\n\n`);
    }
    return new vscode.Hover(content, toRange(here[0]));
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, (c) => `\\${c}`);
}
