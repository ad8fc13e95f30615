// The extension's handle on the lint worker (src/extension/engine/engine-host.ts): a request the worker
// never answers must not wait for ever when the engine moves to the extension host or the worker dies.
// The integration test of the main-thread fallback hung on exactly that (a lint in flight at the switch).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineHost } from '../../../src/extension/engine/engine-host';
import type { Request } from '../../../src/extension/engine/protocol';

/** A worker that takes every request and answers none, or exits on the first one. */
function workerScript(behaviour: 'silent' | 'exits'): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'entra-host-')), `${behaviour}.cjs`);
  const onMessage = behaviour === 'silent' ? '() => {}' : '() => process.exit(3)';
  fs.writeFileSync(file, `require('node:worker_threads').parentPort.on('message', ${onMessage});\n`);
  return file;
}

const SCAN = { type: 'scan' } as Request;

function host(script: string, restarts: { count: number }) {
  const quiet = { info() {}, error() {} };
  return new EngineHost(
    script,
    quiet,
    () => {},
    () => restarts.count++,
    () => ({ handle: (request) => ({ answeredInline: request.type }) }),
  );
}

describe('editor engine: EngineHost', () => {
  it('fails the requests the worker still owes when the engine moves to the extension host, and answers the next one inline', async () => {
    const restarts = { count: 0 };
    const engine = host(workerScript('silent'), restarts);
    const owed = engine.request(SCAN);
    await new Promise((resolve) => setTimeout(resolve, 50));
    engine.runOnMainThread('a test');
    await assert.rejects(owed, /moved to the extension host/);
    assert.equal(engine.thread, 'main');
    assert.deepEqual(await engine.request(SCAN), { answeredInline: 'scan' });
    engine.dispose();
  });

  it('fails what a worker that exits owed, and tells the caller to start over', async () => {
    const restarts = { count: 0 };
    const engine = host(workerScript('exits'), restarts);
    await assert.rejects(engine.request(SCAN), /exited \(code 3\)/);
    assert.equal(restarts.count, 1);
    engine.dispose();
  });

  it('fails what it owed when it is shut down', async () => {
    const engine = host(workerScript('silent'), { count: 0 });
    const owed = engine.request(SCAN);
    engine.dispose();
    await assert.rejects(owed, /shut down/);
  });
});
