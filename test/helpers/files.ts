import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Every file under `dir` whose name passes `keep`, sorted. Walks iteratively and never follows a symbolic
 * link to a folder (a Dirent for a link is not a directory), so the hostile workspace's loop cannot trap it.
 */
export function filesUnder(dir: string, keep: (name: string) => boolean = () => true): string[] {
  const files: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const current = stack.pop()!;
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (keep(entry.name)) files.push(full);
    }
  }
  return files.sort();
}
