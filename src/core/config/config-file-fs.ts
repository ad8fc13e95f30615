import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, parseConfigFile, type ConfigParseResult } from './config-file';
import { readRegularFile } from '../io/read-file';
import { decode } from '../io/text';

// The file system side of `.entra-auth-lint.json` (kept apart so config-file.ts stays pure).

/** A config file larger than this is refused (a real one is a few KB; 200,000 excludes fit). */
export const MAX_CONFIG_FILE_BYTES = 4 * 1024 * 1024;

/**
 * The nearest `.entra-auth-lint.json` in `startDir` or a folder above it, or undefined. The walk stops at
 * the repository root (the first folder holding `.git`, checked after its own config file) and at `stopAt`
 * (the PATH given or the workspace folder) when `startDir` is inside it, so a file above the checkout
 * (someone else's, or a stray `"exclude": ["**"]`) never silences or breaks a run.
 */
export function findConfigFile(startDir: string, stopAt?: string): string | undefined {
  let dir = path.resolve(startDir);
  const boundary = stopAt !== undefined ? path.resolve(stopAt) : undefined;
  const bounded = boundary !== undefined && isWithin(boundary, dir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here; keep walking up
    }
    if ((bounded && dir === boundary) || fs.existsSync(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Reads and validates a config file; an unreadable file is an error, never an exception. Only a regular
 * file of at most MAX_CONFIG_FILE_BYTES is read (a FIFO or /dev/zero is refused at once); UTF-8 and
 * UTF-16 with a BOM are accepted, as editors save them.
 */
export function loadConfigFile(file: string, limit = MAX_CONFIG_FILE_BYTES): ConfigParseResult & { text: string } {
  const fail = (reason: string) => ({
    options: {},
    text: '',
    errors: [{ key: '', message: `cannot read the config file: ${reason}`, range: { start: 0, end: 0 }, start: { line: 0, character: 0 } }],
  });
  const read = readRegularFile(file, limit);
  if ('problem' in read) return fail(read.problem === 'tooLarge' ? `it is larger than ${limit} bytes` : read.reason);
  const decoded = decode(read.bytes);
  if ('binary' in decoded) return fail(decoded.reason);
  if (decoded.invalid) return fail(`not valid ${decoded.encoding === 'utf8' ? 'UTF-8' : 'UTF-16'} text`);
  return { ...parseConfigFile(decoded.text, file), text: decoded.text };
}

function isWithin(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
