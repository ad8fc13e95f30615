import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** The extension's log ("Entra Auth Lint" in the Output panel); levels follow the user's log level. */
export function log(): vscode.LogOutputChannel {
  channel ??= mirrored(vscode.window.createOutputChannel('Entra Auth Lint', { log: true }));
  return channel;
}

/** In the integration tests the log also goes to the console, so the harness keeps it in its log file. */
function mirrored(output: vscode.LogOutputChannel): vscode.LogOutputChannel {
  if (!process.env.ENTRA_TEST_SUITE) return output;
  for (const level of ['trace', 'debug', 'info', 'warn', 'error'] as const) {
    const write = output[level].bind(output) as (message: string) => void;
    (output as unknown as Record<string, (message: string) => void>)[level] = (message: string) => {
      console.log(`[entra-auth-lint log] ${level}: ${message}`);
      write(message);
    };
  }
  return output;
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
