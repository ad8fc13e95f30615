import type { EscapeDecoder, HoleForm } from '../lexer';

// Pieces the language specs share: character classes, escape decoders, the common interpolation holes.

export const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;
export const isHexDigit = (c: number): boolean => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

/** `[A-Za-z_]` and every code unit from U+00C0 (letters of other scripts; surrogate halves count). */
export const isNameStart = (c: number): boolean => isAsciiLetter(c) || c === 95 || c >= 0xc0;
export const isNamePart = (c: number): boolean => isNameStart(c) || isDigit(c);
/** Java, Dart, Groovy: `$` is a name character too. */
export const isDollarNameStart = (c: number): boolean => isNameStart(c) || c === 36;
export const isDollarNamePart = (c: number): boolean => isNamePart(c) || c === 36;
/** Shell words and PowerShell commands: `New-MgApplication`, `public-client-redirect-uris`. */
export const isDashedNamePart = (c: number): boolean => isNamePart(c) || c === 45;

/** A code point from its hex digits, or U+FFFD when they are not a valid one (never throws). */
export function codePoint(hex: string): string {
  const code = /^[0-9A-Fa-f]{1,8}$/.test(hex) ? parseInt(hex, 16) : NaN;
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
}

export interface BackslashOptions {
  /** Letters followed by up to `max` hex digits (`u` 4, `x` 2, `U` 8). */
  hex?: Record<string, number>;
  /** `\u{1F600}`. */
  braces?: boolean;
  /** An escaped line break is nothing (JS, Python, bash line continuation). */
  lineContinuation?: boolean;
  /** An unknown escape keeps its lead (`\d` stays `\d`: bash, Python); otherwise it is the character alone. */
  keepUnknown?: boolean;
}

/** An escape decoder for a lead (`\`, `` ` ``, Swift `\#`) followed by one character of `table` or a hex form. */
export function escapes(table: Record<string, string>, options: BackslashOptions = {}): EscapeDecoder {
  return (text, i, leadLength) => {
    const at = i + leadLength;
    const next = text[at];
    if (next === undefined) return [text.slice(i), text.length - i];
    if (options.lineContinuation && (next === '\n' || next === '\r')) return ['', leadLength + 1];
    if (options.braces && next === 'u' && text[at + 1] === '{') {
      const close = text.indexOf('}', at + 2);
      if (close >= 0 && close - at <= 11) return [codePoint(text.slice(at + 2, close)), close + 1 - i];
      return ['\uFFFD', leadLength + 1];
    }
    const max = options.hex?.[next];
    if (max) {
      let j = at + 1;
      while (j < text.length && j - at - 1 < max && isHexDigit(text.charCodeAt(j))) j++;
      if (j > at + 1) return [codePoint(text.slice(at + 1, j)), j - i];
    }
    const known = Object.prototype.hasOwnProperty.call(table, next) ? table[next] : undefined;
    if (known !== undefined) return [known, leadLength + 1];
    return [options.keepUnknown ? text.slice(i, at + 1) : next, leadLength + 1];
  };
}

/** The escapes C and most languages after it share. */
export const C_ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  '0': '\0',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

/** `${expression}` (JS templates, Kotlin, Dart, Groovy, Bicep, bash). */
export const DOLLAR_BRACE: HoleForm = { open: '${', kind: 'code', close: '}' };
/** `$name` (Kotlin, Dart, bash, PowerShell). */
export const DOLLAR_NAME: HoleForm = {
  open: '$',
  kind: 'name',
  nameStart: (c) => isAsciiLetter(c) || c === 95,
  namePart: (c) => isAsciiLetter(c) || isDigit(c) || c === 95,
};
