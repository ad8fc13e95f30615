import type { Finding, Fix, Location, ParsedFile, Range } from '../model';
import { sameJsonArray } from '../fixes/edits';
import { SEVERITY_RANK } from './severity';

// One finding per problem. Rules judge values one by one, so a value that reaches several configs (one
// client id passed to three builders), one URI listed twice, or one redirect two rules find wrong would be
// reported several times. The engine merges those after the rules ran for a file:
//   1. a URI listed again by the same owner (a registration, or one list of a config): its problem is
//      reported on the first copy only (duplicate-redirect reports the copy itself);
//   2. findings on one range: the strongest (severity, then rule order) stays and the others are folded
//      into it (their first sentence in the detail, their codes, related information and fixes that do
//      not conflict with its own);
//   3. one value at several places of one file (owned by different configs or requests): each place keeps
//      its finding, and the later ones point to the first so a reader sees they are one value.

/** A config's copies compared by their place in the JSON tree (each costs a walk); a real list holds a handful. */
const MAX_CONFIG_COPIES = 100;

/**
 * `findings` are those of one file from every rule (after severity overrides, the test-code cap and
 * suppressions); `ruleOrder` ranks rule ids as the rule list does. Returns the findings that remain.
 */
export function oneFindingPerProblem(file: ParsedFile, findings: Finding[], ruleOrder: (ruleId: string) => number): Finding[] {
  if (findings.length < 2) return findings;
  const onFirstCopies = dropLaterCopies(file, findings);
  const merged = mergeSameRange(onFirstCopies, ruleOrder);
  linkSameValue(file, merged);
  return merged;
}

/** Step 1: a finding on a later copy of a URI is dropped when the same rule reported the first copy. */
function dropLaterCopies(file: ParsedFile, findings: Finding[]): Finding[] {
  const firstCopyOf = laterCopies(file);
  if (!firstCopyOf.size) return findings;
  const byRuleAndRange = new Map<string, Finding>();
  for (const f of findings) byRuleAndRange.set(`${f.ruleId}\u0000${key(f.range)}`, f);
  return findings.filter((f) => {
    const first = firstCopyOf.get(key(f.range));
    const kept = first && byRuleAndRange.get(`${f.ruleId}\u0000${key(first)}`);
    if (!kept || kept === f) return true;
    addRelated(kept, { ...locate(f), message: 'Listed again here.' });
    return false;
  });
}

/** Ranges of later copies of a URI, each to the range of its first copy within the same owner. */
function laterCopies(file: ParsedFile): Map<string, Range> {
  const result = new Map<string, Range>();
  for (const registration of file.registrations) {
    // A registration is one owner: the same URI on the same platform is one redirect, in whatever list.
    const first = new Map<string, Range>();
    for (const uri of registration.redirectUris) {
      if (uri.partial) continue;
      const id = `${uri.platform}\u0000${uri.role}\u0000${uri.value}`;
      const seen = first.get(id);
      if (seen) result.set(key(uri.range), seen);
      else first.set(id, uri.range);
    }
  }
  for (const config of file.configs) {
    // A config's redirects sit in different requests or branches (each is sent on its own); only copies
    // in one list (an array of redirect URIs) are one owner's.
    const first = new Map<string, Range>();
    let compared = 0;
    for (const uri of config.redirectUris) {
      if (uri.partial) continue;
      const seen = first.get(uri.value);
      if (!seen) first.set(uri.value, uri.range);
      else if (++compared > MAX_CONFIG_COPIES) break;
      else if (sameJsonArray(file, seen, uri.range) === true) result.set(key(uri.range), seen);
    }
  }
  return result;
}

/** Step 2: one finding per range; the strongest stays and carries what the others add. */
function mergeSameRange(findings: Finding[], ruleOrder: (ruleId: string) => number): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = groups.get(key(f.range));
    if (group) group.push(f);
    else groups.set(key(f.range), [f]);
  }
  const result: Finding[] = [];
  for (const group of groups.values()) {
    if (group.length === 1) {
      result.push(group[0]);
      continue;
    }
    const ranked = group
      .map((f, i) => ({ f, i }))
      .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || ruleOrder(a.f.ruleId) - ruleOrder(b.f.ruleId) || a.i - b.i)
      .map(({ f }) => f);
    const [strongest, ...others] = ranked;
    const kept: Finding = { ...strongest, codes: [...strongest.codes], related: [...strongest.related], fixes: [...strongest.fixes] };
    for (const other of others) fold(kept, other);
    result.push(kept);
  }
  return result;
}

/** Folds `other` (same range, weaker or a copy) into `kept`. */
function fold(kept: Finding, other: Finding): void {
  const told = [kept.message, kept.detail ?? ''];
  const sentence = firstSentence(other.message);
  if (!told.some((text) => text.includes(sentence))) {
    const also = other.ruleId === kept.ruleId ? `Also: ${sentence}` : `Also (${other.ruleId}): ${sentence}`;
    kept.detail = kept.detail ? `${kept.detail} ${also}` : also;
  }
  for (const code of other.codes) if (!kept.codes.includes(code)) kept.codes.push(code);
  for (const r of other.related) addRelated(kept, r);
  // The other's fixes stay as alternatives (the editor verifies which one to prefer, --fix chooses among
  // overlapping ones); only a second automatic edit of the text a kept automatic fix edits is left out.
  for (const fix of other.fixes) {
    if (kept.fixes.some((f) => f.title === fix.title || (f.unattended && fix.unattended && conflicts(f, fix)))) continue;
    kept.fixes.push(fix);
  }
}

/** Step 3: later findings of a rule on the same value (a redirect URI) in this file point to the first one. */
function linkSameValue(file: ParsedFile, findings: Finding[]): void {
  const valueAt = new Map<string, string>();
  for (const owner of [...file.configs, ...file.registrations]) {
    for (const uri of owner.redirectUris) if (!uri.partial) valueAt.set(key(uri.range), uri.value);
  }
  if (!valueAt.size) return;
  const first = new Map<string, Finding>();
  for (const f of [...findings].sort((a, b) => a.range.start - b.range.start)) {
    const value = valueAt.get(key(f.range));
    if (value === undefined) continue;
    const id = `${f.ruleId}\u0000${value}`;
    const earlier = first.get(id);
    if (!earlier) {
      first.set(id, f);
      continue;
    }
    // A finding that already points at a copy of its value (duplicate-redirect's "First listed here") says it.
    const pointsAtCopy = f.related.some((r) => r.file === f.file && valueAt.get(key(r.range)) === value);
    if (!pointsAtCopy) addRelated(f, { ...locate(earlier), message: 'The same redirect URI, reported here first.' });
  }
}

function addRelated(finding: Finding, related: Finding['related'][number]): void {
  const known = finding.related.some((r) => r.file === related.file && r.range.start === related.range.start && r.range.end === related.range.end);
  if (!known) finding.related.push(related);
}

function locate(f: Finding): Location {
  return { file: f.file, range: f.range, start: f.start, end: f.end };
}

/** Two fixes conflict when they edit overlapping text of one file. */
function conflicts(a: Fix, b: Fix): boolean {
  return a.edits.some((x) => b.edits.some((y) => x.file === y.file && x.range.start < y.range.end && y.range.start < x.range.end));
}

/** The first sentence of a message (a period inside a quoted value such as 'msauth.com.x://auth' does not end it). */
export function firstSentence(message: string): string {
  const end = /[.!?](?=\s+[A-Z(])/.exec(message);
  return end ? message.slice(0, end.index + 1) : message;
}

function key(range: Range): string {
  return `${range.start}:${range.end}`;
}
