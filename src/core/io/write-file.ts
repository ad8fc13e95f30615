import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

// Writing a fixed file so that it is either the old file or the new one, never a mix or a stump: the
// bytes go to a temporary file in the same folder (same file system, so the rename is atomic), are
// flushed to disk (fsync), get the old file's mode, and replace it by rename. On any error the
// temporary file is removed and the original is untouched.

/** Replaces `file` with `bytes` atomically; returns undefined, or the error message when nothing was changed. */
export function writeFileAtomic(file: string, bytes: Uint8Array): string | undefined {
  let mode: number;
  try {
    mode = fs.statSync(file).mode & 0o7777;
  } catch (error) {
    return (error as Error).message;
  }
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.entra-auth-lint.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', mode);
    let offset = 0;
    while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    fs.fsyncSync(fd);
    fs.fchmodSync(fd, mode); // the umask may have narrowed the mode given to open
    fs.closeSync(fd);
    fd = undefined;
    // Verify before replacing: what is on disk is what we meant to write.
    if (!fs.readFileSync(temp).equals(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)))
      throw new Error('the written bytes read back differently');
    fs.renameSync(temp, file);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    return (error as Error).message;
  }
  syncFolder(path.dirname(file));
  return undefined;
}

/** Flushes a folder's entries (the rename) where the platform allows it; best effort. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // not supported (Windows) or not permitted: the rename itself is still atomic
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
