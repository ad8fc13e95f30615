// Issue 14 #5: the headline finding gets a real fix where it is most common (a JS template literal, an
// Info.plist URL scheme), the config and its registration change in one edit, and the preferred action
// never trades one finding for another.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, closeAll, diagnosticsOf, fixtureUri, open, ours, quickFixes, revert, sleep, SOURCE, waitFor } from '../helpers';

/** Errors and warnings of ours in the whole workspace (what "never trades" is measured by). */
function counts(): { errors: number; warnings: number } {
  const all = vscode.languages.getDiagnostics().flatMap(([, list]) => list.filter((d) => d.source === SOURCE));
  return {
    errors: all.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length,
    warnings: all.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length,
  };
}

/** The counts once they stop changing (the edit re-lints the files and what is linked to them). */
async function settledCounts(): Promise<{ errors: number; warnings: number }> {
  let last = JSON.stringify(counts());
  for (let stable = 0; stable < 4;) {
    await sleep(250);
    const now = JSON.stringify(counts());
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
  return JSON.parse(last) as { errors: number; warnings: number };
}

const CONFIG = 'safe-redirect/electron/src/authConfig.js';
const REGISTRATION = 'safe-redirect/electron/registration.json';
const PLIST = 'safe-redirect/ios/App/Info.plist';

describe('the safe-redirect fix of the headline finding', () => {
  // A fix saves the files it changes that are not open (VS Code's files.refactoring.autoSave), so each test
  // puts the fixture files back on disk as well as reverting the editors.
  const original = new Map<string, string>();
  before(async () => {
    await api();
    for (const file of [CONFIG, REGISTRATION, PLIST]) original.set(file, fs.readFileSync(fixtureUri(file).fsPath, 'utf8'));
  });
  afterEach(async () => {
    for (const file of [CONFIG, REGISTRATION, PLIST]) await revert(fixtureUri(file));
    await closeAll();
    for (const [file, text] of original) if (fs.readFileSync(fixtureUri(file).fsPath, 'utf8') !== text) fs.writeFileSync(fixtureUri(file).fsPath, text);
    await waitFor(() => ours(fixtureUri(CONFIG), 'unregistered-redirect').length === 1, 'the fixture back as it was', 15000);
  });

  it('in a JS template literal: http://localhost in the config and its registration in one edit, and nothing traded', async () => {
    const { document } = await open(CONFIG);
    // The custom scheme and the missing registration are one problem on one range (issue 16: one finding per
    // problem): the unregistered-redirect error carries the custom-scheme finding, its AADSTS50199 code and its fixes.
    const [diagnostic] = await diagnosticsOf(document.uri, 1, 10000, 'unregistered-redirect');
    assert.equal(document.getText(diagnostic.range), 'msal${CLIENT_ID}://auth');
    assert.equal(ours(document.uri).length, 0, 'no second finding for the same range');
    const before = await settledCounts();
    const actions = await quickFixes(document.uri, diagnostic.range);
    const titles = actions.map((a) => `${a.isPreferred ? '* ' : ''}${a.title}`).join(' | ');
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, titles);
    assert.equal(actions[0], preferred[0], `the preferred fix comes first: ${titles}`);
    assert.match(preferred[0].title, /http:\/\/localhost/);
    const edited = preferred[0].edit!.entries().map(([uri]) => vscode.workspace.asRelativePath(uri));
    assert.deepEqual(edited.sort(), [REGISTRATION, CONFIG].sort(), 'the config and the registration it signs in with');
    assert.ok(await vscode.workspace.applyEdit(preferred[0].edit!));
    assert.match(document.getText(), /redirectUri: `http:\/\/localhost`,/);
    const registration = await vscode.workspace.openTextDocument(fixtureUri(REGISTRATION));
    assert.deepEqual((JSON.parse(registration.getText()) as { publicClient: { redirectUris: string[] } }).publicClient.redirectUris, ['http://localhost']);
    await diagnosticsOf(document.uri, 0);
    await diagnosticsOf(document.uri, 0, 10000, 'unregistered-redirect');
    const after = await settledCounts();
    assert.ok(after.errors <= before.errors && after.warnings <= before.warnings, `before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`);
    assert.ok(after.errors + after.warnings < before.errors + before.warnings);
  });

  it('never prefers a fix that trades the finding for another (registering the custom scheme adds an AADSTS50199 warning)', async () => {
    const { document } = await open(CONFIG);
    const [unregistered] = await diagnosticsOf(document.uri, 1, 10000, 'unregistered-redirect');
    const actions = await quickFixes(document.uri, unregistered.range);
    const register = actions.find((a) => a.title.startsWith("Register 'msal"));
    assert.ok(register, actions.map((a) => a.title).join(' | '));
    assert.equal(register.isPreferred, false);
  });

  it('in an Info.plist URL scheme: msauth.<bundle id> and LSApplicationQueriesSchemes in one edit, and nothing traded', async () => {
    const { document } = await open(PLIST);
    const [diagnostic] = await diagnosticsOf(document.uri, 1);
    assert.equal(document.getText(diagnostic.range), 'msal5c4b3a29-1807-4f6e-8d5c-4b3a29180716');
    const before = await settledCounts();
    const actions = await quickFixes(document.uri, diagnostic.range);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, actions.map((a) => a.title).join(' | '));
    assert.match(preferred[0].title, /msauth\.com\.fabrikam\.todo/);
    assert.ok(await vscode.workspace.applyEdit(preferred[0].edit!));
    const text = document.getText();
    assert.match(text, /<string>msauth\.com\.fabrikam\.todo<\/string>/);
    assert.match(text, /<key>LSApplicationQueriesSchemes<\/key>\s*<array>\s*<string>msauthv2<\/string>\s*<string>msauthv3<\/string>\s*<\/array>/);
    await waitFor(() => ours(document.uri).every((d) => d.severity !== vscode.DiagnosticSeverity.Warning), 'the warning gone');
    const after = await settledCounts();
    assert.ok(after.errors <= before.errors && after.warnings <= before.warnings, `before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`);
    assert.equal(ours(document.uri, null).filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning).length, 0);
  });
});
