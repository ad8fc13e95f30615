import * as path from 'node:path';

// Path helpers, all in one place. The engine keeps paths as given (absolute in the CLI and the
// extension, `untitled:` URIs for unsaved documents) and compares them with forward slashes.

/** `target` relative to `root` with forward slashes (the form used in output and glob matching). */
export function relativeSlash(root: string, target: string): string {
  const relative = path.relative(root, target) || path.basename(target);
  return relative.split(path.sep).join('/');
}

/** The last segment of a path or URI, either slash. */
export function baseName(filePath: string): string {
  const slash = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  return filePath.slice(slash + 1);
}

export function lowerBaseName(filePath: string): string {
  return baseName(filePath).toLowerCase();
}

/** Path with forward slashes, for folder tests (`/res/raw/`). */
export function slashPath(filePath: string): string {
  return filePath.replace(/\\/g, '/');
}

/** The folder part of a slash path, without its trailing slash ('' for a bare name). */
export function slashDir(filePath: string): string {
  const p = slashPath(filePath);
  return p.slice(0, Math.max(0, p.lastIndexOf('/')));
}
