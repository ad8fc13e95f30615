import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** The extension's log ("Entra Auth Lint" in the Output panel); levels follow the user's log level. */
export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Entra Auth Lint', { log: true });
  return channel;
}

/** Runs `work` and logs how long it took at debug level (timings are what users report when it feels slow). */
export function timed<T>(label: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    log().debug(`${label}: ${(performance.now() - start).toFixed(1)} ms`);
  }
}

export function disposeLog(): void {
  channel?.dispose();
  channel = undefined;
}
