import type { Position, Range } from '../model';

/** How a file's bytes were decoded, so a fix can write them back the same way. */
export interface Decoded {
  text: string;
  encoding: 'utf8' | 'utf16le' | 'utf16be';
  bom: boolean;
  /** Set when the bytes were not valid in the detected encoding (replacement characters were used). */
  invalid?: boolean;
}

export type DecodeResult = Decoded | { binary: true; reason: string };

const BINARY_SNIFF_BYTES = 8192;

/** Decodes file bytes the way an editor would: BOM-aware, UTF-8 by default; refuses binary data. */
export function decode(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeWith('utf-8', bytes.subarray(3), 'utf8', true);
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return decodeWith('utf-16le', bytes.subarray(2), 'utf16le', true);
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return decodeWith('utf-16be', bytes.subarray(2), 'utf16be', true);
  }
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.length >= 6 && String.fromCharCode(...sniff.subarray(0, 6)) === 'bplist') {
    return { binary: true, reason: 'binary property list (bplist); only XML plists are read' };
  }
  if (sniff.includes(0)) return { binary: true, reason: 'binary data (NUL bytes); not a text file' };
  return decodeWith('utf-8', bytes, 'utf8', false);
}

function decodeWith(label: string, bytes: Uint8Array, encoding: Decoded['encoding'], bom: boolean): Decoded {
  try {
    return { text: new TextDecoder(label, { fatal: true }).decode(bytes), encoding, bom };
  } catch {
    return { text: new TextDecoder(label).decode(bytes), encoding, bom, invalid: true };
  }
}

/** Encodes text back to bytes with the encoding and BOM the file had. */
export function encode(text: string, how: Pick<Decoded, 'encoding' | 'bom'>): Buffer {
  if (how.encoding === 'utf8') return Buffer.concat([how.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  const le = Buffer.from(text, 'utf16le');
  if (how.encoding === 'utf16be') le.swap16();
  const bom = how.encoding === 'utf16le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return Buffer.concat([how.bom ? Buffer.from(bom) : Buffer.alloc(0), le]);
}

/** Strips a leading U+FEFF (a BOM left in text handed over by an editor or stdin). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Offset <-> line/character conversion; lines end at \n, \r\n or \r, like VS Code. */
export class LineIndex {
  /** Offset of each line's start. A typed array: counted, then filled, so no growing array of every file lives on the JS heap. */
  private readonly starts: Int32Array;

  constructor(private readonly text: string) {
    if (!text.includes('\r')) {
      // The usual LF-only text: native indexOf is several times quicker than a char loop. One pass into an
      // array sized for lines of 16 characters on average, doubled when a file's are shorter.
      let starts = new Int32Array(Math.min(text.length, (text.length >> 4) + 64) + 1);
      let line = 1;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        if (line === starts.length) {
          const grown = new Int32Array(Math.min(text.length + 1, starts.length * 2));
          grown.set(starts);
          starts = grown;
        }
        starts[line++] = i + 1;
      }
      this.starts = starts.subarray(0, line);
      return;
    }
    this.starts = new Int32Array(eachLineStart(text, () => {}) + 1);
    let line = 1;
    eachLineStart(text, (start) => (this.starts[line++] = start));
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  offsetAt(position: Position): number {
    const line = Math.max(0, Math.min(position.line, this.starts.length - 1));
    const lineEnd = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    return Math.min(this.starts[line] + Math.max(0, position.character), lineEnd);
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }
}

/** Calls `found` with the start of every line after the first (\n, \r\n or \r ends a line); returns how many. */
function eachLineStart(text: string, found: (start: number) => void): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      found(i + 1);
      count++;
    } else if (c === 10 /* \n */) {
      found(i + 1);
      count++;
    }
  }
  return count;
}

/** The line break a file mostly uses (CRLF, LF, or a lone CR as in classic Mac files), so inserted lines match it. */
export function detectEol(text: string): '\r\n' | '\n' | '\r' {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) === 10) crlf++;
    else cr++;
  }
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lf++;
  lf -= crlf;
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

/** The masked form of a secret: never more than its first three characters. */
export function maskSecret(secret: string): string {
  if (secret.length <= 3) return '***';
  return `${secret.slice(0, 3)}${'*'.repeat(Math.min(8, secret.length - 3))}`;
}

export function rangeText(text: string, range: Range): string {
  return text.slice(range.start, range.end);
}

export function isInside(range: Range, length: number): boolean {
  return range.start >= 0 && range.end >= range.start && range.end <= length;
}
