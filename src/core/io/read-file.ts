import * as fs from 'node:fs';

// Reading a file that someone else controls: only regular files (a FIFO would block forever, a device
// such as /dev/zero never ends), opened without blocking, and never more than `limit` bytes in memory.

export type BoundedRead =
  | { bytes: Buffer; stat: fs.Stats }
  /** `tooLarge` carries the size; `notFile` is a folder, FIFO, socket or device; `error` is the system's message. */
  | { problem: 'tooLarge' | 'notFile' | 'error'; reason: string; stat?: fs.Stats; code?: string };

/** Reads a whole regular file of at most `limit` bytes; never throws, never blocks on a FIFO. */
export function readRegularFile(file: string, limit: number): BoundedRead {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer. Harmless on regular files.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { problem: 'notFile', reason: `not a regular file (${kindOf(stat)})`, stat };
    if (stat.size > limit) return { problem: 'tooLarge', reason: `${stat.size} bytes, over the ${limit}-byte limit`, stat };
    // Read at most limit + 1 bytes: a file that grows while it is read (or lies about its size) is still bounded.
    const bytes = Buffer.alloc(Math.min(stat.size, limit) + 1);
    let length = 0;
    while (length < bytes.length) {
      const n = fs.readSync(fd, bytes, length, bytes.length - length, length);
      if (n === 0) break;
      length += n;
    }
    if (length > limit) return { problem: 'tooLarge', reason: `over the ${limit}-byte limit`, stat };
    return { bytes: bytes.subarray(0, length), stat };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: 'error', reason: code === 'ENOENT' ? 'no such file' : (error as Error).message, code };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Reads a stream (standard input) up to `limit` bytes with a blocking read loop; a longer input is refused
 * without keeping it. `read` is `fs.readSync`-shaped so tests can feed it.
 */
export function readBounded(
  fd: number,
  limit: number,
  read: (fd: number, buffer: Buffer, offset: number, length: number, position: null) => number = fs.readSync,
): { bytes: Buffer } | { tooLarge: true } {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = read(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        // A non-blocking pipe with no data yet: wait a little instead of spinning.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (code === 'EOF') break; // Windows pipes
      throw error;
    }
    if (n === 0) break;
    total += n;
    if (total > limit) return { tooLarge: true };
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return { bytes: Buffer.concat(chunks, total) };
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a file';
}
