import type { Fix, ParsedFile, Range, TextEdit } from '../model';
import { Project } from '../engine/project';

// Pure helpers that apply text edits. Offsets are those of the model: UTF-16 offsets into the text with
// any BOM removed, so the caller re-encodes the result the way the file was decoded.

export type PlainEdit = Pick<TextEdit, 'range' | 'newText'>;

/** Whether two edits touch the same text (two insertions at one point also conflict: their order is unknown). */
export function editsConflict(a: Range, b: Range): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

function sameEdit(a: PlainEdit, b: PlainEdit): boolean {
  return a.range.start === b.range.start && a.range.end === b.range.end && a.newText === b.newText;
}

/**
 * Applies edits to `text`. An exact repeat of an accepted edit is ignored; an edit that conflicts with an
 * accepted one (in the order given) is dropped, so the result is always well defined.
 */
export function applyEdits(text: string, edits: readonly PlainEdit[]): string {
  const accepted: PlainEdit[] = [];
  for (const edit of edits) {
    if (edit.range.start < 0 || edit.range.end < edit.range.start || edit.range.end > text.length) continue;
    if (accepted.some((a) => sameEdit(a, edit))) continue;
    if (accepted.some((a) => editsConflict(a.range, edit.range))) continue;
    accepted.push(edit);
  }
  accepted.sort((a, b) => b.range.start - a.range.start);
  let result = text;
  for (const edit of accepted) result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
  return result;
}

/**
 * Chooses whole fixes whose edits do not conflict, first come first served. A fix is taken entirely or
 * not at all (its edits may span files); a fix whose every edit was already taken counts as taken.
 */
export function selectFixes(fixes: readonly Fix[]): { fixes: Fix[]; edits: TextEdit[] } {
  const chosen: Fix[] = [];
  const edits: TextEdit[] = [];
  for (const fix of fixes) {
    const fresh = fix.edits.filter((e) => !edits.some((t) => t.file === e.file && sameEdit(t, e)));
    if (fresh.length === 0) continue;
    const clash = fresh.some((e) => edits.some((t) => t.file === e.file && editsConflict(t.range, e.range)));
    if (clash) continue;
    chosen.push(fix);
    edits.push(...fresh);
  }
  return { fixes: chosen, edits };
}

/** Edits grouped by file, in the order the files first appear. */
export function editsByFile(edits: readonly TextEdit[]): Map<string, TextEdit[]> {
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of edits) {
    const list = byFile.get(edit.file) ?? [];
    list.push(edit);
    byFile.set(edit.file, list);
  }
  return byFile;
}

/** A file's redirect URIs (configs and registrations) with their ranges, for checking what a fix removed. */
function redirectsOf(file: ParsedFile): { key: string; value: string; range: Range }[] {
  const uris = [...file.configs.flatMap((c) => c.redirectUris), ...file.registrations.flatMap((r) => r.redirectUris)];
  return uris.map((u) => ({ key: `${u.role}\u0000${u.platform}\u0000${u.value}`, value: u.value, range: u.range }));
}

/**
 * Why `after` is not an acceptable result of applying `edits` to the file `before`, or undefined: it must
 * parse with no more problems, and every redirect URI of `before` must still be there unless an edit
 * rewrote it (an edit with new text over its range); copies may go (that is what de-duplication does).
 */
export function fixVerdict(before: ParsedFile, after: ParsedFile, edits: readonly PlainEdit[]): string | undefined {
  if (after.problems.length > before.problems.length) return `the fixed text would not parse (${after.problems[0]?.message ?? 'parse problem'})`;
  if (before.format !== after.format) return `the fixed text would be read as ${after.format}, not ${before.format}`;
  const beforeKeys = new Set(redirectsOf(before).map((r) => r.key));
  const afterKeys = new Set(redirectsOf(after).map((r) => r.key));
  // A redirect rewritten in place (an edit with new text over it, or a value replaced by a new one: a
  // re-encoded path) is meant; one that is simply gone is not.
  let gained = [...afterKeys].filter((key) => !beforeKeys.has(key)).length;
  for (const redirect of redirectsOf(before)) {
    if (afterKeys.has(redirect.key)) continue;
    const rewritten = edits.some((e) => e.newText !== '' && e.range.start <= redirect.range.end && redirect.range.start <= e.range.end);
    if (rewritten) continue;
    if (gained-- > 0) continue;
    return `the fix would remove the redirect URI '${redirect.value}', which it did not mean to`;
  }
  return undefined;
}

