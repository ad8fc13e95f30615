import * as fs from 'node:fs';
import * as path from 'node:path';
import { Project } from '../../src/core/engine/project';
import { planFixes } from '../../src/core/fixes/apply';
import type { ParsedFile } from '../../src/core/model';
import { decode } from '../../src/core/io/text';
import type { Seed } from './seeds';

// The --fix property (issue 15): on any file, the unattended fixes either leave it byte-identical or give
// a file that parses with no problem and whose redirect URIs are the intended ones (the same URIs, up to
// percent-encoding and copies, plus URL schemes a fix declares); and a second run changes nothing.
// The check is independent of the fixer's own verification (fixVerdict): it compares URI sets.

const WORKSPACE = path.resolve(__dirname, '../../../test/fixtures/rules/fix-workspace');

/** The files of the fix workspace (one per fixable format, linked to each other), decoded. */
export function fixWorkspace(): Seed[] {
  const seeds: Seed[] = [];
  const stack = [WORKSPACE];
  while (stack.length) {
    const dir = stack.pop()!;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else {
        const decoded = decode(fs.readFileSync(full));
        if (!('binary' in decoded)) seeds.push({ path: full, text: decoded.text });
      }
    }
  }
  return seeds.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * Percent-decoded (up to three levels, as a double-encoded path is decoded by the fixes). Each run of valid
 * escapes is decoded on its own, so a stray `%` elsewhere in the URI does not keep the rest encoded.
 */
function normalized(value: string): string {
  const decodeRun = (run: string) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  };
  let v = value;
  for (let i = 0; i < 3; i++) {
    const next = v.replace(/(?:%[0-9A-Fa-f]{2})+/g, decodeRun);
    if (next === v) break;
    v = next;
  }
  return v;
}

function redirectKeys(file: ParsedFile): Map<string, string> {
  const keys = new Map<string, string>();
  for (const uri of [...file.configs.flatMap((c) => c.redirectUris), ...file.registrations.flatMap((r) => r.redirectUris)])
    keys.set(`${uri.role}\u0000${uri.platform}\u0000${normalized(uri.value)}`, uri.role);
  return keys;
}

function projectOf(files: Seed[]): Project {
  const project = new Project({}, '/');
  for (const file of files) project.setFile(file.path, file.text);
  return project;
}

/** Checks the property for `doc` linted with `companions` (the other files of its workspace). Throws on a violation. */
export function checkFix(doc: Seed, companions: Seed[]): void {
  const files = [...companions.filter((c) => c.path !== doc.path), doc];
  const project = projectOf(files);
  const plan = planFixes(project);
  for (const [file, text] of plan.texts) {
    const before = project.index.get(file)!;
    if (before.problems.length) throw new Error(`${path.basename(file)}: a file with parse problems was changed`);
    const after = new Project({}, '/').setFile(file, text);
    if (!after) throw new Error(`${path.basename(file)}: the fixed text is no longer read as ${before.format}`);
    if (after.problems.length) throw new Error(`${path.basename(file)}: the fixed text has a parse problem: ${after.problems[0].message}`);
    const was = redirectKeys(before);
    const now = redirectKeys(after);
    for (const key of was.keys())
      if (!now.has(key)) throw new Error(`${path.basename(file)}: the fix lost the redirect ${JSON.stringify(key.split('\u0000')[2])}`);
    for (const [key, role] of now)
      if (!was.has(key) && role !== 'scheme') throw new Error(`${path.basename(file)}: the fix added the redirect ${JSON.stringify(key.split('\u0000')[2])}`);
  }
  if (!plan.texts.size) return;
  // A second run over the fixed files changes nothing.
  const fixed = files.map((f) => ({ path: f.path, text: plan.texts.get(f.path) ?? f.text }));
  const again = planFixes(projectOf(fixed));
  if (again.texts.size) throw new Error(`a second --fix still changes ${[...again.texts.keys()].map((f) => path.basename(f)).join(', ')}`);
}
