import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** The repository root (tests run from out/test/cli). */
export const REPO = path.resolve(__dirname, '../../..');
export const CLI = path.join(REPO, 'dist/cli.js');
export const WORKSPACE = path.join(REPO, 'test/fixtures/cli-workspace');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI as users do (node dist/cli.js ...), with colors off unless the test asks. */
export function runCli(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string | undefined> } = {}): CliResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO,
    input: options.input ?? '',
    encoding: 'utf8',
    env: env as NodeJS.ProcessEnv,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface JsonReport {
  files: string[];
  findings: {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    ruleId: string;
    severity: string;
    codes: string[];
    message: string;
  }[];
}
