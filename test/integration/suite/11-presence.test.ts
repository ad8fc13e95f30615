// Issue 14 #3 and #12: present where auth files are, quiet elsewhere; counts that agree with Problems.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, EXTENSION_ID, open, waitFor, type Api } from '../helpers';

const GENERAL_LANGUAGES = ['plaintext', 'json', 'jsonc', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'xml', 'csharp', 'log'];

interface Manifest {
  activationEvents: string[];
  contributes: { menus: Record<string, { command: string; when?: string; group?: string }[]> };
}

describe('presence: activation, language status, context menu', () => {
  let extensionApi: Api;
  const manifest = () => vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;
  before(async () => (extensionApi = await api()));
  afterEach(closeAll);

  it('activates on workspace markers, the config file and auth-only languages, never on a general-purpose language', () => {
    const events = manifest().activationEvents;
    assert.ok(events.includes('workspaceContains:**/.entra-auth-lint.json'));
    assert.ok(events.some((e) => e.startsWith('workspaceContains:') && e.includes('Info.plist')));
    const general = events.filter((e) => GENERAL_LANGUAGES.some((id) => e === `onLanguage:${id}`));
    assert.deepEqual(general, [], 'these fire in every workspace');
  });

  it('shows a language status item on auth files (not an always-on status bar entry)', async () => {
    assert.equal((extensionApi as unknown as Record<string, unknown>).statusBarText, undefined, 'no status bar item');
    const { document } = await open('registrations/desktop-app.json');
    const status = await waitFor(() => extensionApi.languageStatus(document.uri), 'the language status of an auth file');
    assert.match(status.text, /Entra/);
    assert.match(status.detail, /Microsoft Graph app manifest/);
    assert.match(status.detail, /1 warning/);
    const log = await open('logs/signin-failure.log');
    assert.equal(extensionApi.languageStatus(log.document.uri), undefined, 'nothing on a file that is not an auth file');
  });

  it('offers "Explain AADSTS code" in the context menu only when the selection holds a code or an error message', async () => {
    const item = manifest().contributes.menus['editor/context'].find((m) => m.command === 'entraAuthLint.explainCode');
    assert.ok(item);
    assert.match(item.when ?? '', /entraAuthLint\.selectionHasCode/);
    assert.ok(!(item.group ?? '').startsWith('navigation'), `group ${item.group} puts it first`);
    const { document, editor } = await open('logs/signin-failure.log');
    const select = (needle: string) => {
      const offset = document.getText().indexOf(needle);
      editor.selection = new vscode.Selection(document.positionAt(offset), document.positionAt(offset + needle.length));
    };
    select('AADSTS50199');
    await waitFor(() => extensionApi.contextKeys()['entraAuthLint.selectionHasCode'] === true, 'the key on for a code');
    select('nothing to see');
    await waitFor(() => extensionApi.contextKeys()['entraAuthLint.selectionHasCode'] === false, 'the key off for ordinary words');
  });
});
