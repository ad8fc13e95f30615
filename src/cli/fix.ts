import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { applyEdits, editsByFile, selectFixes, type LintRun, type Fix, type TextEdit, relativeSlash, decode, encode, maskSecret, type Decoded } from '../core';

// --fix applies the unattended-safe fixes in place; --fix-dry-run prints the same changes as a unified diff.
// A file is written only when it lies inside the scanned root, was read as text without decoding errors,
// and has not changed on disk since it was read.

export interface FixOutcome {
  /** Files written (or that would be written in a dry run). */
  changedFiles: string[];
  /** Fixes applied (or that would be applied). */
  applied: number;
}

type Io = { cwd: string; out: (s: string) => void; err: (s: string) => void };

/** Whether `file` lies inside `root` once symlinks are resolved (a fix never writes outside the scanned folder). */
function isInside(root: string, file: string): boolean {
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = fs.realpathSync(root);
    realFile = fs.realpathSync(file);
  } catch {
    return false;
  }
  const relative = path.relative(realRoot, realFile);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Why a file must not be written, or undefined when it may be. Re-reads it to compare with what was linted. */
function refusal(run: LintRun, root: string, file: string, linted: string): string | undefined {
  if (!isInside(root, file)) return 'outside the scanned folder';
  const read = run.reads.get(file);
  if (!read?.decoded || !read.stamp) return 'not read as text';
  if (read.decoded.invalid) return 'not valid in its encoding; writing it back would change other bytes';
  let stat: fs.Stats;
  let bytes: Buffer;
  try {
    stat = fs.statSync(file);
    bytes = fs.readFileSync(file);
  } catch (error) {
    return `could not be read again: ${(error as Error).message}`;
  }
  if (stat.mtimeMs !== read.stamp.mtimeMs || stat.size !== read.stamp.size) return 'changed on disk since it was read';
  const now = decode(bytes);
  if ('binary' in now || now.text.replace(/^\uFEFF/, '') !== linted) return 'changed on disk since it was read';
  return undefined;
}

export function runFix(run: LintRun, mode: { dryRun: boolean }, io: Io): FixOutcome {
  const root = run.project.root ?? io.cwd;
  const unattended: Fix[] = run.findings.flatMap((f) => f.fixes.filter((fix) => fix.unattended && fix.edits.length > 0));
  const { fixes, edits } = selectFixes(unattended);
  const outcome: FixOutcome = { changedFiles: [], applied: 0 };
  const refused = new Set<string>();
  const updated = new Map<string, { before: string; after: string; decoded: Decoded }>();

  for (const [file, fileEdits] of editsByFile(edits)) {
    const linted = run.project.index.get(file)?.text;
    const why = linted === undefined ? 'not part of this run' : refusal(run, root, file, linted);
    if (why !== undefined || linted === undefined) {
      refused.add(file);
      io.err(`entra-auth-lint: ${relativeSlash(io.cwd, file)}: not fixed (${why})\n`);
      continue;
    }
    const after = applyEdits(linted, fileEdits);
    if (after !== linted) updated.set(file, { before: linted, after, decoded: run.reads.get(file)!.decoded! });
  }

  // A fix spanning a refused file is left out entirely, so no file is half fixed.
  const appliedFixes = fixes.filter((fix) => fix.edits.every((e) => !refused.has(e.file)));
  const keptEdits: TextEdit[] = appliedFixes.flatMap((fix) => fix.edits);
  for (const file of [...updated.keys()]) {
    const entry = updated.get(file)!;
    const after = applyEdits(
      entry.before,
      keptEdits.filter((e) => e.file === file),
    );
    if (after === entry.before) updated.delete(file);
    else entry.after = after;
  }

  for (const [file, { before, after, decoded }] of updated) {
    const shown = relativeSlash(io.cwd, file);
    const titles = appliedFixes.filter((fix) => fix.edits.some((e) => e.file === file)).map((fix) => fix.title);
    if (mode.dryRun) {
      // The diff shows lines around each fix: a client secret on one of them is masked, never printed.
      const secrets = (run.project.index.get(file)?.configs ?? []).map((c) => c.clientSecret?.value.trim() ?? '').filter((v) => v.length >= 4);
      const masked = (text: string) => secrets.reduce((t, secret) => t.split(secret).join(maskSecret(secret)), text);
      io.out(createTwoFilesPatch(`a/${shown}`, `b/${shown}`, masked(before), masked(after), undefined, undefined, { context: 3 }));
    } else {
      try {
        fs.writeFileSync(file, encode(after, decoded));
      } catch (error) {
        io.err(`entra-auth-lint: ${shown}: not fixed (${(error as Error).message})\n`);
        continue;
      }
      // stderr, so --format json/sarif output on stdout stays machine-readable.
      io.err(`entra-auth-lint: fixed ${shown}: ${titles.join('; ')}\n`);
    }
    outcome.changedFiles.push(file);
  }
  outcome.applied = appliedFixes.filter((fix) => fix.edits.some((e) => outcome.changedFiles.includes(e.file))).length;
  if (!mode.dryRun)
    io.err(
      `entra-auth-lint: ${outcome.applied} fix${outcome.applied === 1 ? '' : 'es'} applied to ${outcome.changedFiles.length} file${outcome.changedFiles.length === 1 ? '' : 's'}.\n`,
    );
  else if (outcome.changedFiles.length === 0) io.err('entra-auth-lint: no unattended fixes to apply\n');
  return outcome;
}