export interface FixPlan {
  /** Final text of each file that changes. */
  texts: Map<string, string>;
  /** Titles of the fixes applied, per file. */
  titles: Map<string, string[]>;
  /** Files not fixed, with the reason. */
  refused: Map<string, string>;
  /** Files fixed in part: a later round's fix was left out, with the reason. */
  partial: Map<string, string>;
  /** Fixes applied over all rounds. */
  applied: number;
}

/** Rounds of lint-and-fix at most: each round applies the fixes that do not conflict, the next picks up the rest. */
export const MAX_FIX_ROUNDS = 10;

/**
 * Applies unattended fixes in memory to a fixed point, so one `--fix` is final: lint, choose the fixes that
 * do not conflict, apply, re-parse, verify (fixVerdict), and repeat on the changed files until nothing
 * changes. A file with parse problems is never fixed unattended (its ranges may span more than they
 * seem); `refuse` may veto other files (outside the PATHs, changed on disk). A fix touching a refused
 * file is left out whole. `project` is not changed: the rounds run on a copy of its files.
 */
export function planFixes(project: Project, refuse: (file: string) => string | undefined = () => undefined, maxRounds = MAX_FIX_ROUNDS): FixPlan {
  const plan: FixPlan = { texts: new Map(), titles: new Map(), refused: new Map(), partial: new Map(), applied: 0 };
  const scratch = new Project(project.options, project.root);
  for (const file of project.index.all()) {
    if (file.skipped) scratch.setSkipped(file.path, file.skipped, file.format);
    else scratch.setFile(file.path, file.text);
  }
  const original = new Map(project.index.all().map((f) => [f.path, f.text]));
  const refusalOf = (file: string): string | undefined => {
    if (plan.refused.has(file)) return plan.refused.get(file);
    if (plan.partial.has(file)) return plan.partial.get(file);
    const parsed = project.index.get(file);
    let why: string | undefined;
    if (!parsed || !original.has(file)) why = 'not part of this run';
    else if (parsed.skipped) why = 'not read';
    else if (parsed.problems.length) why = `it has parse problems (${parsed.problems[0].message}); fix them first, then run --fix again`;
    // A second byte order mark would be taken off again when the text is re-read, shifting every offset.
    else if (parsed.text.charCodeAt(0) === 0xfeff) why = 'it starts with a second byte order mark';
    else why = refuse(file);
    if (why !== undefined) plan.refused.set(file, why);
    return why;
  };
  let toLint = scratch.paths().sort();
  for (let round = 0; round < maxRounds && toLint.length; round++) {
    const candidates: Fix[] = [];
    for (const file of toLint)
      for (const finding of scratch.lintFile(file))
        for (const fix of finding.fixes)
          if (fix.unattended && fix.edits.length && fix.edits.every((e) => refusalOf(e.file) === undefined)) candidates.push(fix);
    let { fixes, edits } = selectFixes(candidates);
    // Verify each changed file; a file whose result is wrong is refused and the round is chosen again without it.
    let next: Map<string, string> | undefined;
    for (let attempt = 0; attempt < 8 && !next; attempt++) {
      const results = new Map<string, string>();
      let failed = false;
      for (const [file, fileEdits] of editsByFile(edits)) {
        const before = scratch.index.get(file)!;
        const after = applyEdits(before.text, fileEdits);
        if (after === before.text) continue;
        const check = new Project(project.options, project.root).setFile(file, after);
        const verdict = check ? fixVerdict(before, check, fileEdits) : 'the fixed text would not be read as the same kind of file';
        if (verdict) {
          // A file already fixed in an earlier round keeps that (verified) text and takes no more fixes.
          (plan.texts.has(file) ? plan.partial : plan.refused).set(file, verdict);
          failed = true;
        } else results.set(file, after);
      }
      if (failed) {
        ({ fixes, edits } = selectFixes(fixes.filter((fix) => fix.edits.every((e) => refusalOf(e.file) === undefined))));
        continue;
      }
      next = results;
    }
    if (!next || next.size === 0) break;
    const changed = new Set<string>();
    for (const [file, text] of next) {
      scratch.setFile(file, text);
      plan.texts.set(file, text);
      changed.add(file);
    }
    for (const fix of fixes) {
      const files = new Set(fix.edits.map((e) => e.file));
      if (![...files].some((f) => changed.has(f))) continue;
      plan.applied++;
      for (const file of files) plan.titles.set(file, [...(plan.titles.get(file) ?? []), fix.title]);
    }
    toLint = [...new Set([...changed].flatMap((file) => scratch.dependentsOf(file)))].sort();
  }
  for (const file of plan.refused.keys()) {
    plan.texts.delete(file);
    plan.titles.delete(file);
  }
  for (const [file, text] of plan.texts) if (text === original.get(file)) plan.texts.delete(file);
  return plan;
}
