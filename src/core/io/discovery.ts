import * as fs from 'node:fs';
import * as path from 'node:path';
import { isCandidatePath } from '../formats';
import { compileGlobs } from './glob';

/** Folders never worth reading: dependencies, VCS data, build output, vendored code. */
export const DEFAULT_EXCLUDED_DIRS = [
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'bin',
  'obj',
  'dist',
  'out',
  'build',
  'Pods',
  'vendor',
  'bower_components',
  '.gradle',
  '.idea',
  '.vs',
  '.vscode-test',
  'DerivedData',
  'Carthage',
  '.next',
  '.nuxt',
  'coverage',
  '.terraform',
  'third_party',
];

export interface DiscoveryOptions {
  /** Glob patterns (relative to the root, `/`-separated) excluded in addition to the default folders. */
  exclude?: string[];
  /** Glob patterns of files to read even when their names do not look like auth files. */
  include?: string[];
}

export interface Discovered {
  /** Candidate files, absolute, in a stable order. */
  files: string[];
  /** Why some paths were not walked (symlinks leaving the PATH, loops, unreadable folders). */
  notes: { path: string; reason: string }[];
}

/**
 * Lists candidate files under the given folders and files, by name only (nothing is opened here).
 * Walks iteratively in time linear in the number of entries. A symbolic link (to a folder or a file)
 * is followed only when its target lies inside the PATH being walked — never out of it (`ln -s / x`
 * is reported as skipped) — and a folder is read once per real path, so loops end. Executes nothing.
 * Throws GlobError (io/glob.ts) when a pattern is not supported; callers validate patterns first.
 */
export function discover(inputs: string[], cwd: string, options: DiscoveryOptions = {}): Discovered {
  const excluded = compileGlobs(options.exclude ?? [], 'exclude');
  const included = options.include?.length ? compileGlobs(options.include, 'include') : undefined;
  const files = new Set<string>();
  const notes: Discovered['notes'] = [];
  const seenDirs = new Set<string>();
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      notes.push({ path: absolute, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message });
      continue;
    }
    if (stat.isFile()) {
      files.add(absolute); // a file named explicitly is always read (its format is sniffed)
      continue;
    }
    if (!stat.isDirectory()) {
      notes.push({ path: absolute, reason: 'not a regular file or folder; not read' });
      continue;
    }
    let realRoot: string;
    try {
      realRoot = fs.realpathSync(absolute);
    } catch (error) {
      notes.push({ path: absolute, reason: `folder not readable: ${(error as Error).message}` });
      continue;
    }
    // Each entry: its path as given, its real path (built by joining, resolved only at symlinks) and its
    // path relative to the PATH with '/' (for the globs).
    const stack: { dir: string; real: string; relative: string }[] = [{ dir: absolute, real: realRoot, relative: '' }];
    while (stack.length) {
      const { dir, real, relative: dirRelative } = stack.pop()!;
      if (seenDirs.has(real)) {
        if (dirRelative) notes.push({ path: dir, reason: 'symbolic link to a folder already read (loop or duplicate); not followed again' });
        continue;
      }
      seenDirs.add(real);
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (error) {
        notes.push({ path: dir, reason: `folder not readable: ${(error as Error).message}` });
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        const relative = dirRelative ? `${dirRelative}/${entry.name}` : entry.name;
        let isDir = entry.isDirectory();
        let isFile = entry.isFile();
        if (isDir && DEFAULT_EXCLUDED_DIRS.includes(entry.name)) continue;
        if (excluded(relative) || ((isDir || entry.isSymbolicLink()) && excluded(`${relative}/`))) continue;
        let entryReal = path.join(real, entry.name);
        if (entry.isSymbolicLink()) {
          let target: fs.Stats;
          try {
            entryReal = fs.realpathSync(full);
            target = fs.statSync(entryReal);
          } catch {
            notes.push({ path: full, reason: 'broken symbolic link' });
            continue;
          }
          if (!isInside(realRoot, entryReal)) {
            notes.push({ path: full, reason: `symbolic link to ${entryReal}, outside ${absolute}; skipped` });
            continue;
          }
          isDir = target.isDirectory();
          isFile = target.isFile();
          if (isDir && DEFAULT_EXCLUDED_DIRS.includes(entry.name)) continue;
        }
        if (isDir) {
          stack.push({ dir: full, real: entryReal, relative });
        } else if (isFile && (isCandidatePath(full) || included?.(relative))) {
          files.add(full);
        }
      }
    }
  }
  return { files: [...files].sort(), notes };
}

/** Whether `target` is `root` or below it (both real paths). */
function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}
