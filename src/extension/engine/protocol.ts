// What the extension host and the lint worker say to each other. Everything is plain data (structured
// clone): findings with their fix edits already turned into positions, so the extension host needs no
// file text to build a WorkspaceEdit.
import type { Finding, LintOptions, Position, TextEdit } from '../../core';

/** A workspace folder as the engine needs it (settings already read on the extension host). */
export interface FolderSpec {
  /** The folder's URI as a string: the key of everything about it. */
  key: string;
  name: string;
  /** Its file system path; undefined for a folder not on the local file system (only open documents then). */
  root?: string;
  enabled: boolean;
  /** The settings' options, laid over the folder's .entra-auth-lint.json. */
  overrides: LintOptions;
  /** `files.exclude` patterns that are on. */
  filesExclude: string[];
}

/** An edit with its offsets (for the core's fix selection) and its positions (for the editor). */
export interface WireEdit extends TextEdit {
  start: Position;
  end: Position;
}

export interface WireFix {
  title: string;
  unattended: boolean;
  preferred?: boolean;
  edits: WireEdit[];
}

export type WireFinding = Omit<Finding, 'fixes'> & { fixes: WireFix[] };

/** The findings of one file and what the editor shows about it. */
export interface FileResult {
  path: string;
  /** Bumped on every lint of the file; a preferred-fix question names the lint it is about. */
  generation: number;
  findings: WireFinding[];
  /** The format's title ("Microsoft Graph app manifest"); undefined when no format reads the file. */
  format?: string;
  /** Why the file was not read, when it was skipped. */
  skipped?: string;
  /** How a suppression comment is written in the file; undefined where comments are impossible. */
  comment?: { open: string; close: string };
  /** Files linked to this one (registrations of its configs, configs of its registrations). */
  linked: string[];
  /** The file says something about sign-in (a config, a registration, platform facts) or has findings. */
  relevant: boolean;
}

/** Problems of a .entra-auth-lint.json, from the editor's text or the file on disk. */
export interface ConfigResult {
  path: string;
  problems: { key: string; message: string; start: Position; end: Position }[];
}

export interface Results {
  files: FileResult[];
  configs: ConfigResult[];
  /** Paths whose findings are gone (removed, excluded, not auth files). */
  forget: string[];
}

export interface FolderInfo {
  key: string;
  configFile?: string;
  /** Glob patterns left out, with the reason. */
  problems: string[];
  /** The folder reads files by `include` patterns too (so not only candidates by name are auth files). */
  includes: boolean;
}

export interface ScanSummary {
  /** Files a format recognised. */
  files: number;
  /** Errors, warnings and information (what the Problems panel lists). */
  problems: number;
  hints: number;
  ms: number;
  cancelled: boolean;
}

/** Requests, each answered once; `progress` messages may come while a scan runs. */
export type Request =
  | { type: 'configure'; folders: FolderSpec[] }
  | { type: 'setDocument'; path: string; text: string }
  | { type: 'closeDocument'; path: string }
  | { type: 'fileChanged'; path: string; kind: 'change' | 'create' | 'delete' }
  | { type: 'scan' }
  | { type: 'cancelScan' }
  | { type: 'preferredFixes'; path: string; generation: number; findings: number[] };

export type Response<R extends Request> = R extends { type: 'configure' }
  ? { folders: FolderInfo[]; results: Results }
  : R extends { type: 'scan' }
    ? { results: Results; summary: ScanSummary }
    : R extends { type: 'fileChanged' }
      ? { results: Results; reconfigure: boolean }
      : R extends { type: 'preferredFixes' }
        ? { preferred: number[] }
        : R extends { type: 'cancelScan' }
          ? Record<string, never>
          : { results: Results };

export type WorkerMessage =
  | { kind: 'response'; id: number; ok: true; value: unknown; ms: number }
  | { kind: 'response'; id: number; ok: false; error: string }
  | { kind: 'progress'; message: string; done: number; total: number }
  | { kind: 'ready' };
