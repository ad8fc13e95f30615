// Runs in a copy of test/fixtures/hostile whose large and special files (30 MB manifest, 200,000-deep
// nesting, binary Info.plist, symlink loop) the harness generated before VS Code started. The extension
// must scan it, report what it can, skip what it must with a reason, execute nothing and leak no secret.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ScanResult } from '../../../src/extension/lint-service';
import { executedMarkers } from '../../helpers/hostile';
import { api, closeAll, codeOf, diagnosticsOf, EXTENSION_ID, fixtureUri, hoverText, open, ours, revert, waitFor, workspaceRoot } from '../helpers';

/** Generous: the CLI needs well under a second for this folder; the bound for it is 30 s. */
const SCAN_BOUND_MS = 30000;

/** [start line, start character, end line, end character] (0-based), to compare whole ranges at once. */
function span(diagnostic: vscode.Diagnostic): number[] {
  const { start, end } = diagnostic.range;
  return [start.line, start.character, end.line, end.character];
}

function only(uri: vscode.Uri, rule: string): vscode.Diagnostic {
  const list = ours(uri, rule);
  assert.equal(list.length, 1, `one ${rule} on ${vscode.workspace.asRelativePath(uri)}, got ${list.length}`);
  return list[0];
}

/** Every diagnostic VS Code holds from any source, with the text a person could read from it. */
function everyDiagnosticText(): string[] {
  return vscode.languages
    .getDiagnostics()
    .flatMap(([, list]) => list.flatMap((d) => [d.message, String(codeOf(d) ?? ''), ...(d.relatedInformation ?? []).map((r) => r.message)]));
}

/** Asks for a hover over AADSTS50199 in a fresh untitled document and returns the time it took to answer. */
async function hoverRoundTrip(): Promise<{ text: string; ms: number }> {
  const document = await vscode.workspace.openTextDocument({ content: 'sign-in failed: AADSTS50199 user confirmation required', language: 'plaintext' });
  const start = Date.now();
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 20));
  return { text: hoverText(hovers ?? []), ms: Date.now() - start };
}

