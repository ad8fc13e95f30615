// The lint worker (dist/lint-worker.js): a worker_threads thread of the extension host that runs the
// engine, so parsing and checking a large document never blocks the editor. It answers the requests of
// engine-host.ts one at a time; a scan yields between files, so edits and "cancel" get through meanwhile.
import { parentPort } from 'node:worker_threads';
import type { Request, WorkerMessage } from './protocol';
import { handleRequest, WorkspaceLinter } from './workspace-linter';

const port = parentPort;
if (port) {
  const post = (message: WorkerMessage) => port.postMessage(message);
  const linter = new WorkspaceLinter((message, done, total) => post({ kind: 'progress', message, done, total }));
  port.on('message', ({ id, request }: { id: number; request: Request }) => {
    const started = performance.now();
    Promise.resolve()
      .then(() => handleRequest(linter, request))
      .then(
        (value) => post({ kind: 'response', id, ok: true, value, ms: performance.now() - started }),
        (error: unknown) => post({ kind: 'response', id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
  });
  post({ kind: 'ready' });
}
