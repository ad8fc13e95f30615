import * as assert from 'node:assert/strict';
import { applyEdits, editsConflict, selectFixes } from '../../../src/core/fixes/apply';
import type { Fix } from '../../../src/core/model';

const edit = (start: number, end: number, newText: string, file = '/w/a.json') => ({ file, range: { start, end }, newText });

describe('fixes: applyEdits', () => {
  it('applies edits in any order against the original offsets', () => {
    assert.equal(applyEdits('abcdef', [edit(0, 1, 'X'), edit(4, 6, 'YZW'), edit(2, 2, '-')]), 'Xb-cdYZW');
  });

  it('ignores an exact repeat and drops an edit that overlaps an accepted one', () => {
    assert.equal(applyEdits('abcdef', [edit(1, 3, 'X'), edit(1, 3, 'X'), edit(2, 4, 'Y')]), 'aXdef');
    assert.equal(applyEdits('abc', [edit(1, 1, 'X'), edit(1, 1, 'Y')]), 'aXbc', 'two insertions at one point conflict');
    assert.equal(applyEdits('abc', [edit(5, 6, 'X')]), 'abc', 'an edit outside the text is ignored');
  });

  it('lets edits touch at a boundary', () => {
    assert.equal(editsConflict({ start: 0, end: 2 }, { start: 2, end: 3 }), false);
    assert.equal(editsConflict({ start: 1, end: 1 }, { start: 0, end: 2 }), true);
  });
});

describe('fixes: selectFixes', () => {
  it('takes whole fixes, skips clashing ones and counts repeated ones once', () => {
    const a: Fix = { title: 'a', unattended: true, edits: [edit(0, 1, 'A'), edit(5, 6, 'A', '/w/b.plist')] };
    const repeat: Fix = { title: 'a again', unattended: true, edits: [edit(5, 6, 'A', '/w/b.plist')] };
    const clash: Fix = { title: 'clash', unattended: true, edits: [edit(0, 2, 'C'), edit(9, 9, 'C')] };
    const other: Fix = { title: 'other', unattended: true, edits: [edit(0, 1, 'O', '/w/c.json')] };
    const { fixes, edits } = selectFixes([a, repeat, clash, other]);
    assert.deepEqual(
      fixes.map((f) => f.title),
      ['a', 'other'],
    );
    assert.equal(edits.length, 3);
  });
});
