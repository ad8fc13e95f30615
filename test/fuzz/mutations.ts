import fc from 'fast-check';
import { decode, encode } from '../../src/core/io/text';
import type { Seed } from './seeds';

// Inputs for fuzzing: random text and mutations of real documents (truncation, byte flips, BOMs, CRLF,
// deep nesting, huge strings, invalid UTF-8 and UTF-16 decoded the way the CLI decodes files).

/** Fragments that matter to our parsers: delimiters, comment and template openers, schemes, keys. */
const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '`',
  ':',
  ',',
  '\\',
  '\\u',
  '\\"',
  '//',
  '/*',
  '*/',
  '<!--',
  '-->',
  '<',
  '>',
  '</',
  '/>',
  '<![CDATA[',
  ']]>',
  '${',
  '}}',
  '{{',
  '=',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '\uFEFF',
  '\u0000',
  '\uD800',
  '\uDC00',
  '\u2028',
  'null',
  'true',
  '-1e999',
  '0x',
  'redirectUri',
  'redirect_uri',
  '"replyUrlsWithType"',
  '"redirectUris"',
  'msauth://',
  'contoso://auth',
  'http://localhost',
  'https://',
  '<string>',
  '<key>',
  '<dict>',
  '<array>',
  'android:scheme=',
  '&amp;',
  '&#x0;',
  '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
  '&a;',
  'WithRedirectUri(',
  'export const',
  'require(',
  'import(',
  '#',
  'export ',
  'resource ',
  'heredoc <<EOT\n',
  'EOT\n',
];

const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

/** Random text: printable, any code point, or raw UTF-16 code units (lone surrogates included). */
export const randomText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: anyCodeUnit, maxLength: 200 }),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((parts) => parts.join('')),
);

type TextMutation = (text: string) => string;

const position = (text: string, at: number) => (text.length ? at % (text.length + 1) : 0);

/** One mutation of a text, chosen and placed by fast-check (so failures shrink to a small case). */
const textMutation: fc.Arbitrary<TextMutation> = fc.oneof({ arbitrary: cheapMutation(), weight: 12 }, { arbitrary: costlyMutation(), weight: 1 });

/** Local damage: truncation, inserted tokens, deletions, flipped characters, repeats, line ends, a BOM. */
function cheapMutation(): fc.Arbitrary<TextMutation> {
  return fc.oneof(
    fc.nat().map(
      (at): TextMutation =>
        (t) =>
          t.slice(0, position(t, at)),
    ),
    fc.tuple(fc.nat(), fc.constantFrom(...TOKENS)).map(([at, token]): TextMutation => (t) => {
      const p = position(t, at);
      return t.slice(0, p) + token + t.slice(p);
    }),
    fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(([at, n]): TextMutation => (t) => {
      const p = position(t, at);
      return t.slice(0, p) + t.slice(p + n);
    }),
    fc.tuple(fc.nat(), anyCodeUnit).map(([at, c]): TextMutation => (t) => {
      const p = position(t, at);
      return t.slice(0, p) + c + t.slice(p + 1);
    }),
    fc.tuple(fc.nat(), fc.nat({ max: 200 })).map(([at, n]): TextMutation => (t) => {
      const p = position(t, at);
      return t.slice(0, p) + t.slice(p, p + n).repeat(3) + t.slice(p);
    }),
    fc.constant<TextMutation>((t) => t.replace(/\r?\n/g, '\r\n')),
    fc.constant<TextMutation>((t) => t.replace(/\r?\n/g, '\r')),
    fc.constant<TextMutation>((t) => `\uFEFF${t}`),
  );
}

/** Rarer, expensive damage: deep nesting (up to 5,000 levels) and huge runs of one character (up to 100,000). */
function costlyMutation(): fc.Arbitrary<TextMutation> {
  return fc.oneof(
    fc
      .tuple(fc.nat(), fc.integer({ min: 100, max: 5000 }), fc.constantFrom('[', '{"a":', '<a>', '(', '{', 'x = [', '<dict><key>k</key>'))
      .map(([at, depth, open]): TextMutation => (t) => {
        const p = position(t, at);
        return t.slice(0, p) + open.repeat(depth) + t.slice(p);
      }),
    fc
      .tuple(fc.nat(), fc.integer({ min: 1000, max: 100_000 }), fc.constantFrom('a', '\\', '"', ' ', '/', '%', ':/', 'é'))
      .map(([at, length, unit]): TextMutation => (t) => {
        const p = position(t, at);
        return t.slice(0, p) + unit.repeat(length) + t.slice(p);
      }),
  );
}

type ByteMutation = (bytes: Buffer) => Buffer;

/** Byte-level damage, then decoded as a file would be: invalid UTF-8, odd-length UTF-16, stray NULs. */
const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([at, value]): ByteMutation => (b) => {
    const c = Buffer.from(b);
    if (c.length) c[at % c.length] = value;
    return c;
  }),
  fc
    .tuple(fc.nat(), fc.constantFrom([0xc3], [0xe2, 0x82], [0xff, 0xfe], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80]))
    .map(([at, seq]): ByteMutation => (b) => {
      const p = b.length ? at % b.length : 0;
      return Buffer.concat([b.subarray(0, p), Buffer.from(seq), b.subarray(p)]);
    }),
  fc.nat().map(
    (at): ByteMutation =>
      (b) =>
        b.subarray(0, b.length ? at % b.length : 0),
  ),
);

/** A seed (or random text) with up to five text mutations; sometimes re-encoded and byte-damaged. */
export function mutatedDocument(seeds: Seed[]): fc.Arbitrary<Seed> {
  const seed = seeds.length ? fc.constantFrom(...seeds) : fc.constant<Seed>({ path: '/fuzz/file.json', text: '{}' });
  const encoding = fc.constantFrom<'utf8' | 'utf16le' | 'utf16be'>('utf8', 'utf8', 'utf16le', 'utf16be');
  return fc
    .record({
      seed,
      replacement: fc.option(randomText, { freq: 8 }),
      textMutations: fc.array(textMutation, { maxLength: 5 }),
      bytes: fc.option(fc.record({ encoding, bom: fc.boolean(), damage: fc.array(byteMutation, { maxLength: 3 }) }), { freq: 3 }),
    })
    .map(({ seed: s, replacement, textMutations, bytes }) => {
      let text = replacement ?? s.text;
      for (const mutate of textMutations) text = mutate(text);
      if (bytes) {
        let raw = encode(text, { encoding: bytes.encoding, bom: bytes.bom });
        for (const damage of bytes.damage) raw = damage(raw);
        const decoded = decode(raw);
        text = 'binary' in decoded ? text : decoded.text;
      }
      return { path: s.path, text };
    });
}
