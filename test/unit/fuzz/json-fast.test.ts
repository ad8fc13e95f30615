import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTree, type Node } from 'jsonc-parser';
import { strictJsonTree } from '../../../src/core/parsing/json-fast';
import { parseJson } from '../../../src/core/parsing/json-util';
import { fuzzSeed } from '../../fuzz/targets';

// The fast builder must give exactly jsonc-parser's tree for any valid JSON: differential fuzzing.

/** A node without parent links (compared separately), as plain data. */
function shape(node: Node | undefined): unknown {
  return JSON.parse(JSON.stringify(node ?? null, (key, value) => (key === 'parent' ? undefined : value)));
}

/** Every child points back to its parent (walked without recursion). */
function assertParentLinks(root: Node | undefined): void {
  const stack = root ? [root] : [];
  assert.equal(root?.parent, undefined);
  while (stack.length) {
    const node = stack.pop()!;
    for (const child of node.children ?? []) {
      assert.equal(child.parent, node);
      stack.push(child);
    }
  }
}

const whitespace = fc.constantFrom(0, 1, 2, '\t', '\r\n  ');
const validJson = fc.oneof(
  fc.tuple(fc.jsonValue(), whitespace).map(([value, indent]) => JSON.stringify(value, null, indent as string | number)),
  fc.tuple(fc.jsonValue({ maxDepth: 4 }), whitespace).map(([value, indent]) => JSON.stringify(value, null, indent as string | number).replace(/\n/g, '\r\n')),
  fc.json(),
);

describe('fast JSON tree (json-fast.ts) equals jsonc-parser on valid JSON', () => {
  it('gives the same nodes, offsets, values and parent links (fuzzed)', () => {
    fc.assert(
      fc.property(validJson, (text) => {
        const expected = parseTree(text, []);
        const actual = strictJsonTree(text);
        assert.deepEqual(shape(actual), shape(expected));
        assertParentLinks(actual);
      }),
      { numRuns: 1000, seed: fuzzSeed(7) },
    );
  });

  it('accepts exactly what JSON.parse accepts (everything else is left to jsonc-parser)', () => {
    const isJson = (text: string) => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    const tokens = [
      '{',
      '}',
      '[',
      ']',
      '"',
      'a',
      '1',
      '-',
      '0',
      '.',
      'e',
      '+',
      ':',
      ',',
      ' ',
      '\\',
      'u00',
      'true',
      'fals',
      'null',
      '\n',
      '\u0001',
      '"x"',
      '//',
      '/*',
      '*/',
    ];
    const soup = fc.array(fc.constantFrom(...tokens), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(soup, validJson), (text) => {
        const tree = strictJsonTree(text);
        assert.equal(tree !== undefined, isJson(text), JSON.stringify(text));
        if (tree) assert.deepEqual(shape(tree), shape(parseTree(text, [])));
      }),
      { numRuns: 3000, seed: fuzzSeed(11) },
    );
  });

  it('handles escapes, escaped backslashes before quotes, numbers and literals exactly', () => {
    const text = '{"a\\"b": "c\\\\", "d": [-0, 1.5e3, true, false, null, "\\u00e9\\n"], "": {}}';
    assert.deepEqual(shape(strictJsonTree(text)), shape(parseTree(text, [])));
  });

  it('gives up past the depth it is given, and parseJson then blanks and reports the deep part', () => {
    const deep = `{"a": ${'['.repeat(600)}1${']'.repeat(600)}}`;
    assert.equal(strictJsonTree(deep, 512), undefined);
    assert.ok(strictJsonTree(deep), 'without a limit it is valid JSON');
    assert.ok(strictJsonTree(`${'['.repeat(512)}${']'.repeat(512)}`, 512), 'exactly the limit is read');
    const { root, problems } = parseJson(deep);
    assert.equal(problems[0].message, 'JSON nested deeper than 512 levels; the deeper part was not read');
    assert.equal(root?.children?.[0].children?.[0].value, 'a', 'the shallow part is read');
  });

  it('refuses raw control characters in strings, also right after a backslash', () => {
    const tab = String.fromCharCode(9);
    const bell = String.fromCharCode(7);
    for (const text of [`"a${tab}b"`, `"a\\${tab}b"`, `{"k": "x\\${bell}"}`, `["ok", "a${bell}"]`]) {
      assert.throws(() => JSON.parse(text), SyntaxError, text);
      assert.equal(strictJsonTree(text), undefined, JSON.stringify(text));
    }
    assert.equal(strictJsonTree('"a\\tb\\\\"')?.value, 'a\tb\\', 'escapes of control characters are fine');
  });

  it('is used only for valid JSON: comments and trailing commas still go through jsonc-parser', () => {
    const text = '{\n  // note\n  "a": [1, 2,],\n}';
    const { root, problems } = parseJson(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(shape(root), shape(parseTree(text, [], { allowTrailingComma: true })));
    assert.equal(parseJson('{"a": 1 "b": 2}').problems[0].message, 'JSON syntax error: comma expected');
  });
});
