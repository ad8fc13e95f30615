import * as fs from 'node:fs';
import * as path from 'node:path';
import { findConfigFile, loadConfigFile } from '../config/config-file-fs';
import { formatConfigError, type ConfigError } from '../config/config-file';
import { DEFAULT_EXCLUDED_DIRS, discover } from '../io/discovery';
import { compileGlobs, GlobError, type PathMatcher } from '../io/glob';
import { relativeSlash } from '../io/paths';
import { readBounded } from '../io/read-file';
import { decode } from '../io/text';
import { isCandidatePath } from '../formats';
import { lintPaths, formatBytes, type LintRun, type FileRead } from './lint';
import { DEFAULT_MAX_FILE_SIZE, layerOptions, type LintOptions } from './options';
import { Project } from './project';

/*
 * LintSession: what an adapter (the CLI, the extension) needs around the engine, in one place, so the
 * adapters hold no copy of it. It owns
 *   - config-file resolution: `--config FILE`, or the nearest `.entra-auth-lint.json` from the first PATH
 *     (or the workspace folder) upwards, stopping at the repository root (`.git`) and at `boundary`;
 *     read with a size limit, regular files only, UTF-8 or UTF-16; errors are returned, never thrown;
 *   - option layering: config file < `overrides` (CLI flags, editor settings) — see layerOptions;
 *   - include/exclude: one linear-time glob matcher (io/glob.ts) over paths relative to the folder being
 *     walked, plus the default folders (node_modules, .git, bin, obj, …);
 *   - the size policy (maxFileSizeBytes) for files on disk and for editor documents;
 *   - standard input, read with the same size limit.
 *
 * Extension use (src/extension/lint-service.ts, settings.ts), per workspace folder `root`:
 *   const session = LintSession.open({ cwd: root, paths: [root], boundary: root, overrides: settings.options,
 *                                      extraExcludes: settings.filesExclude });
 *   session.config.file / .text / .errors     -> config diagnostics (errors carry ranges into .text)
 *   session.project()                         -> the Project for the folder (options and suppression root set)
 *   session.isExcluded(fsPath)                -> replaces FolderState.isExcluded (default dirs included)
 *   session.isIncluded(fsPath)                -> replaces the picomatch `include` test of the file watcher
 *   session.tooLarge(text.length, 'characters') -> replaces the document size check (message or undefined)
 *   session.discover()                        -> the workspace scan's file list (same excludes)
 *   session.problems                          -> glob patterns that were dropped (with the reason), to log
 *   layerOptions(fileOptions, settingsOptions)  -> replaces settings.ts mergeOptions (same semantics)
 * CLI use: see src/cli/main.ts (open, then lintPaths or lintStdin).
 */

export interface SessionRequest {
  /** The folder relative paths are resolved against. */
  cwd: string;
  /** The PATHs to lint; the config search starts at the first (a folder, or a file's folder). */
  paths?: string[];
  /** With stdin: the name the text is linted as; the config search starts at its folder. */
  stdinName?: string;
  /** An explicit config file (`--config FILE`, relative to cwd); its globs are relative to cwd. */
  configFile?: string;
  /** Ignore config files entirely (`--no-config`). */
  noConfig?: boolean;
  /** The config search never climbs above this folder (the workspace folder); the repository root also stops it. */
  boundary?: string;
  /** Options laid over the config file's (CLI flags, editor settings); see layerOptions. */
  overrides?: LintOptions;
  /** Patterns skipped by discovery and isExcluded only (VS Code's `files.exclude`); not part of the options. */
  extraExcludes?: string[];
}

export interface ResolvedConfig {
  /** The config file in force, absolute; undefined when none was found or --no-config. */
  file?: string;
  /** Its decoded text (BOM removed), for mapping `errors` ranges to positions. */
  text?: string;
  /** Options read from it (the valid parts, even when there are errors). */
  options: LintOptions;
  errors: ConfigError[];
  /**
   * The folder its suppression globs are relative to: the config file's folder when found by walking up
   * (as in ESLint), the cwd for `--config FILE` or no file.
   */
  root: string;
}

