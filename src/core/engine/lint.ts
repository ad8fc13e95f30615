import * as fs from 'node:fs';
import * as path from 'node:path';
import { discover } from '../io/discovery';
import { detectFormat, formatByName } from '../formats';
import type { Finding, FormatId } from '../model';
import type { LintOptions } from './options';
import { Project } from './project';
import { decode, type Decoded } from '../io/text';

export interface FileRead {
  path: string;
  decoded?: Decoded;
  /** Modification time and size when read, so a fix never writes over a file changed since. */
  stamp?: { mtimeMs: number; size: number; ino: number; nlink: number };
}

export interface LintRun {
  project: Project;
  /** Files the engine read and recognised (or skipped with a finding). */
  files: string[];
  findings: Finding[];
  /** Read facts per file, for --fix. */
  reads: Map<string, FileRead>;
  notes: { path: string; reason: string }[];
  /** Real paths of the PATHs given (folders and files): --fix never writes outside them. */
  roots: string[];
  /** PATHs named explicitly (files, or stdin) that could not be read as text: the CLI exits 2 for them. */
  unreadable: string[];
}

/** Reads one file into the project: size limit first, then decoding; never throws. */
export function readInto(project: Project, file: string): FileRead {
  const read: FileRead = { path: file };
  let fd: number | undefined;
  try {
    // O_NONBLOCK: a FIFO named like a config file must not block the run (it is refused below).
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const stat = fs.fstatSync(fd);
    read.stamp = { mtimeMs: stat.mtimeMs, size: stat.size, ino: stat.ino, nlink: stat.nlink };
    if (!stat.isFile()) {
      project.setSkipped(file, 'not a regular file (a named pipe, socket or device); not read');
      return read;
    }
    if (stat.size > project.options.maxFileSizeBytes) {
      // Only a file that looks like an auth file is reported; a big package-lock.json or data export is not.
      const format = formatOfLargeFile(fd, file);
      if (format)
        project.setSkipped(
          file,
          `the file is ${formatBytes(stat.size)}, over the ${formatBytes(project.options.maxFileSizeBytes)} limit (maxFileSizeBytes)`,
          format,
        );
      return read;
    }
    const bytes = Buffer.alloc(stat.size);
    let offset = 0;
    while (offset < stat.size) {
      const n = fs.readSync(fd, bytes, offset, stat.size - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    const decoded = decode(bytes.subarray(0, offset));
    if ('binary' in decoded) {
      // A binary file with a config's name (Info.plist, *.json) is reported, not silently dropped.
      project.setSkipped(file, decoded.reason);
      return read;
    }
    read.decoded = decoded;
    project.setFile(file, decoded.text);
  } catch (error) {
    project.setSkipped(file, `could not be read: ${(error as Error).message}`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  return read;
}

/** Bytes read from the start of a file over the size limit, to tell an auth file from other large files. */
const LARGE_FILE_HEAD_BYTES = 64 * 1024;

/** The format a file over the size limit would be read as: by name, or by sniffing its first 64 KB. */
function formatOfLargeFile(fd: number, file: string): FormatId | undefined {
  const named = formatByName(file);
  if (named?.byName(file) === 'yes') return named.id;
  const head = Buffer.alloc(LARGE_FILE_HEAD_BYTES);
  const length = fs.readSync(fd, head, 0, head.length, 0);
  const decoded = decode(head.subarray(0, length));
  return 'binary' in decoded ? undefined : detectFormat(file, decoded.text)?.id;
}

/** Lints folders and files as the CLI does: discover, read each candidate once, lint everything. */
export function lintPaths(inputs: string[], cwd: string, options: LintOptions = {}, root: string = cwd): LintRun {
  // `root` anchors suppression globs: the config file's folder when there is one.
  const project = new Project(options, root);
  const discovered = discover(inputs, cwd, { exclude: options.exclude, include: options.include });
  // Test paths are relative to each folder scanned, as excludes are.
  project.testPaths.setRoots([root, ...inputs.map((input) => path.resolve(cwd, input)).filter(isFolder)]);
  const reads = new Map<string, FileRead>();
  for (const file of discovered.files) reads.set(file, readInto(project, file));
  // Concatenated without spreading: `push(...list)` overflows the stack on a very long list.
  const findings: Finding[] = [];
  for (const list of project.lintAll().values()) for (const finding of list) findings.push(finding);
  const unreadable = namedFiles(inputs, cwd).filter((file) => !reads.get(file)?.decoded);
  for (const note of discovered.notes) if (inputs.some((input) => path.resolve(cwd, input) === note.path)) unreadable.push(note.path);
  const roots = inputs.flatMap((input) => {
    try {
      return [fs.realpathSync(path.resolve(cwd, input))];
    } catch {
      return [];
    }
  });
  return { project, files: project.paths().sort(), findings, reads, notes: discovered.notes, unreadable, roots };
}

function isFolder(absolute: string): boolean {
  try {
    return fs.statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}

/** The inputs that name a file (not a folder), absolute. */
function namedFiles(inputs: string[], cwd: string): string[] {
  return inputs
    .map((input) => path.resolve(cwd, input))
    .filter((file) => {
      try {
        return !fs.statSync(file).isDirectory();
      } catch {
        return false;
      }
    });
}

/** Lints one text as the file at `path` (the editor's per-document entry point when no workspace is loaded). */
export function lintText(path: string, text: string, options: LintOptions = {}): Finding[] {
  const project = new Project(options);
  project.setFile(path, text);
  return project.lintFile(path);
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
