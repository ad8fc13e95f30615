import * as fs from 'node:fs';
import * as path from 'node:path';
import { filesUnder } from './files';

/** The committed hostile workspace (small files); `generated/` under it is created by generateHostileFiles. */
export const HOSTILE_DIR = path.resolve(__dirname, '../../../test/fixtures/hostile');

export interface HostileFiles {
  huge: string;
  deepManifest: string;
  deepScript: string;
  binaryPlist: string;
  loop: string;
}

export const HUGE_MANIFEST_BYTES = 30 * 1024 * 1024;
export const DEEP_LEVELS = 200_000;

/**
 * Creates the large and special hostile files under `<dir>/generated/` (gitignored): a 30 MB manifest,
 * 200,000-deep nesting (JSON and JavaScript), binary data named Info.plist and a symbolic-link loop.
 * Safe to call repeatedly; files already in place are kept. Used by the unit and integration tests.
 */
export function generateHostileFiles(dir: string = HOSTILE_DIR): HostileFiles {
  const generated = path.join(dir, 'generated');
  const files: HostileFiles = {
    huge: path.join(generated, 'huge/manifest.json'),
    deepManifest: path.join(generated, 'deep/manifest.json'),
    deepScript: path.join(generated, 'deep/authConfig.js'),
    binaryPlist: path.join(generated, 'binary/Info.plist'),
    loop: path.join(generated, 'loop/self'),
  };
  for (const file of Object.values(files)) fs.mkdirSync(path.dirname(file), { recursive: true });

  if (!fs.existsSync(files.huge) || fs.statSync(files.huge).size < HUGE_MANIFEST_BYTES) fs.writeFileSync(files.huge, hugeManifest());

  const deep = `{\n  "appId": "6f1d2c3b-4a59-4e8d-9c7b-0a1b2c3d4e5f",\n  "junk": ${'['.repeat(DEEP_LEVELS)}${']'.repeat(DEEP_LEVELS)},\n  "replyUrlsWithType": [ { "url": "hostile-deep://auth", "type": "InstalledClient" } ]\n}\n`;
  writeIfChanged(files.deepManifest, deep);
  writeIfChanged(
    files.deepScript,
    `export const msalConfig = { auth: { clientId: "6f1d2c3b-4a59-4e8d-9c7b-0a1b2c3d4e5f", redirectUri: "hostile-deep-js://auth" } };\nexport const junk = ${'['.repeat(DEEP_LEVELS)}${']'.repeat(DEEP_LEVELS)};\n`,
  );

  // Deterministic pseudo-random bytes with NULs: a binary blob under a name the plist reader claims.
  const bytes = Buffer.alloc(64 * 1024);
  let state = 0x2545f491;
  for (let i = 0; i < bytes.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  bytes[10] = 0;
  if (!fs.existsSync(files.binaryPlist)) fs.writeFileSync(files.binaryPlist, bytes);

  if (!isSymlink(files.loop)) {
    fs.rmSync(files.loop, { force: true, recursive: true });
    try {
      fs.symlinkSync('.', files.loop, 'dir'); // loop/self -> loop
    } catch {
      // Platforms without symlink rights (Windows without developer mode): the loop case is then absent.
    }
  }
  return files;
}

function hugeManifest(): string {
  const head =
    '{\n  "appId": "6f1d2c3b-4a59-4e8d-9c7b-0a1b2c3d4e5f",\n  "replyUrlsWithType": [\n    { "url": "hostile-huge://auth", "type": "InstalledClient" }';
  const entry = ',\n    { "url": "https://huge.contoso.example.com/signin-oidc", "type": "Web" }';
  const tail = '\n  ]\n}\n';
  const count = Math.ceil((HUGE_MANIFEST_BYTES - head.length - tail.length) / entry.length) + 1;
  return head + entry.repeat(count) + tail;
}

function writeIfChanged(file: string, text: string): void {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return;
  fs.writeFileSync(file, text);
}

function isSymlink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Every `EXECUTED-*.marker` file under `dir` (a booby trap that ran), walked without following links. */
export function executedMarkers(dir: string = HOSTILE_DIR): string[] {
  return filesUnder(dir, (name) => name.startsWith('EXECUTED-'));
}
