import { describeConfigErrors, LintSession, type LintRun, relativeSlash } from '../core';
import { HELP, parseCliArgs, UsageError, type CliOptions, type FormatName } from './args';
import { runExplain } from './explain';
import { runFix } from './fix';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import type { Formatter } from './formatters/types';
import { TOOL_VERSION } from './version';

// Contract: node dist/cli.js [--format stylish|json|sarif|github] [--exclude GLOB]... PATH... (see args.ts)
// Exit 0: no error finding; 1: at least one error finding (or more warnings than --max-warnings);
// 2: usage or config error, or nothing could be read. Errors are one line on stderr.

const FORMATTERS: Record<FormatName, Formatter> = { stylish: formatStylish, json: formatJson, sarif: formatSarif, github: formatGithub };

export interface CliIo {
  cwd: string;
  out: (s: string) => void;
  err: (s: string) => void;
  /** Environment (NO_COLOR); defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Whether stdout is a terminal (color by default); defaults to process.stdout.isTTY. */
  isTTY?: boolean;
  /** Reads all of standard input; defaults to a synchronous read of fd 0. */
  readStdin?: () => Buffer;
}

export function main(argv: string[], io: CliIo = defaultIo()): number {
  try {
    return run(argv, io);
  } catch (error) {
    io.err(`entra-auth-lint: ${error instanceof UsageError ? error.message : `internal error: ${(error as Error).stack ?? error}`}\n`);
    return 2;
  }
}

function defaultIo(): CliIo {
  return { cwd: process.cwd(), out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), env: process.env, isTTY: !!process.stdout.isTTY };
}

function run(argv: string[], io: CliIo): number {
  if (argv[0] === 'explain') return runExplain(argv.slice(1), io);
  const cli = parseCliArgs(argv);
  if (cli.help) {
    io.out(HELP);
    return 0;
  }
  if (cli.version) {
    io.out(`${TOOL_VERSION}\n`);
    return 0;
  }

  const session = LintSession.open({
    cwd: io.cwd,
    paths: cli.stdin ? undefined : cli.paths,
    stdinName: cli.stdin ? cli.stdinFilename : undefined,
    configFile: cli.config,
    noConfig: cli.noConfig,
    overrides: { exclude: cli.exclude },
  });
  const configError = describeConfigErrors(session.config, io.cwd);
  if (configError) throw new UsageError(configError);
  if (session.problems.length) throw new UsageError(session.problems[0]);
  const env = io.env ?? process.env;
  const color = cli.color ?? (!!(io.isTTY ?? process.stdout.isTTY) && !env.NO_COLOR);

  let lint: LintRun;
  if (cli.stdin) {
    let bytes: Buffer | undefined;
    try {
      bytes = io.readStdin ? io.readStdin() : session.readStdin();
    } catch (error) {
      throw new UsageError(`nothing could be read from standard input: ${(error as Error).message}`);
    }
    lint = session.lintStdin(cli.stdinFilename!, bytes);
  } else {
    lint = session.lintPaths();
    for (const note of lint.notes) io.err(`entra-auth-lint: ${relativeSlash(io.cwd, note.path)}: ${note.reason}\n`);
    const readable = lint.notes.length < cli.paths.length || lint.files.length > 0;
    if (!readable) throw new UsageError('nothing could be read from the given paths');
    if (cli.fixDryRun) {
      // The diff is the output; the exit code still says whether errors are present now.
      runFix(lint, { dryRun: true }, io);
      return exitCode(lint, cli, io);
    }
    if (cli.fix) {
      const outcome = runFix(lint, { dryRun: false }, io);
      if (outcome.applied > 0) lint = session.lintPaths();
    }
  }
  const report = { files: lint.files, findings: lint.findings, textOf: textFrom(lint), notes: lint.notes };

  const shown = cli.quiet ? report.findings.filter((f) => f.severity === 'error') : report.findings;
  io.out(
    FORMATTERS[cli.format]({
      files: report.files.map((f) => relativeSlash(io.cwd, f)),
      findings: shown,
      cwd: io.cwd,
      color,
      textOf: report.textOf,
      notes: report.notes,
    }),
  );
  return exitCode(lint, cli, io);
}

function exitCode(lint: LintRun, cli: CliOptions, io: CliIo): number {
  if (lint.unreadable.length) {
    // A file the user named and we could not read is a failure of the run, not a clean result.
    const more = lint.unreadable.length > 1 ? ` (and ${lint.unreadable.length - 1} more)` : '';
    io.err(`entra-auth-lint: could not read ${relativeSlash(io.cwd, lint.unreadable[0])}${more}; exit 2\n`);
    return 2;
  }
  const findings = lint.findings;
  if (findings.some((f) => f.severity === 'error')) return 1;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (cli.maxWarnings !== undefined && warnings > cli.maxWarnings) {
    io.err(`entra-auth-lint: ${warnings} warning${warnings === 1 ? '' : 's'} found, more than --max-warnings ${cli.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function textFrom(run: LintRun): (file: string) => string | undefined {
  return (file) => run.project.index.get(file)?.text;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
