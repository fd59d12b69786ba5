import * as assert from 'node:assert/strict';
import { insertionEdits, parseMarkers, type AiRegion, type MarkerFields } from '../../../server/src/engine/provenance';
import { syntaxFor } from '../../../server/src/engine/text/languages';
import type { Range } from '../../../server/src/engine/types';
import { applyEdits, textOf } from './apply-edits';

const ts = syntaxFor(undefined, 'a.ts');
const copilot: MarkerFields = { id: 'beef01', tool: 'copilot', useCase: 'tests', at: '2026-11-24T11:00Z' };
const lines = (first: number, last: number): Range => ({ start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } });

/** Applies the edits for an insertion and returns the text with the regions parsed from it. */
function accept(text: string, inserted: Range, fields = copilot): { text: string; regions: AiRegion[] } {
  const before = parseMarkers(text, ts);
  assert.deepEqual(before.problems, []);
  const next = applyEdits(text, insertionEdits(text, ts, inserted, fields, before.regions));
  const after = parseMarkers(next, ts);
  assert.deepEqual(after.problems, []);
  return { text: next, regions: after.regions };
}

const existing = (extra = '') => [
  'a();',
  `// @ai-generated begin id=7f3a tool=copilot use=tests${extra}`,
  'b();',
  '// @ai-generated end id=7f3a',
];

describe('provenance markers: insertionEdits', () => {
  it('wraps an insertion far from any block', () => {
    const text = [...existing(), 'c();', 'd();', 'e();', ''].join('\n');
    const { text: next, regions } = accept(text, lines(6, 6));
    assert.deepEqual(regions.map((r) => r.id), ['7f3a', 'beef01']);
    assert.equal(textOf(next, regions[1].contentRange), 'e();\n');
  });

  it('grows a block from the same tool downwards when the insertion follows it', () => {
    const text = [...existing(), 'c();', 'd();', 'e();', ''].join('\n');
    const { text: next, regions } = accept(text, lines(4, 5));
    assert.equal(regions.length, 1);
    assert.equal(regions[0].id, '7f3a');
    assert.equal(textOf(next, regions[0].contentRange), 'b();\nc();\nd();\n');
  });

  it('grows a block upwards when the insertion precedes it', () => {
    const text = ['x();', 'a();', ...existing().slice(1), ''].join('\n');
    const { text: next, regions } = accept(text, lines(1, 1));
    assert.equal(regions.length, 1);
    assert.equal(textOf(next, regions[0].contentRange), 'a();\nb();\n');
    assert.equal(next.split('\n')[0], 'x();');
  });

  it('grows a block to the last line of a file without a final line break', () => {
    const text = [...existing(), 'c();'].join('\n');
    const { text: next, regions } = accept(text, lines(4, 4));
    assert.equal(textOf(next, regions[0].contentRange), 'b();\nc();\n');
    assert.ok(next.endsWith('c();\n// @ai-generated end id=7f3a'));
  });

  it('treats a completion that starts at the end of the marker line as the lines below', () => {
    const text = [...existing(), 'c();', 'd();'].join('\n');
    const range = { start: { line: 3, character: 28 }, end: { line: 5, character: 4 } };
    const { regions } = accept(text, range);
    assert.deepEqual(regions.map((r) => [r.id, r.beginLine, r.endLine]), [['7f3a', 1, 5]]);
  });

  it('starts a new block next to a block from another tool or use case', () => {
    const text = [...existing(), 'c();', ''].join('\n');
    assert.equal(accept(text, lines(4, 4), { ...copilot, tool: 'claude' }).regions.length, 2);
    assert.equal(accept(text, lines(4, 4), { ...copilot, useCase: undefined }).regions.length, 2);
  });

  it('starts a new block next to a reviewed block instead of extending its review', () => {
    const text = [...existing(' reviewed-by=jane reviewed-at=2026-11-24T12:00Z'), 'c();', ''].join('\n');
    const { regions } = accept(text, lines(4, 4));
    assert.deepEqual(regions.map((r) => [r.id, r.reviewedBy]), [['7f3a', 'jane'], ['beef01', undefined]]);
  });

  it('adds nothing for an insertion inside an unreviewed block', () => {
    const text = [...existing(), ''].join('\n');
    assert.deepEqual(insertionEdits(text, ts, lines(2, 2), copilot, parseMarkers(text, ts).regions), []);
  });

  it('clears the review of a reviewed block that gets new AI code', () => {
    const text = [...existing(' reviewed-by="Jane Doe" reviewed-at=2026-11-24T12:00Z accepted-by=sam'), ''].join('\n');
    const { text: next, regions } = accept(text, lines(2, 2), { ...copilot, tool: 'claude' });
    assert.deepEqual([regions[0].reviewedBy, regions[0].reviewedAt, regions[0].acceptedBy], [undefined, undefined, 'sam']);
    assert.equal(next.split('\n')[1], '// @ai-generated begin id=7f3a tool=copilot use=tests accepted-by=sam');
  });

  it('extends only the first of two neighbouring blocks', () => {
    const text = [...existing(), 'c();', '// @ai-generated begin id=8e4b tool=copilot use=tests', 'd();', '// @ai-generated end id=8e4b', ''].join('\n');
    const { text: next, regions } = accept(text, lines(4, 4));
    assert.deepEqual(regions.map((r) => [r.id, textOf(next, r.contentRange)]), [['7f3a', 'b();\nc();\n'], ['8e4b', 'd();\n']]);
  });

  it('does nothing when the insertion straddles a marker or sits in a string', () => {
    const text = [...existing(), 'c();', ''].join('\n');
    assert.deepEqual(insertionEdits(text, ts, lines(3, 4), copilot, parseMarkers(text, ts).regions), []);
    const tpl = ['const t = `', 'x', '`;', ''].join('\n');
    assert.deepEqual(insertionEdits(tpl, ts, lines(1, 1), copilot, []), []);
  });
});
