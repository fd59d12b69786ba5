import * as assert from 'node:assert/strict';
import { lineHash, removedAttributions, type OwnershipRecord } from '../../../server/src/engine/attribution';

// Which AI lines left their block: matched by trimmed content, copies counted, trivial lines skipped.

const lines = (...l: string[]): string => l.join('\n') + '\n';
const removed = (before: string, after: string, records: OwnershipRecord[] = []): [string | undefined, number[], boolean][] =>
  removedAttributions({ relPath: 'src/a.ts', before, after, records }).map((b) => [b.blockId, b.lines, b.owned]);

const BASE = lines(
  'const total = sum(items);', // human code, also inside the block below
  '// @ai-generated begin id=a1b2 tool=copilot',
  'const total = sum(items);',
  'if (total > LIMIT) {',
  '  throw new Error("over");',
  '}',
  '// @ai-generated end id=a1b2',
);

describe('attribution: removedAttributions', () => {
  it('markers deleted, code kept and indented differently: the lines are found where they are now', () => {
    const after = lines('const total = sum(items);', 'function f() {', '  const total = sum(items);', '    if (total > LIMIT) {', '      throw new Error("over");', '    }', '}');
    assert.deepEqual(removed(BASE, after), [['a1b2', [2, 3, 4], false]]);
  });

  it('a line that was human code at the base as often as now does not count; "}" never counts', () => {
    const after = lines('const total = sum(items);', 'if (total > LIMIT) return;', '}');
    assert.deepEqual(removed(BASE, after), []);
  });

  it('markers kept (moved down by an edit above) → nothing removed', () => {
    assert.deepEqual(removed(BASE, `// header\n\n${BASE}`), []);
  });

  it('a reviewed block at the base → nothing, even with its markers gone', () => {
    const reviewed = BASE.replace('tool=copilot', 'tool=copilot reviewed-by=rev reviewed-at=2026-01-01T00:00Z');
    assert.deepEqual(removed(reviewed, lines('const total = sum(items);', 'const total = sum(items);', 'if (total > LIMIT) {')), []);
  });

  it('owned when a record for the file and block covers every line found; not for another file, block or fewer lines', () => {
    const after = lines('const total = sum(items);', 'const total = sum(items);', 'if (total > LIMIT) {', '  throw new Error("over");');
    const all = ['const total = sum(items);', 'if (total > LIMIT) {', 'throw new Error("over");'].map(lineHash);
    const rec = (o: Partial<OwnershipRecord>): OwnershipRecord => ({ file: 'src/a.ts', block: 'a1b2', tool: 'copilot', by: 'rev', at: '2026-01-01T00:00Z', why: 'rewritten', lines: all, ...o });
    assert.deepEqual(removed(BASE, after, [rec({})]), [['a1b2', [1, 2, 3], true]]);
    assert.deepEqual(removed(BASE, after, [rec({ file: 'src/b.ts' }), rec({ block: 'ffff' }), rec({ lines: all.slice(1) })]), [['a1b2', [1, 2, 3], false]]);
  });
});
