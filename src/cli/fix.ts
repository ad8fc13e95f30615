import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { planFixes, type LintRun, relativeSlash, decode, encode, maskSecretsIn, writeFileAtomic } from '../core';
import { escapeControl } from './terminal';

// --fix applies the unattended-safe fixes; --fix-dry-run prints the same changes as a unified diff.
// The fixes are computed in memory to a fixed point and verified (core/fixes/apply.ts planFixes), so one
// run is final. A file is written only when its real path lies inside a PATH given, it is not hard-linked
// elsewhere, it was read as text without decoding errors and it has not changed on disk since it was
// read; it is replaced atomically (core/io/write-file.ts), so a full disk never leaves half a file.

export interface FixOutcome {
  /** Files written (or that would be written in a dry run). */
  changedFiles: string[];
  /** Fixes applied (or that would be applied). */
  applied: number;
  /** Files whose fixed text could not be written (left unchanged): the run failed. */
  writeFailures: number;
}

type Io = { cwd: string; out: (s: string) => void; err: (s: string) => void };

/** Whether `file` (a real path) lies inside one of the real `roots` or is one of them. */
function isWithinRoots(roots: readonly string[], file: string): boolean {
  return roots.some((root) => {
    if (root === file) return true;
    const relative = path.relative(root, file);
    return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
  });
}

/** Why a file must not be written, or undefined when it may be. Re-reads it to compare with what was linted. */
function refusal(run: LintRun, file: string): string | undefined {
  const linted = run.project.index.get(file)?.text;
  const read = run.reads.get(file);
  if (linted === undefined || !read?.decoded || !read.stamp) return 'not read as text';
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch (error) {
    return `could not be resolved: ${(error as Error).message}`;
  }
  if (!isWithinRoots(run.roots, real)) return 'outside the PATHs given';
  if (read.decoded.invalid) return 'not valid in its encoding; writing it back would change other bytes';
  let stat: fs.Stats;
  let bytes: Buffer;
  try {
    stat = fs.lstatSync(real);
    bytes = fs.readFileSync(real);
  } catch (error) {
    return `could not be read again: ${(error as Error).message}`;
  }
  if (stat.nlink > 1) return `it has ${stat.nlink} hard links; replacing it would split them (copy the file or fix it by hand)`;
  if (stat.mtimeMs !== read.stamp.mtimeMs || stat.size !== read.stamp.size || stat.ino !== read.stamp.ino) return 'changed on disk since it was read';
  const now = decode(bytes);
  if ('binary' in now || now.text.replace(/^\uFEFF/, '') !== linted) return 'changed on disk since it was read';
  return undefined;
}

export function runFix(run: LintRun, mode: { dryRun: boolean }, io: Io): FixOutcome {
  const outcome: FixOutcome = { changedFiles: [], applied: 0, writeFailures: 0 };
  const plan = planFixes(run.project, (file: string) => refusal(run, file));
  const note = (file: string, text: string) => io.err(`entra-auth-lint: ${escapeControl(relativeSlash(io.cwd, file))}: ${escapeControl(text)}\n`);
  for (const [file, why] of [...plan.refused].sort(([a], [b]) => (a < b ? -1 : 1))) note(file, `not fixed (${why})`);
  for (const [file, why] of plan.partial) note(file, `some fixes left out (${why})`);

  let applied = plan.applied;
  for (const [file, after] of [...plan.texts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const before = run.project.index.get(file)!.text;
    const shown = relativeSlash(io.cwd, file);
    const titles = plan.titles.get(file) ?? [];
    if (mode.dryRun) {
      // The diff shows lines around each fix: secrets on any of them are masked, never printed.
      io.out(
        escapeControl(createTwoFilesPatch(`a/${shown}`, `b/${shown}`, maskSecretsIn(before), maskSecretsIn(after), undefined, undefined, { context: 3 }), true),
      );
    } else {
      const failure = writeFileAtomic(fs.realpathSync(file), encode(after, run.reads.get(file)!.decoded!));
      if (failure !== undefined) {
        note(file, `not fixed (${failure}); the file is unchanged`);
        applied -= titles.length;
        outcome.writeFailures++;
        continue;
      }
      // stderr, so --format json/sarif output on stdout stays machine-readable.
      io.err(`entra-auth-lint: fixed ${escapeControl(shown)}: ${[...new Set(titles)].join('; ')}\n`);
    }
    outcome.changedFiles.push(file);
  }
  outcome.applied = outcome.changedFiles.length ? Math.max(0, applied) : 0;
  if (!mode.dryRun)
    io.err(
      `entra-auth-lint: ${outcome.applied} fix${outcome.applied === 1 ? '' : 'es'} applied to ${outcome.changedFiles.length} file${outcome.changedFiles.length === 1 ? '' : 's'}.\n`,
    );
  else if (outcome.changedFiles.length === 0) io.err('entra-auth-lint: no unattended fixes to apply\n');
  return outcome;
}
