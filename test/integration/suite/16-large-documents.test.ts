// Issue 14 #10: a heavy document is linted off the extension host's main thread, so typing never waits
// for a lint. Asserted by order of events (a probe scheduled before the lint runs before it ends), never
// by wall-clock time; the main-thread stall is measured and printed for the record.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { api, closeAll, diagnosticsOf, ours, revert, waitFor, workspaceRoot, type Api } from '../helpers';

/** A Graph manifest of about `bytes` (4 MB): many web redirect URIs and one custom scheme, as a big real tenant app grows. */
function bigManifest(bytes = 4 * 1024 * 1024): string {
  const uris: string[] = [];
  for (let i = 0, size = 0; size < bytes; i++) {
    const uri = `"https://app${i}.fabrikam.example.com/signin-oidc"`;
    uris.push(uri);
    size += uri.length + 8;
  }
  return `{\n  "appId": "5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716",\n  "displayName": "Fabrikam Big",\n  "signInAudience": "AzureADMyOrg",\n  "publicClient": { "redirectUris": [ "fabrikam-big://auth" ] },\n  "web": { "redirectUris": [\n      ${uris.join(',\n      ')}\n  ] }\n}\n`;
}

describe('heavy documents', () => {
  let extensionApi: Api;
  const file = () => path.join(workspaceRoot(), 'large', 'big-app-registration.json');
  before(async function () {
    this.timeout(60000);
    extensionApi = await api();
    fs.mkdirSync(path.dirname(file()), { recursive: true });
    fs.writeFileSync(file(), bigManifest());
  });
  after(() => fs.rmSync(path.dirname(file()), { recursive: true, force: true }));
  afterEach(async () => {
    await revert(vscode.Uri.file(file()));
    await closeAll();
  });

  it('lints a 4 MB manifest off the main thread: the extension host keeps running while the lint is under way', async function () {
    this.timeout(60000);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file()));
    await vscode.window.showTextDocument(document);
    await diagnosticsOf(document.uri, 1, 30000);
    assert.equal(extensionApi.engineThread(), 'worker');

    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    let probeRan = false;
    setImmediate(() => (probeRan = true));
    const started = performance.now();
    await extensionApi.service.lintDocument(document);
    const lintMs = performance.now() - started;
    const ranBeforeTheLintEnded = probeRan;
    delay.disable();
    assert.ok(ranBeforeTheLintEnded, 'a callback queued before the lint ran before it finished: the lint did not hold the thread');
    const own = extensionApi.service.mainThread;
    console.log(
      `      [figures] 4 MB manifest in the worker: ${lintMs.toFixed(0)} ms end to end; on the extension host thread: sending ${own.sendMs.toFixed(1)} ms, applying ${own.applyMs.toFixed(1)} ms (max per lint); event-loop stall of the whole host (all extensions) max ${(delay.max / 1e6).toFixed(1)} ms`,
    );
  });

  it('typing into it never waits for a lint, and the last text wins', async function () {
    this.timeout(60000);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file()));
    const editor = await vscode.window.showTextDocument(document);
    const [diagnostic] = await diagnosticsOf(document.uri, 1, 30000);
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    let current = 'fabrikam-big://auth';
    for (const next of ['typed-one://auth', 'https://typed.example.org', 'typed-last://auth']) {
      await editor.edit((b) => b.replace(new vscode.Range(diagnostic.range.start, diagnostic.range.start.translate(0, current.length)), next));
      current = next;
    }
    // Until the lint of the last text is in, the diagnostic shown is an older one (its range over the new text);
    // a result of an earlier text arriving later would cover a different length.
    const last = await waitFor(
      () => {
        const list = ours(document.uri);
        return list.length === 1 && document.getText(list[0].range) === 'typed-last://auth' ? list[0] : undefined;
      },
      'the diagnostic of the last text typed',
      30000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    delay.disable();
    assert.equal(ours(document.uri).length, 1);
    assert.deepEqual(ours(document.uri)[0].range, last.range, 'no older result replaced the last one');
    console.log(`      [figures] typing into the 4 MB manifest: event-loop stall of the whole host max ${(delay.max / 1e6).toFixed(1)} ms`);
  });

  // It hung here in fresh-clone runs: a lint still in flight in the worker at the switch was never answered,
  // and every later lint of the document waited for it (fixed in engine-host.ts; test/unit/extension/engine-host.test.ts).
  it('for the record: the same lint on the extension host thread (the fallback) holds it for the whole lint', async function () {
    this.timeout(120000);
    // A file of its own, of 1 MB: the 4 MB one the typing test edited may still be held (and dirty) by the
    // editor, and on the host thread the rescan and every lint of it block the test too.
    const own = path.join(path.dirname(file()), 'big-app-registration-1mb.json');
    fs.writeFileSync(own, bigManifest(1024 * 1024));
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(own));
    await vscode.window.showTextDocument(document);
    await diagnosticsOf(document.uri, 1, 30000);
    extensionApi.service.runEngineOnMainThread('measuring the main-thread cost (integration test)');
    await extensionApi.initialScan;
    await diagnosticsOf(document.uri, 1, 60000);
    assert.equal(extensionApi.engineThread(), 'main');
    let probeRan = false;
    setImmediate(() => (probeRan = true));
    const started = performance.now();
    await extensionApi.service.lintDocument(document);
    const lintMs = performance.now() - started;
    assert.equal(probeRan, false, 'on the extension host the lint holds the thread until it ends');
    console.log(`      [figures] 1 MB manifest on the extension host thread: ${lintMs.toFixed(0)} ms, all of it blocking`);
  });
});
