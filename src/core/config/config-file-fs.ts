import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, parseConfigFile, type ConfigParseResult } from './config-file';

// The file system side of `.entra-auth-lint.json` (kept apart so config-file.ts stays pure).

/** The nearest `.entra-auth-lint.json` in `startDir` or a folder above it, or undefined. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here; keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads and validates a config file; an unreadable file is an error, never an exception. */
export function loadConfigFile(file: string): ConfigParseResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return {
      options: {},
      errors: [{ key: '', message: `cannot read the config file: ${reason}`, range: { start: 0, end: 0 }, start: { line: 0, character: 0 } }],
    };
  }
  return parseConfigFile(text, file);
}