/** A config error as one line (`file:line:col: key: message (and N more)`), for an adapter's error message. */
export function describeConfigErrors(config: ResolvedConfig, cwd: string): string | undefined {
  if (!config.errors.length || !config.file) return undefined;
  const more = config.errors.length > 1 ? ` (and ${config.errors.length - 1} more)` : '';
  return `config error: ${formatConfigError(config.errors[0], relativeSlash(cwd, config.file))}${more}`;
}

/** Finds and reads the config file a request names or implies. Never throws. */
export function resolveConfig(request: SessionRequest): ResolvedConfig {
  const { cwd } = request;
  if (request.noConfig) return { options: {}, errors: [], root: cwd };
  const file = request.configFile !== undefined ? path.resolve(cwd, request.configFile) : findConfigFile(searchStart(request), request.boundary);
  if (!file) return { options: {}, errors: [], root: cwd };
  const { options, errors, text } = loadConfigFile(file);
  return { file, text, options, errors, root: request.configFile !== undefined ? cwd : path.dirname(file) };
}

function searchStart(request: SessionRequest): string {
  const first = request.stdinName ?? request.paths?.[0];
  if (first === undefined) return request.cwd;
  const absolute = path.resolve(request.cwd, first);
  try {
    if (fs.statSync(absolute).isDirectory()) return absolute;
  } catch {
    // a path that does not exist (or the stdin name of an unsaved file): start from its folder
  }
  return path.dirname(absolute);
}

/** Bytes of standard input read at most by default (the file size limit applies too, whichever is larger). */
export const DEFAULT_STDIN_LIMIT = DEFAULT_MAX_FILE_SIZE;

export class LintSession {
  readonly config: ResolvedConfig;
  /** The options in force: the config file's with the overrides laid over them. */
  readonly options: LintOptions;
  /** Patterns left out because they do not compile (message per pattern); matching goes on without them. */
  readonly problems: string[] = [];
  private readonly excluded: PathMatcher;
  private readonly included?: PathMatcher;
  private readonly discoveryExcludes: string[];
  private readonly includePatterns: string[];

  private constructor(
    readonly request: SessionRequest,
    config: ResolvedConfig,
  ) {
    this.config = config;
    this.options = layerOptions(config.options, request.overrides ?? {});
    this.discoveryExcludes = this.validPatterns([...(this.options.exclude ?? []), ...(request.extraExcludes ?? [])], 'exclude');
    this.excluded = this.matcher(this.discoveryExcludes, 'exclude') ?? (() => false);
    this.includePatterns = this.validPatterns(this.options.include ?? [], 'include');
    this.included = this.includePatterns.length ? this.matcher(this.includePatterns, 'include') : undefined;
    // A test path that does not compile is reported like a bad exclude (the engine would ignore it).
    this.validPatterns(this.options.testPaths ?? [], 'testPaths');
  }

  /** Resolves the config file and prepares the matchers. Check `config.errors` before linting. */
  static open(request: SessionRequest): LintSession {
    return new LintSession(request, resolveConfig(request));
  }

  /** The folder suppression globs (and --fix's trust boundary when no PATH is a folder) are relative to. */
  get root(): string {
    return this.config.root;
  }

  get maxFileSizeBytes(): number {
    return this.options.maxFileSizeBytes ?? DEFAULT_MAX_FILE_SIZE;
  }

  /** A fresh project with the session's options (for an editor folder, or stdin). */
  project(): Project {
    return new Project(this.options, this.root);
  }

