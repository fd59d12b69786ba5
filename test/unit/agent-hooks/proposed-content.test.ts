// The new content of a file and the lines the agent writes, for every way an agent describes a write.
import * as assert from 'node:assert/strict';
import { changedLines, proposedContent } from '../../../server/src/engine/agent-hooks';
import { parseApplyPatch } from '../../../server/src/engine/agent-hooks/agents/apply-patch';

const edit = (oldString: string, newString: string, replaceAll = false) => ({ oldString, newString, replaceAll });

describe('agent hooks: proposed content', () => {
  const file = 'a\nb\nc\nd\ne\n';

  it('Write of a new file: every line is the agent\'s', () => {
    assert.deepEqual(proposedContent(undefined, { kind: 'content', content: 'x\ny\n' }), { kind: 'file', text: 'x\ny\n', changed: [{ start: 0, end: 2 }] });
  });

  it('Write over a file: only the changed lines, kept lines counted wherever they moved', () => {
    assert.deepEqual(changedLines(file, 'a\nB\nc\nd\nE\n'), [{ start: 1, end: 2 }, { start: 4, end: 5 }]);
    assert.deepEqual(changedLines(file, 'a\nd\nb\nc\ne\n'), []);
    // A line the old file had once vouches for one new copy only.
    assert.deepEqual(changedLines('a\nb\nz\n', 'a\nb\nb\nz\n'), [{ start: 2, end: 3 }]);
    assert.deepEqual(changedLines(file, 'a\nb\nd\ne\n'), [{ start: 2, end: 3 }]);
    assert.deepEqual(changedLines(file, file), []);
  });

  it('Edit: the new string at its place; replace_all: every occurrence', () => {
    assert.deepEqual(proposedContent(file, { kind: 'edits', edits: [edit('c\n', 'c1\nc2\n')] }), { kind: 'file', text: 'a\nb\nc1\nc2\nd\ne\n', changed: [{ start: 2, end: 4 }] });
    const all = proposedContent('x = 1\ny\nx = 1\n', { kind: 'edits', edits: [edit('x = 1', 'x = 2', true)] });
    assert.deepEqual(all, { kind: 'file', text: 'x = 2\ny\nx = 2\n', changed: [{ start: 0, end: 1 }, { start: 2, end: 3 }] });
    const first = proposedContent('x = 1\ny\nx = 1\n', { kind: 'edits', edits: [edit('x = 1', 'x = 2')] });
    assert.deepEqual(first, { kind: 'file', text: 'x = 2\ny\nx = 1\n', changed: [{ start: 0, end: 1 }] });
  });

  it('MultiEdit: edits apply in order and earlier changes move with the text', () => {
    const r = proposedContent(file, { kind: 'edits', edits: [edit('d', 'd1\nd2'), edit('a\n', 'top\na\n'), edit('d2', 'D2')] });
    assert.deepEqual(r, { kind: 'file', text: 'top\na\nb\nc\nd1\nD2\ne\n', changed: [{ start: 0, end: 2 }, { start: 4, end: 6 }] });
  });

  it('a deletion marks the line where it happened', () => {
    assert.deepEqual(proposedContent(file, { kind: 'edits', edits: [edit('c\n', '')] }), { kind: 'file', text: 'a\nb\nd\ne\n', changed: [{ start: 2, end: 3 }] });
  });

  it('edits that cannot be placed (the agent\'s tool fails on them too) are checked as a fragment', () => {
    const r = proposedContent(file, { kind: 'edits', edits: [edit('zzz', 'import x from "y";')] });
    assert.equal(r.kind, 'fragment');
    assert.equal(r.text, 'import x from "y";');
    assert.equal(proposedContent(undefined, { kind: 'edits', edits: [edit('a', 'b')] }).kind, 'fragment');
    assert.deepEqual(proposedContent(undefined, { kind: 'edits', edits: [edit('', 'new\n')] }), { kind: 'file', text: 'new\n', changed: [{ start: 0, end: 1 }] });
  });
});

describe('agent hooks: Codex apply_patch', () => {
  it('adds, updates (hunks as edits, moved files at their new path) and skips deletions', () => {
    const patch = ['*** Begin Patch', '*** Add File: src/a.ts', '+one', '+two', '*** Update File: src/b.ts', '*** Move to: src/c.ts', '@@ fn', ' keep', '-old', '+new', '*** Delete File: src/d.ts', '*** End Patch', ''].join('\n');
    assert.deepEqual(parseApplyPatch(patch), [
      { path: 'src/a.ts', change: { kind: 'content', content: 'one\ntwo\n' } },
      { path: 'src/c.ts', change: { kind: 'edits', edits: [edit('keep\nold', 'keep\nnew')] } },
    ]);
  });

  it('refuses text that is not a patch', () => {
    assert.throws(() => parseApplyPatch('rm -rf /'), /no "\*\*\* Begin Patch"/);
    assert.throws(() => parseApplyPatch('*** Begin Patch\n*** Frobnicate: x\n*** End Patch'), /unexpected patch line 2/);
  });
});