describe('hostile workspace', () => {
  let initial: ScanResult | undefined;

  before(async function () {
    this.timeout(SCAN_BOUND_MS + 30000);
    initial = await (await api()).initialScan;
  });
  afterEach(closeAll);

  it('the harness generated the hostile files in the workspace copy', () => {
    const root = workspaceRoot();
    assert.ok(fs.statSync(path.join(root, 'generated/huge/manifest.json')).size >= 30 * 1024 * 1024, 'the 30 MB manifest');
    assert.ok(fs.lstatSync(path.join(root, 'generated/loop/self')).isSymbolicLink(), 'the symlink loop');
    assert.equal(
      fs.realpathSync(path.join(root, 'generated/loop/self')),
      fs.realpathSync(path.join(root, 'generated/loop')),
      'the link points at its own folder',
    );
  });

  it('the start-up scan and "Scan workspace" finish within the bound and the extension host stays up', async function () {
    this.timeout(SCAN_BOUND_MS + 10000);
    assert.ok(initial, 'the start-up scan ran');
    assert.equal(initial.cancelled, false);
    assert.ok(initial.ms < SCAN_BOUND_MS, `start-up scan took ${initial.ms.toFixed(0)} ms`);
    // malformed, huge, deep (2), binary and the three booby-trapped sources.
    assert.ok(initial.files >= 8, `start-up scan read ${initial.files} files`);

    const started = Date.now();
    const again = await vscode.commands.executeCommand<ScanResult>('entraAuthLint.scanWorkspace');
    const ms = Date.now() - started;
    assert.ok(again && !again.cancelled, 'the scan command finished');
    assert.ok(ms < SCAN_BOUND_MS, `"Scan workspace" took ${ms} ms`);
    assert.equal(again.files, initial.files, 'the second scan reads the same files');
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    const { text } = await hoverRoundTrip();
    assert.match(text, /CmsiInterrupt/, 'the extension host still answers requests after the scan');
  });

  it('walks the symlink loop once: a file inside it gets diagnostics under one path only', async function () {
    this.timeout(SCAN_BOUND_MS + 10000);
    const file = path.join(workspaceRoot(), 'generated/loop/auth_config.json');
    fs.writeFileSync(file, JSON.stringify({ clientId: '6f1d2c3b-4a59-4e8d-9c7b-0a1b2c3d4e5f', redirectUri: 'hostile-loop://auth' }, null, 2));
    try {
      await vscode.commands.executeCommand<ScanResult>('entraAuthLint.scanWorkspace');
      // Any rule: the workspace registers this client id, so the custom scheme is folded into unregistered-redirect.
      await diagnosticsOf(vscode.Uri.file(file), 1, 15000, null);
      const reported = vscode.languages
        .getDiagnostics()
        .filter(([uri, list]) => uri.fsPath.includes(`${path.sep}loop${path.sep}`) && list.some((d) => d.message.includes('hostile-loop://auth')));
      assert.deepEqual(
        reported.map(([uri]) => vscode.workspace.asRelativePath(uri)),
        ['generated/loop/auth_config.json'],
      );
    } finally {
      fs.unlinkSync(file);
    }
  });

  it('the malformed manifest gets parse-error diagnostics and still the custom-scheme-redirect for the scheme inside it', async () => {
    const uri = fixtureUri('malformed/manifest.json');
    const [scheme] = await diagnosticsOf(uri, 1);
    assert.deepEqual(span(scheme), [5, 14, 5, 38]);
    assert.equal(scheme.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(scheme.message, /^Custom scheme 'hostile-malformed:\/\/auth' /);

    // One parse-error per file (issue 16): the first problem, with the count of the others.
    const parseErrors = ours(uri, 'parse-error');
    assert.equal(parseErrors.length, 1, 'one parse-error for the file');
    const [missingComma] = parseErrors;
    assert.deepEqual(span(missingComma), [3, 2, 3, 21], 'on "allowPublicClient", where the comma is missing');
    assert.equal(missingComma.message, 'JSON syntax error: comma expected (5 more problems in this file).');
    assert.equal(missingComma.severity, vscode.DiagnosticSeverity.Error);
  });

  it('the 30 MB manifest is not read: one file-skipped information diagnostic naming size and limit', () => {
    const uri = fixtureUri('generated/huge/manifest.json');
    const skipped = only(uri, 'file-skipped');
    assert.equal(skipped.message, 'Not checked: the file is 30.0 MB, over the 5.0 MB limit (maxFileSizeBytes).');
    assert.equal(skipped.severity, vscode.DiagnosticSeverity.Information);
    assert.deepEqual(span(skipped), [0, 0, 0, 0]);
    assert.equal(ours(uri, null).length, 1, 'nothing else: its content (hostile-huge://auth) was never parsed');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the extension did not open it');
  });

  it('the binary Info.plist is skipped with its reason, also after VS Code is asked to open it', async () => {
    const uri = fixtureUri('generated/binary/Info.plist');
    const skipped = only(uri, 'file-skipped');
    assert.equal(skipped.message, 'Not checked: binary data (NUL bytes); not a text file.');
    assert.equal(skipped.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(ours(uri, null).length, 1);

    // VS Code refuses binary files as text; should it open one, the extension must still not fall over.
    const opened = await vscode.workspace.openTextDocument(uri).then(
      (document) => document,
      () => undefined,
    );
    if (opened) await vscode.window.showTextDocument(opened);
    const { text } = await hoverRoundTrip();
    assert.match(text, /CmsiInterrupt/, 'the extension host still answers');
    if (opened) {
      // Opened as text: its diagnostics come from the document now, and must say why it was not checked.
      const list = await waitFor(() => {
        const l = ours(uri, null);
        return l.length ? l : undefined;
      }, 'diagnostics on the opened Info.plist');
      assert.ok(
        list.every((d) => ['file-skipped', 'parse-error'].includes(String(codeOf(d)))),
        list.map((d) => `${codeOf(d)}: ${d.message}`).join('\n'),
      );
    }
  });

  it('opening the 200,000-deep manifest gives a parse-error and the custom-scheme finding, and editing stays responsive', async function () {
    this.timeout(60000);
    const { document, editor } = await open('generated/deep/manifest.json');
    const uri = document.uri;
    const [scheme] = await diagnosticsOf(uri, 1, 15000);
    assert.deepEqual(span(scheme), [3, 35, 3, 54]);
    assert.match(scheme.message, /'hostile-deep:\/\/auth'/);
    const tooDeep = only(uri, 'parse-error');
    assert.equal(tooDeep.message, 'JSON nested deeper than 512 levels; the deeper part was not read.');
    assert.deepEqual(span(tooDeep), [2, 521, 2, 522]);

    // Typing in the huge line's document is linted again (debounced) and other requests still answer.
    const offset = document.getText().indexOf('hostile-deep://');
    await editor.edit((edit) =>
      edit.replace(new vscode.Range(document.positionAt(offset), document.positionAt(offset + 'hostile-deep'.length)), 'hostile-deeper'),
    );
    try {
      await waitFor(() => ours(uri).find((d) => d.message.includes("'hostile-deeper://auth'")), 'the diagnostic to follow the edit', 15000);
      const { text, ms } = await hoverRoundTrip();
      assert.match(text, /CmsiInterrupt/);
      assert.ok(ms < 5000, `a hover on another document took ${ms} ms`);
    } finally {
      await revert(uri);
    }
  });

  it('opening the 200,000-deep authConfig.js gives one clear parse-error and no crash', async function () {
    this.timeout(60000);
    const { document } = await open('generated/deep/authConfig.js');
    const [problem] = await diagnosticsOf(document.uri, 1, 15000, 'parse-error');
    assert.equal(problem.message, 'JavaScript/TypeScript could not be parsed: nesting too deep to parse.');
    assert.deepEqual(span(problem), [0, 0, 0, 1]);
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    const { text } = await hoverRoundTrip();
    assert.match(text, /CmsiInterrupt/);
  });

  it('the booby-trapped sources are linted, and none of them ran', async () => {
    for (const [file, scheme, range] of [
      ['booby-trap/authConfig.js', 'booby-trap-js://auth', [10, 18, 10, 38]],
      ['booby-trap/authConfig.ts', 'booby-trap-ts://auth', [10, 18, 10, 38]],
      ['booby-trap/Program.cs', 'booby-trap-cs://auth', [7, 22, 7, 42]],
    ] as const) {
      // One finding per range, whichever rule carries it (the client id is registered in the workspace).
      const [diagnostic] = await diagnosticsOf(fixtureUri(file), 1, 10000, null);
      assert.ok(diagnostic.message.includes(`'${scheme}'`), `${file}: ${diagnostic.message}`);
      assert.deepEqual(span(diagnostic), [...range], file);
    }
    // Opening it in an editor must not run it either.
    await open('booby-trap/authConfig.js');
    await diagnosticsOf(fixtureUri('booby-trap/authConfig.js'), 1, 10000, null);
    assert.deepEqual(executedMarkers(workspaceRoot()), []);
  });

  it('a client secret in the hostile workspace never appears in a diagnostic, only its masked form', async function () {
    this.timeout(40000);
    const root = workspaceRoot();
    fs.mkdirSync(path.join(root, 'secrets'), { recursive: true });
    // Made-up values of the shape of real client secrets (length, '~' in the fourth place).
    const secrets = { json: 'Hx7Q~k2LmN9pR4sT6vW8yZ0aB3cD5eF7gH9jK1m', js: 'Qm3~vT8pL2xK7nR4wB9cF6hJ1dS5gA0eZ_yU2iO' };
    fs.writeFileSync(
      path.join(root, 'secrets/appsettings.json'),
      JSON.stringify(
        {
          AzureAd: {
            Instance: 'https://login.microsoftonline.com/',
            TenantId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
            ClientId: '6f1d2c3b-4a59-4e8d-9c7b-0a1b2c3d4e5f',
            ClientSecret: secrets.json,
            CallbackPath: '/signin-oidc',
          },
        },
        null,
        2,
      ),
    );
    fs.writeFileSync(
      path.join(root, 'secrets/authConfig.js'),
      `const msalConfig = {\n  auth: {\n    clientId: '6f1d2c3b-4a59-4e8d-9c7b-0a1b2c3d4e5f',\n    clientSecret: '${secrets.js}',\n    redirectUri: 'secret-app://auth',\n  },\n};\nmodule.exports = { msalConfig };\n`,
    );
    // Scanned explicitly: the file watcher is tested in the single-folder suite, and here VS Code's own
    // TypeScript server may still be restarting after the deep authConfig.js overflowed its stack.
    await vscode.commands.executeCommand<ScanResult>('entraAuthLint.scanWorkspace');
    const [fromJson] = await diagnosticsOf(fixtureUri('secrets/appsettings.json'), 1, 15000, 'committed-secret');
    assert.match(fromJson.message, /^A literal client secret \(Hx7\*{8}\) is committed here;/);
    const { document } = await open('secrets/authConfig.js');
    const [fromJs] = await diagnosticsOf(document.uri, 1, 15000, 'committed-secret');
    assert.match(fromJs.message, /\(Qm3\*{8}\)/);
    assert.deepEqual(span(fromJs), [3, 19, 3, 58], 'on the secret value');

    const texts = everyDiagnosticText();
    for (const secret of Object.values(secrets)) {
      const leaks = texts.filter((t) => t.includes(secret) || t.includes(secret.slice(3, 15)));
      assert.deepEqual(leaks, [], `the secret ${secret.slice(0, 3)}… appears in a diagnostic`);
    }
    // Nor in what the editor offers on it: hovers and code action titles.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, fromJs.range.start.translate(0, 5));
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      fromJs.range,
    );
    const offered = [hoverText(hovers ?? []), ...(actions ?? []).map((a) => a.title)].join('\n');
    assert.ok(!offered.includes(secrets.js.slice(3, 15)), offered);
  });

  it('after everything, no booby-trap marker file exists anywhere in the workspace', () => {
    assert.deepEqual(executedMarkers(workspaceRoot()), []);
  });
});
