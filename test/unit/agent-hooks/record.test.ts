// After a write: which lines the agent wrote, and the record with them as one AI block.
import * as assert from 'node:assert/strict';
import { recordWrite, writtenLines } from '../../../server/src/engine/agent-hooks';

const edit = (oldString: string, newString: string, replaceAll = false) => ({ oldString, newString, replaceAll });

describe('agent hooks: the record after a write', () => {
  it('a Write: the whole file, when it is on disk as written', () => {
    assert.deepEqual(writtenLines('x\ny\n', { kind: 'content', content: 'x\ny\n' }), [{ start: 0, end: 2 }]);
    assert.equal(writtenLines('x\nz\n', { kind: 'content', content: 'x\ny\n' }), undefined);
  });

  it('edits: only the lines they changed, also for replace_all and several edits', () => {
    assert.deepEqual(writtenLines('a\nB\nc\n', { kind: 'edits', edits: [edit('a\nb', 'a\nB')] }), [{ start: 1, end: 2 }]);
    assert.deepEqual(writtenLines('X\nb\nX\n', { kind: 'edits', edits: [edit('a', 'X', true)] }), [{ start: 0, end: 1 }, { start: 2, end: 3 }]);
    assert.deepEqual(writtenLines('A\nb\nC\n', { kind: 'edits', edits: [edit('a', 'A'), edit('c', 'C')] }), [{ start: 0, end: 1 }, { start: 2, end: 3 }]);
  });

  it('an edit that cannot be placed in the file as it is now: undefined', () => {
    assert.equal(writtenLines('a\n', { kind: 'edits', edits: [edit('a', 'gone')] }), undefined);
    assert.equal(writtenLines('a\n', { kind: 'edits', edits: [edit('a', '')] }), undefined);
    assert.equal(writtenLines('a\n', { kind: 'fragment', text: 'a' }), undefined);
  });

  it('one block for the agent\'s lines; an earlier block is cut where the agent rewrote it', () => {
    let n = 0;
    const newId = (): string => `b${++n}0000`;
    const meta = { id: '00000000-0000-4000-8000-000000000000', timestamp: '2026-12-04T00:00:00Z' };
    const first = recordWrite(undefined, { relPath: 'a.ts', text: 'a\nb\nc\n', lines: [{ start: 0, end: 3 }], tool: 'claude-code', at: '2026-12-04T10:00Z', sessionId: 's1' }, newId, meta);
    assert.deepEqual(first?.blocks.map((b) => [b.tool, b.startLine, b.lines.length, b.extra]), [['claude-code', 0, 3, { session: 's1' }]]);
    const second = recordWrite(first, { relPath: 'a.ts', text: 'a\nB\nc\n', lines: [{ start: 1, end: 2 }], tool: 'cursor', at: '2026-12-04T10:01Z' }, newId, meta);
    assert.deepEqual(second?.blocks.map((b) => [b.tool, b.startLine, b.lines.length]), [['claude-code', 0, 1], ['cursor', 1, 1], ['claude-code', 2, 1]]);
    assert.equal(new Set(second?.blocks.map((b) => b.id)).size, 3);
  });
});
