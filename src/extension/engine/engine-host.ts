import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Request, Response, WorkerMessage } from './protocol';

// The extension host's handle on the engine: a worker_threads worker running dist/lint-worker.js, so no
// lint holds the extension host's thread. When no worker can start (or it keeps failing), the same
// engine runs on the extension host instead: slower to the touch, never silent.

export type EngineThread = 'worker' | 'main';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** Restarts of a crashed worker before the engine moves to the extension host for good. */
const MAX_RESTARTS = 2;

export class EngineHost {
  private worker?: Worker;
  private inline?: { handle(request: Request): unknown };
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private restarts = 0;
  private disposed = false;

  /**
   * `workerScript`: the bundled worker. `onProgress`: scan progress. `onRestart`: the engine lost its
   * state (a crashed worker was replaced); the caller sends its folders and documents again.
   */
  constructor(
    private readonly workerScript: string,
    private readonly log: { info(message: string): void; error(message: string): void },
    private readonly onProgress: (message: string, done: number, total: number) => void,
    private readonly onRestart: () => void,
    private readonly loadInline: () => { handle(request: Request): unknown },
  ) {}

  get thread(): EngineThread {
    return this.inline ? 'main' : 'worker';
  }

  request<R extends Request>(request: R): Promise<Response<R>> {
    if (this.disposed) return Promise.reject(new Error('the engine was shut down'));
    if (!this.inline && !this.worker) this.start();
    if (this.inline) {
      try {
        return Promise.resolve(this.inline.handle(request) as Response<R>);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    const id = this.nextId++;
    return new Promise<Response<R>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker!.postMessage({ id, request });
    });
  }

  dispose(): void {
    this.disposed = true;
    void this.worker?.terminate();
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(new Error('the engine was shut down'));
    this.pending.clear();
  }

  private start(): void {
    try {
      const worker = new Worker(this.workerScript, { name: 'entra-auth-lint' });
      worker.on('message', (message: WorkerMessage) => this.receive(message));
      worker.on('error', (error) => this.failed(worker, `the lint worker failed: ${error.stack ?? error.message}`));
      worker.on('exit', (code) => {
        if (!this.disposed) this.failed(worker, `the lint worker exited (code ${code})`);
      });
      this.worker = worker;
      this.log.info(`engine: lint worker ${path.basename(this.workerScript)} started`);
    } catch (error) {
      this.useInline(`the lint worker cannot start (${(error as Error).message})`);
    }
  }

  private receive(message: WorkerMessage): void {
    if (message.kind === 'progress') this.onProgress(message.message, message.done, message.total);
    if (message.kind !== 'response') return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(new Error(message.error));
  }

  private failed(worker: Worker, why: string): void {
    if (this.worker !== worker) return; // an old worker, already replaced
    this.log.error(why);
    this.dropWorker(why);
    if (++this.restarts > MAX_RESTARTS) this.useInline(`${why}; ${MAX_RESTARTS} restarts did not help`);
    this.onRestart();
  }

  /**
   * Runs the engine on the extension host from now on (the fallback; the tests measure its cost with it).
   * Requests the worker had not answered fail, so nothing waits for a reply that never comes; the caller
   * starts over (its documents and folders go to the new engine).
   */
  runOnMainThread(why: string): void {
    if (this.inline) return;
    this.dropWorker(`the engine moved to the extension host (${why})`);
    this.useInline(why);
  }

  /** Stops the worker; what it still owed fails with `why`. */
  private dropWorker(why: string): void {
    void this.worker?.terminate();
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(new Error(why));
    this.pending.clear();
  }

  private useInline(why: string): void {
    this.log.error(`engine: ${why}; checking on the extension host instead`);
    this.inline = this.loadInline();
  }
}