  /**
   * Whether a path is excluded: by a pattern (relative to `base`, by default the first PATH or the cwd)
   * or because a folder on the way is a default-excluded one. Paths outside `base` are never excluded.
   */
  isExcluded(file: string, base = this.base()): boolean {
    const relative = relativeSlash(base, file);
    if (relative.startsWith('../') || relative === '..' || path.isAbsolute(relative)) return false;
    if (this.excluded(relative)) return true;
    const parts = relative.split('/');
    // A folder on the way is excluded as discovery would have skipped it: by its path, or as a folder (`name/`).
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      if (this.excluded(folder) || this.excluded(`${folder}/`)) return true;
    }
    return parts.slice(0, -1).some((part) => DEFAULT_EXCLUDED_DIRS.includes(part));
  }

  /** Whether a path matches `include` (a file to read although its name does not look like an auth file). */
  isIncluded(file: string, base = this.base()): boolean {
    return !!this.included?.(relativeSlash(base, file));
  }

  /** Whether a path would be read by a scan: a candidate by name or included, and not excluded. */
  wouldRead(file: string, base = this.base()): boolean {
    return !this.isExcluded(file, base) && (isCandidatePath(file) || this.isIncluded(file, base));
  }

  /**
   * The size policy: a reason to skip something of `size` (bytes of a file, or characters of an editor
   * document), or undefined when it is within maxFileSizeBytes.
   */
  tooLarge(size: number, unit: 'bytes' | 'characters' = 'bytes'): string | undefined {
    const limit = this.maxFileSizeBytes;
    if (size <= limit) return undefined;
    return unit === 'bytes'
      ? `the file is ${formatBytes(size)}, over the ${formatBytes(limit)} limit (maxFileSizeBytes)`
      : `the document has ${size} characters, over the limit of ${limit} (maxFileSizeBytes)`;
  }

  /** Candidate files under the PATHs (or `inputs`), with the session's excludes and includes. */
  discover(inputs: string[] = this.request.paths ?? [this.request.cwd]): ReturnType<typeof discover> {
    return discover(inputs, this.request.cwd, { exclude: this.discoveryExcludes, include: this.includePatterns });
  }

  /** Discovers, reads and lints the PATHs (see engine/lint.ts lintPaths). */
  lintPaths(inputs: string[] = this.request.paths ?? []): LintRun {
    return lintPaths(inputs, this.request.cwd, { ...this.options, exclude: this.discoveryExcludes, include: this.includePatterns }, this.root);
  }

  /** The most standard input may hold: the larger of maxFileSizeBytes and DEFAULT_STDIN_LIMIT. */
  get stdinLimit(): number {
    return Math.max(this.maxFileSizeBytes, DEFAULT_STDIN_LIMIT);
  }

  /** Reads standard input (fd 0) up to stdinLimit; undefined when it holds more (nothing more is kept). May throw the read's error. */
  readStdin(): Buffer | undefined {
    const result = readBounded(0, this.stdinLimit);
    return 'bytes' in result ? result.bytes : undefined;
  }

  /**
   * Lints `bytes` (standard input; undefined or longer than stdinLimit: too large) as the file `name`; the
   * file on disk, if any, is not read. A text that cannot be read is in `unreadable` (the CLI exits 2).
   */
  lintStdin(name: string, bytes: Buffer | undefined): LintRun {
    const file = path.resolve(this.request.cwd, name);
    const project = this.project();
    const stdinRead: FileRead = { path: file };
    if (!bytes || bytes.length > this.stdinLimit) {
      project.setSkipped(file, `standard input is over the ${formatBytes(this.stdinLimit)} limit (maxFileSizeBytes)`);
    } else {
      const decoded = decode(bytes);
      if ('binary' in decoded) project.setSkipped(file, decoded.reason);
      else {
        project.setFile(file, decoded.text);
        stdinRead.decoded = decoded;
      }
    }
    const files = project.has(file) ? [file] : [];
    const unreadable = stdinRead.decoded ? [] : [file];
    return { project, files, findings: project.lintFile(file), reads: new Map([[file, stdinRead]]), notes: [], unreadable, roots: [] };
  }

  private base(): string {
    const first = this.request.paths?.[0];
    return first !== undefined ? path.resolve(this.request.cwd, first) : this.request.cwd;
  }

  /** One matcher for a list; a list over the matcher's limits is a problem and matches nothing. */
  private matcher(patterns: string[], what: string): PathMatcher | undefined {
    try {
      return compileGlobs(patterns, what);
    } catch (error) {
      if (!(error instanceof GlobError)) throw error;
      this.problems.push(error.message);
      return undefined;
    }
  }

  private validPatterns(patterns: string[], what: string): string[] {
    return patterns.filter((pattern) => {
      try {
        compileGlobs([pattern], what);
        return true;
      } catch (error) {
        if (!(error instanceof GlobError)) throw error;
        this.problems.push(error.message);
        return false;
      }
    });
  }
}
