import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { FAST_PATHS, lex, type LanguageSpec, type LexResult } from '../../../src/core/lexing/lexer';
import { releasingScratch } from '../../../src/core/lexing/scratch';
import { BASH, BICEP, CSHARP, DART, GROOVY, HCL, JAVA, JAVASCRIPT, KOTLIN, OBJECTIVE_C, POWERSHELL, PYTHON, SWIFT } from '../../../src/core/lexing/languages';
import { LEXER_SEEDS } from '../../fuzz/lexer-seeds';
import { fuzzSeed } from '../../fuzz/targets';

// The lexer's fast paths (a plain string read in one scan, a name that starts with a string-prefix letter, a
// hole of names and dots read without its frame)
// must give exactly the tokens, comments and problems of the general path, and the tokens of an engine
// parse (whose string parts are decoded when first read) exactly those of a lex outside one: differential
// fuzzing over texts made of the pieces every spec treats specially.

const SPECS: Record<string, LanguageSpec> = { BASH, BICEP, CSHARP, DART, GROOVY, HCL, JAVA, JAVASCRIPT, KOTLIN, OBJECTIVE_C, POWERSHELL, PYTHON, SWIFT };

const PIECES = [
  ...['"', "'", '`', '"""', "'''", '@"', '$"', '$@"', 'r"', "r'", 'f"', 'rb"', '#"', '"#', '$$"""', "@'", "'@"],
  ...['\\', '\\n', '\\"', '\\(', '${', '$(', '{', '}', '{{', '}}', '(', ')', '$', '%{', '<<EOF', 'EOF'],
  ...['\n', '\r\n', '\r', ' ', '\t', '//', '/*', '*/', '#', '<#', '#>', '--'],
  ...['return', 'from', 'for', 'result', 'url', 'b', 'u', 'f', 'r', 'x', 'msal', '://auth', 'é', '\u2028'],
  // What a hole read without its frame holds (openHole): `\(a.b)`, `${items.size}`, `{x1}`.
  ...['.', '1', 'a.b', '\\(a.b)', '${x.y}', '{x1}', '$(a b)'],
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join('')),
  fc.tuple(fc.constantFrom(...LEXER_SEEDS.map((s) => s.text)), fc.nat(), fc.constantFrom(...PIECES)).map(([seed, at, piece]) => {
    const cut = at % (seed.length + 1);
    return seed.slice(0, cut) + piece + seed.slice(cut);
  }),
);

function generalPath<T>(read: () => T): T {
  FAST_PATHS.enabled = false;
  try {
    return read();
  } finally {
    FAST_PATHS.enabled = true;
  }
}

describe('lexer fast paths equal the general path', () => {
  for (const [name, spec] of Object.entries(SPECS)) {
    it(`${name}: same tokens, comments and problems (fuzzed)`, () => {
      fc.assert(
        fc.property(text, (input) => {
          assert.deepEqual(
            lex(input, spec),
            generalPath(() => lex(input, spec)),
          );
        }),
        { numRuns: 400, seed: fuzzSeed(1201) },
      );
    });
  }
});

/** The lex of an engine parse, read field by field before the parse ends (its tokens are then reset). */
function insideAParse(input: string, spec: LanguageSpec): unknown {
  return releasingScratch(() => {
    const result: LexResult = lex(input, spec);
    const tokens = result.tokens.map(({ kind, text, start, end, parts, content }) =>
      parts === undefined && content === undefined ? { kind, text, start, end } : { kind, text, start, end, parts, content },
    );
    return { ...result, tokens: tokens.slice() };
  });
}

describe('lexer: strings decoded on first read equal strings decoded as they are lexed', () => {
  for (const [name, spec] of Object.entries(SPECS)) {
    it(`${name}: same tokens, parts, content ranges, comments and problems (fuzzed)`, () => {
      fc.assert(
        fc.property(text, (input) => {
          assert.deepEqual(insideAParse(input, spec), lex(input, spec));
        }),
        { numRuns: 400, seed: fuzzSeed(1202) },
      );
    });
  }
});

describe('lexer: a hole read without its frame', () => {
  // A hole of names, digits and dots is skipped to its first close character; one that goes on to a quote,
  // a bracket or a comment must still be read by the general path, or its string would end elsewhere.
  const cases: [string, LanguageSpec, string][] = [
    ['Swift', SWIFT, 'let s = "\\(a.b) \\(a "x)" c) \\(1)" + t'],
    ['Kotlin', KOTLIN, 'val s = "${a.b} ${c.d("}")} ${e /* } */ }" + t'],
    ['Dart', DART, "var s = '${a.b} ${c ? 'x}' : 'y'} $d' + t;"],
    ['Python', PYTHON, 'x = f"{a.b} {c!r} {d:{e}} {f["}"]}" + t'],
    ['JavaScript', JAVASCRIPT, 'const s = `${a.b} ${"}"} ${c // }\n}` + t;'],
    ['bash', BASH, 'echo "${A} $(echo ")") ${B.C} $(a b)" x'],
    ['C#', CSHARP, 'var s = $"{a.b} {c,5} {d("}")}" + t;'],
  ];
  for (const [name, spec, input] of cases) {
    it(`${name}: the same tokens inside a parse as outside, and as the general path`, () => {
      const eager = lex(input, spec);
      assert.deepEqual(insideAParse(input, spec), eager);
      assert.deepEqual(
        generalPath(() => insideAParse(input, spec)),
        eager,
      );
      assert.equal(eager.tokens[eager.tokens.length - 1].text, spec === BASH ? 'x' : spec === DART || spec === JAVASCRIPT || spec === CSHARP ? ';' : 't');
    });
  }
});
