import type { Fix, Range, TextEdit } from '../model';

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
