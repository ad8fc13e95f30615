import type { FormatId, ParsedFile } from '../model';

/**
 * How comments are written in a format: for suppression directives (only text inside a comment counts)
 * and for the "suppress for this line" fix. A format without comments (strict JSON) has none.
 */
export interface CommentSyntax {
  /** Starts a comment that runs to the end of the line (`//`, `#`). */
  line?: string;
  /** Opens and closes a block comment (`<!--` `-->`); used when there is no line comment. */
  block?: [open: string, close: string];
}

/**
 * How a value is written inside the file, so a fix edit escapes it the way the file expects:
 * `json` string escapes, `xml` entities, `code` the escapes of the quote the value sits in.
 */
export type LiteralKind = 'json' | 'xml' | 'code';

/**
 * Facts about an app that files of one format hold and files of another read (an Android module's
 * manifest and its MSAL config, an iOS app's Info.plist). When a file changes, the files whose format
 * reads a fact it provides are checked again.
 */
export type AppFact =
  | 'android-intent-filters'
  | 'android-msal-settings'
  /** Gradle: application ids and manifest placeholders per build variant. */
  | 'android-build-values'
  /** Code that names the res/raw config it creates its MSAL app from (and the string resources it reads). */
  | 'android-config-uses'
  /** `res/values*` string resources (`R.string.x`, `@string/x`). */
  | 'android-string-resources'
  | 'ios-url-schemes'
  /** .NET code: MSAL.NET builders, whose user agent the `[IntentFilter]` receivers of other C# files take. */
  | 'dotnet-sign-in';

/** An untitled (never saved) document of a language is linted as `name` when its text matches `hint`. */
export interface UntitledName {
  languageId: string;
  name: string;
  /** Without a hint the name's format decides from the content alone (its sniff). */
  hint?: RegExp;
}

/**
 * A file format: everything the engine, the CLI and the extension need to know about it, in one record.
 * It recognises files and describes what they say. It never judges (rules do) and never executes
 * anything. `parse` must not throw on bad input: it returns what it could read plus problems.
 */
export interface Format<Id extends string = FormatId> {
  id: Id;
  /** The format's name in the README table. */
  title: string;
  /** Which files, in words, for the README table (the globs say it to machines). */
  files: string;
  /** What the reader takes from a file, for the README table. */
  reads: string;
  /** Globs of the file names it reads (`**` prefixed); `markers` among them alone make a workspace an auth workspace. */
  globs: string[];
  /** Globs whose presence in a workspace says it signs in with Entra (activation, the start-up scan). */
  markers?: string[];
  /** Cheap decision from the path alone: `yes` = this format's file name, `sniff` = read it and ask `sniff`. */
  byName(path: string): 'yes' | 'sniff' | 'no';
  /** Decides from the text whether a `sniff` candidate is this format (a cheap substring test). */
  sniff?(text: string, path: string): boolean;
  /** Comment syntax, or a function of the path when it depends on the file (`.jsonc` vs `.json`). */
  comments?: CommentSyntax | ((path: string) => CommentSyntax | undefined);
  literal: LiteralKind;
  /** VS Code language ids of its documents (activation events, untitled documents). */
  languageIds: string[];
  untitled?: UntitledName[];
  facts?: { provides?: AppFact[]; reads?: AppFact[] };
  parse(path: string, text: string): ParsedFile;
}

/** Declares a format, keeping its id as a literal type (the registry derives `FormatId` from them). */
export function defineFormat<const Id extends string>(format: Format<Id>): Format<Id> {
  return format;
}

/** Parse problems kept per file: past the first few, more say nothing new and would flood the problems view. */
export const MAX_PROBLEMS = 20;

export function emptyParsed(path: string, format: FormatId, text: string): ParsedFile {
  return { path, format, text, configs: [], registrations: [], problems: [] };
}

export const SLASH_COMMENTS: CommentSyntax = { line: '//', block: ['/*', '*/'] };
export const HASH_COMMENTS: CommentSyntax = { line: '#' };
export const XML_COMMENTS: CommentSyntax = { block: ['<!--', '-->'] };
