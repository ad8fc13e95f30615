import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../../src/core/io/text';
import { fuzzSeed } from '../../fuzz/targets';

/** Line and character of `offset` counted the slow way: lines end at \n, \r\n or \r. */
function naivePosition(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') continue; // the \n ends it
    if (c === '\n' || c === '\r') {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}

describe('LineIndex', () => {
  it('gives the position of every offset as counting the line breaks does, for any mix of breaks and line lengths', () => {
    const pieces = ['\n', '\r\n', '\r', 'a', 'bcdefgh', 'x'.repeat(40), '\n\n\n\n'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 200 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const index = new LineIndex(t);
        for (let offset = 0; offset <= t.length; offset++) {
          const position = index.positionAt(offset);
          assert.deepEqual(position, naivePosition(t, offset), `${JSON.stringify(t)} at ${offset}`);
          if (!(t[offset - 1] === '\r' && t[offset] === '\n')) assert.equal(index.offsetAt(position), offset);
        }
      }),
      { numRuns: 500, seed: fuzzSeed(23) },
    );
  });

  it('counts the lines of text with no break, an empty text and a text of breaks only', () => {
    assert.equal(new LineIndex('').lineCount, 1);
    assert.equal(new LineIndex('abc').lineCount, 1);
    assert.equal(new LineIndex('\n'.repeat(1000)).lineCount, 1001, 'more lines than the first guess of 16 characters a line');
    assert.deepEqual(new LineIndex('a\n'.repeat(5000)).positionAt(9999), { line: 4999, character: 1 });
  });
});
