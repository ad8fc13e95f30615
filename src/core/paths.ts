import * as path from 'node:path';

/** `target` relative to `root` with forward slashes (the form used in output and glob matching). */
export function relativeSlash(root: string, target: string): string {
  const relative = path.relative(root, target) || path.basename(target);
  return relative.split(path.sep).join('/');
}
