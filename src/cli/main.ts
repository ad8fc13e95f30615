import * as fs from 'node:fs';
import { describeConfigErrors, findSecrets, LintSession, maskValuesIn, type Finding, type LintRun, relativeSlash } from '../core';
import { escapeLine } from './terminal';
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
  // Output errors: a reader that went away (`| head -1`, EPIPE) ends the run quietly with its exit code;
  // any other write error (a full disk, `> /dev/full`) is exit 2 with one line, so CI never takes a
  // missing SARIF file for success.
  let closed = false;
  const guarded: CliIo = {
    ...io,
    out: (text) => {
      if (closed) return;
      try {
        io.out(text);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw new OutputError(error as Error);
        closed = true;
      }
    },
    err: (text) => {
      try {
        io.err(text);
      } catch {
        // stderr gone too: nothing left to tell
      }
    },
  };
  try {
    return run(argv, guarded);
  } catch (error) {
    if (error instanceof OutputError) {
      guarded.err(`entra-auth-lint: cannot write the output: ${error.reason.message}\n`);
      return 2;
    }
    guarded.err(`entra-auth-lint: ${error instanceof UsageError ? escapeLine(error.message) : `internal error: ${(error as Error).stack ?? error}`}\n`);
    return 2;
  }
}

class OutputError extends Error {
  constructor(readonly reason: Error) {
    super(reason.message);
  }
}

function defaultIo(): CliIo {
  return { cwd: process.cwd(), out: (s) => writeAll(1, s), err: (s) => writeAll(2, s), env: process.env, isTTY: !!process.stdout.isTTY };
}

/** Writes synchronously, so a write error is thrown here (not an unhandled 'error' event later). */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      // A non-blocking pipe that is full: wait for the reader a little.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
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
    overrides: { exclude: cli.exclude, testPaths: cli.testPaths },
  });
  const configError = describeConfigErrors(session.config, io.cwd);
  if (configError) throw new UsageError(configError);
  if (session.problems.length) throw new UsageError(session.problems[0]);
  const env = io.env ?? process.env;
  const color = cli.color ?? (!!(io.isTTY ?? process.stdout.isTTY) && !env.NO_COLOR);

  let lint: LintRun;
  let writeFailed = false;
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
    for (const note of lint.notes) io.err(`entra-auth-lint: ${escapeLine(relativeSlash(io.cwd, note.path))}: ${escapeLine(note.reason)}\n`);
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
      writeFailed = outcome.writeFailures > 0;
    }
  }
  const report = { files: lint.files, findings: maskFindings(lint), textOf: textFrom(lint), notes: lint.notes };

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
  const code = exitCode(lint, cli, io);
  // A fix that could not be written is a failure of the run (exit 2), whatever the findings say.
  return writeFailed ? 2 : code;
}

function exitCode(lint: LintRun, cli: CliOptions, io: CliIo): number {
  if (lint.unreadable.length) {
    // A file the user named and we could not read is a failure of the run, not a clean result.
    const more = lint.unreadable.length > 1 ? ` (and ${lint.unreadable.length - 1} more)` : '';
    io.err(`entra-auth-lint: could not read ${escapeLine(relativeSlash(io.cwd, lint.unreadable[0]))}${more}\n`);
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

/**
 * Findings with any secret of their files masked in the messages: a rule that quotes a value (a redirect
 * URI with a secret in it, a placeholder check) must not print it. The secrets are the detector's (the
 * committed-secret rule's own), found once per file that has findings.
 */
function maskFindings(lint: LintRun): Finding[] {
  const hits = new Map<string, ReturnType<typeof findSecrets>>();
  const secretsOf = (file: string) => {
    let found = hits.get(file);
    if (!found) {
      found = findSecrets(lint.project.index.get(file)?.text ?? '');
      hits.set(file, found);
    }
    return found;
  };
  return lint.findings.map((finding) => {
    const secrets = secretsOf(finding.file);
    const related = finding.related.map((r) => ({ ...r, message: maskValuesIn(r.message, [...secrets, ...secretsOf(r.file)]) }));
    if (!secrets.length && !related.length) return finding;
    const masked: Finding = { ...finding, message: maskValuesIn(finding.message, secrets), related };
    if (finding.detail !== undefined) masked.detail = maskValuesIn(finding.detail, secrets);
    return masked;
  });
}

function textFrom(run: LintRun): (file: string) => string | undefined {
  return (file) => run.project.index.get(file)?.text;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
