import { parseArgs } from 'node:util';
import { lintPaths } from '../core/lint';
import { relativeSlash } from '../core/paths';
import { formatJson } from './formatters/json';
import { formatStylish } from './formatters/stylish';
import type { Formatter } from './formatters/types';
import { runExplain } from './explain';

// Contract: node dist/cli.js [--format stylish|json|sarif] [--exclude GLOB]... PATH...
// Exit 0: no error finding; 1: at least one error finding; 2: usage error or nothing could be read.

const FORMATTERS: Record<string, Formatter> = { stylish: formatStylish, json: formatJson };

class UsageError extends Error {}

export function main(argv: string[], io = { cwd: process.cwd(), out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s) }): number {
  try {
    return run(argv, io);
  } catch (error) {
    io.err(`entra-auth-lint: ${error instanceof UsageError ? error.message : `internal error: ${(error as Error).stack ?? error}`}\n`);
    return 2;
  }
}

function run(argv: string[], io: { cwd: string; out: (s: string) => void; err: (s: string) => void }): number {
  if (argv[0] === 'explain') return runExplain(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        exclude: { type: 'string', multiple: true, default: [] },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  const { values, positionals } = parsed;
  const formatter = FORMATTERS[values.format as string];
  if (!formatter) throw new UsageError(`unknown --format '${values.format}' (expected one of: ${Object.keys(FORMATTERS).join(', ')})`);
  if (positionals.length === 0) throw new UsageError('no PATH given (usage: entra-auth-lint [--format stylish|json|sarif] [--exclude GLOB]... PATH...)');

  const result = lintPaths(positionals, io.cwd, { exclude: values.exclude as string[] });
  for (const note of result.notes) io.err(`entra-auth-lint: ${relativeSlash(io.cwd, note.path)}: ${note.reason}\n`);
  const readable = result.notes.length < positionals.length || result.files.length > 0;
  if (!readable) throw new UsageError('nothing could be read from the given paths');
  io.out(formatter({ files: result.files.map((f) => relativeSlash(io.cwd, f)), findings: result.findings, cwd: io.cwd, color: !!process.stdout.isTTY }));
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
