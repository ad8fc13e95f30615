// Issue 14 #6: every link to a rule opens its page rendered (the bundled page first), never the raw .md.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, diagnosticsOf, hoverText, open, waitFor, type Api } from '../helpers';

const RULE_PAGE_VIEW = 'entraAuthLint.rulePage';

/** The active tab's view: the rendered page is a custom editor or a webview, the raw file a text editor. */
function activeView(): string | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputCustom) return input.viewType;
  if (input instanceof vscode.TabInputWebview) return input.viewType;
  if (input instanceof vscode.TabInputText) return `text:${input.uri.scheme}:${input.uri.path}`;
  return undefined;
}

describe('rule pages', () => {
  let extensionApi: Api;
  before(async () => (extensionApi = await api()));
  afterEach(closeAll);

  it('the code link of a diagnostic opens the rendered page, not the editable Markdown file', async () => {
    const { document } = await open('registrations/desktop-app.json');
    const [diagnostic] = await diagnosticsOf(document.uri, 1);
    assert.ok(typeof diagnostic.code === 'object');
    const target = diagnostic.code.target;
    assert.notEqual(target.scheme, 'file', `target ${target.toString()}`);
    assert.notEqual(target.scheme, 'https', 'the bundled page first, not a web address');
    await vscode.commands.executeCommand('vscode.open', target);
    await waitFor(() => activeView()?.endsWith(RULE_PAGE_VIEW), `the rendered rule page (active: ${activeView()})`);
    const page = await waitFor(() => extensionApi.renderedPage(), 'the page to render');
    assert.equal(page.ruleId, 'custom-scheme-redirect');
    assert.match(page.html, /<h1[^>]*>custom-scheme-redirect<\/h1>/);
    assert.doesNotMatch(page.html, /&amp;lt;|&amp;gt;|Generated from the rule metadata/, 'entities render, the generator comment is not shown');
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.path.endsWith('.md')), 'no raw Markdown editor opened');
  });

  it('"Show documentation" opens the same rendered page', async () => {
    await vscode.commands.executeCommand('entraAuthLint.showRuleDocs', 'urn-redirect');
    await waitFor(() => extensionApi.renderedPage()?.ruleId === 'urn-redirect', 'the urn-redirect page');
    assert.ok(activeView()?.endsWith(RULE_PAGE_VIEW) || vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label.includes('urn-redirect'))));
  });

  it('the AADSTS hover and the Explain page link rules to the bundled page, not a web address', async () => {
    const { document } = await open('logs/signin-failure.log');
    const offset = document.getText().indexOf('AADSTS50199') + 4;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
    const text = hoverText(hovers ?? []);
    assert.match(text, /command:entraAuthLint\.showRuleDocs\?/);
    assert.doesNotMatch(text, /github\.com\/[^)]*docs\/rules/);
    await vscode.commands.executeCommand('entraAuthLint.explainCode', 'AADSTS50199');
    const page = await waitFor(
      () => (extensionApi.renderedPage()?.title.startsWith('AADSTS50199') ? extensionApi.renderedPage() : undefined),
      'the explanation',
    );
    assert.match(page.html, /href="command:entraAuthLint\.showRuleDocs\?[^"]*custom-scheme-redirect/);
    assert.doesNotMatch(page.html, /github\.com\/[^"]*docs\/rules/);
  });
});
