import * as assert from 'node:assert/strict';
import { applyEdits, nonOverlapping, safeFixEdits, type Finding, type TextEdit } from '../../../server/src/engine';

const at = (l1: number, c1: number, l2: number, c2: number, newText: string): TextEdit => ({
  range: { start: { line: l1, character: c1 }, end: { line: l2, character: c2 } },
  newText,
});

function finding(fixes: { safe: boolean; edits: TextEdit[] }[]): Finding {
  return {
    ruleId: 'test/x',
    severity: 'warning',
    message: 'm',
    range: at(0, 0, 0, 0, '').range,
    fixes: fixes.map((f, i) => ({ title: `fix ${i}`, ...f })),
  };
}

describe('engine: edits', () => {
  describe('applyEdits', () => {
    const table: { name: string; text: string; edits: TextEdit[]; expected: string }[] = [
      { name: 'no edits', text: 'abc', edits: [], expected: 'abc' },
      { name: 'one replacement', text: 'hello world', edits: [at(0, 6, 0, 11, 'there')], expected: 'hello there' },
      { name: 'edits given out of order', text: 'a\nb\nc\n', edits: [at(2, 0, 2, 1, 'C'), at(0, 0, 0, 1, 'A')], expected: 'A\nb\nC\n' },
      { name: 'deleting a whole line', text: 'a\nb\nc\n', edits: [at(1, 0, 2, 0, '')], expected: 'a\nc\n' },
      { name: 'deleting a CRLF line', text: 'a\r\nb\r\nc', edits: [at(1, 0, 2, 0, '')], expected: 'a\r\nc' },
      { name: 'insert at the same position keeps edit order', text: 'x', edits: [at(0, 0, 0, 0, '1'), at(0, 0, 0, 0, '2')], expected: '12x' },
      { name: 'adjacent edits both apply', text: 'abcd', edits: [at(0, 0, 0, 2, 'X'), at(0, 2, 0, 4, 'Y')], expected: 'XY' },
      { name: 'an overlapping later edit is dropped', text: 'abcdef', edits: [at(0, 0, 0, 3, 'X'), at(0, 2, 0, 5, 'Y')], expected: 'Xdef' },
      { name: 'positions past the line end clamp to it', text: 'ab\ncd', edits: [at(0, 99, 0, 99, '!')], expected: 'ab!\ncd' },
      { name: 'positions past the last line clamp to the end', text: 'ab', edits: [at(5, 0, 5, 0, '!')], expected: 'ab!' },
      { name: 'UTF-16 columns (astral characters count as two)', text: '😀x', edits: [at(0, 2, 0, 3, 'y')], expected: '😀y' },
    ];
    for (const t of table) {
      it(t.name, () => {
        assert.equal(applyEdits(t.text, t.edits), t.expected);
      });
    }
  });

  it('nonOverlapping sorts by start and drops edits that overlap a kept one', () => {
    const a = at(0, 0, 0, 5, 'a');
    const b = at(0, 3, 0, 8, 'b');
    const c = at(0, 5, 0, 6, 'c');
    const d = at(1, 0, 1, 1, 'd');
    assert.deepEqual(nonOverlapping([d, c, b, a]), [a, c, d]);
  });

  it('safeFixEdits takes each finding\'s first safe fix and drops conflicts', () => {
    const safe1 = at(0, 0, 0, 1, 'A');
    const unsafe = at(1, 0, 1, 1, 'U');
    const safe2 = at(1, 0, 1, 1, 'S');
    const conflicting = at(0, 0, 0, 1, 'Z');
    const findings = [
      finding([{ safe: true, edits: [safe1] }, { safe: true, edits: [at(3, 0, 3, 0, 'second')] }]),
      finding([{ safe: false, edits: [unsafe] }, { safe: true, edits: [safe2] }]),
      finding([{ safe: false, edits: [at(2, 0, 2, 0, 'never')] }]),
      finding([{ safe: true, edits: [conflicting] }]),
      finding([]),
    ];
    assert.deepEqual(safeFixEdits(findings), [safe1, safe2]);
    assert.equal(applyEdits('a\nb\nc\nd', safeFixEdits(findings)), 'A\nS\nc\nd');
  });
});
