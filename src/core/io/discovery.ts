import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { isCandidatePath } from '../formats';
import { relativeSlash } from './paths';

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
  /** Why some paths were not walked (symlink loops, unreadable folders). */
  notes: { path: string; reason: string }[];
}

/**
 * Lists candidate files under the given folders and files, by name only (nothing is opened here).
 * Walks iteratively, follows a symlinked folder only once per real path (so loops end), and never
 * executes anything.
 */
export function discover(inputs: string[], cwd: string, options: DiscoveryOptions = {}): Discovered {
  const excluded = picomatch(options.exclude?.length ? options.exclude : ['\u0000'], { dot: true });
  const included = options.include?.length ? picomatch(options.include, { dot: true }) : undefined;
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
    const root = absolute;
    const stack = [absolute];
    while (stack.length) {
      const dir = stack.pop()!;
      let real: string;
      try {
        real = fs.realpathSync(dir);
      } catch {
        continue;
      }
      if (seenDirs.has(real)) {
        if (dir !== real) notes.push({ path: dir, reason: 'symbolic link to a folder already read (loop or duplicate); not followed again' });
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
        const relative = relativeSlash(root, full);
        if (excluded(relative) || excluded(`${relative}/`)) continue;
        let isDir = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          try {
            const target = fs.statSync(full);
            isDir = target.isDirectory();
            isFile = target.isFile();
          } catch {
            notes.push({ path: full, reason: 'broken symbolic link' });
            continue;
          }
        }
        if (isDir) {
          if (!DEFAULT_EXCLUDED_DIRS.includes(entry.name)) stack.push(full);
        } else if (isFile && (isCandidatePath(full) || included?.(relative))) {
          files.add(full);
        }
      }
    }
  }
  return { files: [...files].sort(), notes };
}
