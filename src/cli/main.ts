import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  formatConfigError,
  findConfigFile,
  loadConfigFile,
  lintPaths,
  type LintRun,
  type Finding,
  type LintOptions,
  relativeSlash,
  Project,
  decode,
} from '../core';
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

  const config = resolveConfig(cli, io.cwd);
  const options: LintOptions = { ...config.options, exclude: [...(config.options.exclude ?? []), ...cli.exclude] };
  const env = io.env ?? process.env;
  const color = cli.color ?? (!!(io.isTTY ?? process.stdout.isTTY) && !env.NO_COLOR);

  let report: { files: string[]; findings: Finding[]; textOf: (file: string) => string | undefined; notes?: LintRun['notes'] };
  if (cli.stdin) {
    report = lintStdin(cli.stdinFilename!, io, options, config.root);
  } else {
    let lint = lintPaths(cli.paths, io.cwd, options, config.root);
    for (const note of lint.notes) io.err(`entra-auth-lint: ${relativeSlash(io.cwd, note.path)}: ${note.reason}\n`);
    const readable = lint.notes.length < cli.paths.length || lint.files.length > 0;
    if (!readable) throw new UsageError('nothing could be read from the given paths');
    if (cli.fixDryRun) {
      // The diff is the output; the exit code still says whether errors are present now.
      runFix(lint, { dryRun: true }, io);
      return exitCode(lint.findings, cli, io);
    }
    if (cli.fix) {
      const outcome = runFix(lint, { dryRun: false }, io);
      if (outcome.applied > 0) lint = lintPaths(cli.paths, io.cwd, options, config.root);
    }
    report = { files: lint.files, findings: lint.findings, textOf: textFrom(lint), notes: lint.notes };
  }

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
  return exitCode(report.findings, cli, io);
}

function exitCode(findings: Finding[], cli: CliOptions, io: CliIo): number {
  if (findings.some((f) => f.severity === 'error')) return 1;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (cli.maxWarnings !== undefined && warnings > cli.maxWarnings) {
    io.err(`entra-auth-lint: ${warnings} warning${warnings === 1 ? '' : 's'} found, more than --max-warnings ${cli.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/**
 * The config file in force: --config FILE, else the nearest .entra-auth-lint.json above the first PATH
 * (or the stdin file name, or the working folder). Any error in it stops the run with exit 2.
 * `root` anchors the globs of its suppressions (and is the folder --fix may write in).
 */
function resolveConfig(cli: CliOptions, cwd: string): { options: LintOptions; root: string } {
  if (cli.noConfig) return { options: {}, root: cwd };
  let file: string | undefined;
  if (cli.config !== undefined) {
    file = path.resolve(cwd, cli.config);
  } else {
    file = findConfigFile(searchStart(cli, cwd));
  }
  if (!file) return { options: {}, root: cwd };
  const { options, errors } = loadConfigFile(file);
  if (errors.length) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new UsageError(`config error: ${formatConfigError(errors[0], relativeSlash(cwd, file))}${more}`);
  }
  // As in ESLint: globs of a file found by walking up are relative to its folder; of --config FILE, to the cwd.
  return { options, root: cli.config !== undefined ? cwd : path.dirname(file) };
}

function searchStart(cli: CliOptions, cwd: string): string {
  const first = cli.stdin ? cli.stdinFilename : cli.paths[0];
  if (first === undefined) return cwd;
  const absolute = path.resolve(cwd, first);
  try {
    if (fs.statSync(absolute).isDirectory()) return absolute;
  } catch {
    // a path that does not exist (or the stdin name of an unsaved file): start from its folder
  }
  return path.dirname(absolute);
}

/** Lints stdin as the file `name` (relative to cwd); the file on disk, if any, is not read. */
function lintStdin(
  name: string,
  io: CliIo,
  options: LintOptions,
  root: string,
): { files: string[]; findings: Finding[]; textOf: (file: string) => string | undefined } {
  let bytes: Buffer;
  try {
    bytes = (io.readStdin ?? (() => fs.readFileSync(0)))();
  } catch (error) {
    throw new UsageError(`nothing could be read from standard input: ${(error as Error).message}`);
  }
  const file = path.resolve(io.cwd, name);
  const project = new Project(options, root);
  const decoded = decode(bytes);
  if ('binary' in decoded) project.setSkipped(file, decoded.reason);
  else project.setFile(file, decoded.text);
  return {
    files: project.has(file) ? [file] : [],
    findings: project.lintFile(file),
    textOf: (f) => project.index.get(f)?.text,
  };
}

function textFrom(run: LintRun): (file: string) => string | undefined {
  return (file) => run.project.index.get(file)?.text;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
