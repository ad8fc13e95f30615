import type { Finding, Fix, Severity } from '../model';
import { Project } from '../engine/project';
import { applyEdits, editsByFile } from './apply';

// Whether applying a fix trades its finding for another: the fix is applied to a scratch copy of the
// project (the other files shared, the edited ones parsed again), the files it can affect are linted
// before and after, and their errors and warnings are compared. The editor prefers only a fix that
// resolves its finding and raises nothing: "the preferred action never trades one finding for another".

const COUNTED: readonly Severity[] = ['error', 'warning'];

export interface FixOutcome {
  /** The finding (its file, rule and severity) is reported fewer times after the fix. */
  resolves: boolean;
  /** Errors and warnings that are new after the fix, as `file · rule · severity` (empty = nothing traded). */
  raised: string[];
}

/** What `fix` of `finding` does to the findings of the files it touches and the files linked to them. */
export function fixOutcome(project: Project, finding: Finding, fix: Fix): FixOutcome {
  const edited = editsByFile(fix.edits);
  const scratch = new Project(project.options, project.root);
  for (const file of project.index.all()) if (!edited.has(file.path)) scratch.index.set(file);
  const affected = new Set<string>([finding.file]);
  for (const [path, edits] of edited) {
    const file = project.index.get(path);
    if (!file) return { resolves: false, raised: [`${path} · not in the workspace`] };
    for (const dependent of project.dependentsOf(path)) affected.add(dependent);
    scratch.setFile(path, applyEdits(file.text, edits));
  }
  for (const path of edited.keys()) for (const dependent of scratch.dependentsOf(path)) affected.add(dependent);
  const before = tally([...affected].flatMap((path) => project.lintFile(path)));
  const after = tally([...affected].flatMap((path) => scratch.lintFile(path)));
  const key = findingKey(finding);
  const raised = [...after].filter(([k, n]) => COUNTED.some((s) => k.endsWith(` · ${s}`)) && n > (before.get(k) ?? 0)).map(([k]) => k);
  return { resolves: (after.get(key) ?? 0) < (before.get(key) ?? 0), raised };
}

/**
 * The index of the fix an editor should offer as preferred: the first that is meant to be (`preferred`) or
 * safe unattended, resolves the finding and raises nothing; -1 when none does.
 */
export function preferredFixIndex(project: Project, finding: Finding): number {
  return finding.fixes.findIndex((fix) => {
    if (!fix.preferred && !fix.unattended) return false;
    const outcome = fixOutcome(project, finding, fix);
    return outcome.resolves && outcome.raised.length === 0;
  });
}

function findingKey(f: Pick<Finding, 'file' | 'ruleId' | 'severity'>): string {
  return `${f.file} · ${f.ruleId} · ${f.severity}`;
}

function tally(findings: Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(findingKey(f), (counts.get(findingKey(f)) ?? 0) + 1);
  return counts;
}
