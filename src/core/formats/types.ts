import type { FormatId, ParsedFile } from '../model';

/**
 * A file format: recognises files and describes what they say. It never judges (rules do) and never
 * executes anything. `parse` must not throw on bad input: it returns what it could read plus problems.
 */
export interface Format {
  id: FormatId;
  /** Cheap decision from the path alone: `yes` = this format's file name, `sniff` = read it and ask `sniff`. */
  byName(path: string): 'yes' | 'sniff' | 'no';
  /** Decides from the text whether a `sniff` candidate is this format (a cheap substring test). */
  sniff?(text: string, path: string): boolean;
  parse(path: string, text: string): ParsedFile;
}

/** Parse problems kept per file: past the first few, more say nothing new and would flood the problems view. */
export const MAX_PROBLEMS = 20;

export function emptyParsed(path: string, format: FormatId, text: string): ParsedFile {
  return { path, format, text, configs: [], registrations: [], problems: [] };
}

export function baseName(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(slash + 1);
}

export function lowerBaseName(path: string): string {
  return baseName(path).toLowerCase();
}

/** Path with forward slashes, for directory-name tests (`/res/raw/`). */
export function slashPath(path: string): string {
  return path.replace(/\\/g, '/');
}
