import type { LintRun } from '../core/lint';

// Owned by the fixes work: applies unattended-safe fixes (--fix) or prints a unified diff (--fix-dry-run).
export interface FixOutcome {
  /** Files written (or that would be written in a dry run). */
  changedFiles: string[];
  /** Fixes applied (or that would be applied). */
  applied: number;
}

export function runFix(_run: LintRun, _mode: { dryRun: boolean }, _io: { cwd: string; out: (s: string) => void; err: (s: string) => void }): FixOutcome {
  return { changedFiles: [], applied: 0 };
}
