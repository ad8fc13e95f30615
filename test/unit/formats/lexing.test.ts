import * as assert from 'node:assert/strict';
import { tokenizeBicep } from '../../../src/core/lexing/languages/bicep';
import { tokenizeCSharp } from '../../../src/core/lexing/languages/csharp';
import { tokenizeHcl } from '../../../src/core/lexing/languages/hcl';
import { lex, type LanguageSpec } from '../../../src/core/lexing/lexer';
import { codePoint, DOLLAR_BRACE, escapes, isNamePart, isNameStart } from '../../../src/core/lexing/languages/common';

/** A minimal language: "…" strings with `${…}` holes. */
const PLAIN: LanguageSpec = {
  problemPrefix: '',
  lineComments: [],
  isIdentifierStart: isNameStart,
  isIdentifierPart: isNamePart,
  stringStarts: '"',
  openString: () => ({
    form: { kind: 'string', description: 'string', multiline: false, decode: escapes({}) },
    contentOffset: 1,
    close: '"',
    escapeLead: '\\',
    holes: [DOLLAR_BRACE],
  }),
};
const firstString = (text: string) => lex(text, PLAIN).tokens.find((t) => t.kind === 'string')!;

describe('lexing shared by the Bicep, HCL and C# specs', () => {
  it('reads a template with nested quoted holes into outer text and hole parts', () => {
    const text = '"a${f("x${y}")}b" rest';
    const { problems } = lex(text, PLAIN);
    const template = firstString(text);
    assert.deepEqual(problems, []);
    assert.equal(template.end, 17);
    assert.deepEqual(template.parts, [{ text: 'a' }, { expression: 'f("x${y}")', range: { start: 4, end: 14 } }, { text: 'b' }]);
  });

  it('stops an unclosed template at the line break', () => {
    const { tokens, problems } = lex('"abc\nnext', PLAIN);
    assert.equal(problems.length, 1);
    assert.deepEqual({ end: tokens[0].end, parts: tokens[0].parts }, { end: 4, parts: [{ text: 'abc' }] });
  });

  it('decodes code points and never throws on invalid ones', () => {
    assert.equal(codePoint('1F600'), '😀');
    for (const bad of ['-5', '', '110000', 'zz', '1.5']) assert.equal(codePoint(bad), '\uFFFD', bad);
  });

  it('Bicep: a negative or malformed \\u{…} escape becomes U+FFFD instead of throwing', () => {
    const { tokens, problems } = tokenizeBicep("x = 'a\\u{-5}b\\u{41}'");
    const value = tokens.find((t) => t.kind === 'string');
    assert.deepEqual(value?.parts, [{ text: 'a\uFFFDbA' }]);
    assert.deepEqual(problems, []);
  });

  it('keeps token ends inside the text when a backslash is the last character', () => {
    for (const [text, tokenize] of [
      ['a = "abc\\', tokenizeHcl],
      ["a = 'abc\\", tokenizeBicep],
      ['var a = "abc\\', tokenizeCSharp],
      ["var c = '\\", tokenizeCSharp],
      ['var s = $"{ "x\\', tokenizeCSharp],
    ] as const) {
      const { tokens, problems } = tokenize(text);
      const last = tokens[tokens.length - 1];
      assert.equal(last.end, text.length, text);
      assert.ok((last.content?.end ?? 0) <= text.length, text);
      assert.equal(problems.length, 1, text);
    }
  });
});
