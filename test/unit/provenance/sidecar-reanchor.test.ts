import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lineHashOf, reanchor, type LineRun } from '../../../server/src/engine/provenance/sidecar';

/** A recorded range: first line and its line texts (hashed as a record stores them). */
const rangeOf = (lines: string[], first: number, last: number): { startLine: number; lines: number[] } => ({
  startLine: first,
  lines: lines.slice(first, last + 1).map(lineHashOf),
});

const FILE = ['import x;', 'function a() {', '  return 1;', '}', '', 'function b() {', '  return 2;', '}', 'end();'];

describe('sidecar re-anchoring', () => {
  it('finds an unchanged range where it was', () => {
    assert.deepEqual(reanchor([rangeOf(FILE, 1, 3)], FILE), [[{ first: 1, last: 3 }]]);
  });

  it('follows lines inserted or deleted above', () => {
    const now = ['// new', '// header', ...FILE.slice(1)];
    assert.deepEqual(reanchor([rangeOf(FILE, 5, 7)], now), [[{ first: 6, last: 8 }]]);
  });

  it('follows a range moved to another place in the file', () => {
    const now = [FILE[0], ...FILE.slice(5, 8), FILE[4], ...FILE.slice(1, 4), FILE[8]];
    assert.deepEqual(reanchor([rangeOf(FILE, 1, 3), rangeOf(FILE, 5, 7)], now), [[{ first: 5, last: 7 }], [{ first: 1, last: 3 }]]);
  });

  it('ignores changes of indentation and inner blanks', () => {
    const now = FILE.map((l) => `\t${l.replace(' ', '   ')}  `);
    assert.deepEqual(reanchor([rangeOf(FILE, 1, 3)], now), [[{ first: 1, last: 3 }]]);
  });

  it('splits a range around a line a human changed, and shrinks it when the edge changes', () => {
    const now = [...FILE];
    now[2] = '  return 42; // human';
    assert.deepEqual(reanchor([rangeOf(FILE, 1, 3)], now), [[{ first: 1, last: 1 }, { first: 3, last: 3 }]]);
    const edge = [...FILE];
    edge[1] = 'function a(y) {';
    assert.deepEqual(reanchor([rangeOf(FILE, 1, 2)], edge), [[{ first: 2, last: 2 }]]);
  });

  it('drops a range whose lines are all gone', () => {
    const now = [FILE[0], FILE[8]];
    assert.deepEqual(reanchor([rangeOf(FILE, 1, 3)], now), [[]]);
  });

  it('lets a line belong to one range only, and finds a duplicated block by its recorded position', () => {
    const twice = ['a();', 'b();', 'x', 'a();', 'b();'];
    const out = reanchor([rangeOf(twice, 0, 1), rangeOf(twice, 3, 4)], ['top', ...twice]);
    assert.deepEqual(out, [[{ first: 1, last: 2 }], [{ first: 4, last: 5 }]]);
  });

  it('does not attribute lines like "}" that never belonged next to an anchor', () => {
    const rec = ['f();', '}'];
    assert.deepEqual(reanchor([{ startLine: 0, lines: rec.map(lineHashOf) }], ['f();', 'g();', '}']), [[{ first: 0, last: 0 }]]);
  });
});

// --- Property: against a naive reference that tracks each line's identity through the edits. ---

interface Line {
  text: string;
  /** Index in the original file, or -1 for a line a human wrote. */
  origin: number;
}

type Edit =
  | { kind: 'insert'; at: number; count: number }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'modify'; at: number }
  | { kind: 'move'; from: number; count: number; to: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('modify' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(), count: fc.integer({ min: 1, max: 8 }), to: fc.nat() }),
);

let fresh = 0;
function applyEdit(lines: Line[], e: Edit, human: () => string): Line[] {
  const n = lines.length;
  const out = [...lines];
  switch (e.kind) {
    case 'insert': {
      const at = e.at % (n + 1);
      out.splice(at, 0, ...Array.from({ length: e.count }, () => ({ text: human(), origin: -1 })));
      return out;
    }
    case 'delete':
      if (n > 0) {
        out.splice(e.at % n, e.count);
      }
      return out;
    case 'modify':
      if (n > 0) {
        out[e.at % n] = { text: human(), origin: -1 };
      }
      return out;
    case 'move': {
      if (n === 0) {
        return out;
      }
      const chunk = out.splice(e.from % n, e.count);
      out.splice(e.to % (out.length + 1), 0, ...chunk);
      return out;
    }
  }
}

/** The naive reference: the current lines whose origin lies in the block, grouped into runs. */
function expectedRuns(current: Line[], first: number, last: number): LineRun[] {
  const runs: LineRun[] = [];
  current.forEach((l, i) => {
    if (l.origin >= first && l.origin <= last) {
      const prev = runs[runs.length - 1];
      if (prev && prev.last === i - 1) {
        prev.last = i;
      } else {
        runs.push({ first: i, last: i });
      }
    }
  });
  return runs;
}

/** Disjoint blocks over a file of `n` lines, from random cut points. */
const blocksOf = (n: number, cuts: number[]): [number, number][] => {
  const points = [...new Set(cuts.map((c) => c % (n + 1)))].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    if (points[i] < points[i + 1]) {
      out.push([points[i], points[i + 1] - 1]);
    }
  }
  return out;
};

describe('sidecar re-anchoring (property)', () => {
  it('with distinct lines, gives exactly the lines of each block that survived any edits, wherever they moved', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.array(fc.nat(), { maxLength: 12 }), fc.array(edit, { maxLength: 8 }), (n, cuts, edits) => {
        const original = Array.from({ length: n }, (_, i) => `line ${i} of the original`);
        const blocks = blocksOf(n, cuts);
        let current: Line[] = original.map((text, origin) => ({ text, origin }));
        for (const e of edits) {
          current = applyEdit(current, e, () => `human line ${fresh++}`);
        }
        const got = reanchor(blocks.map(([f, l]) => rangeOf(original, f, l)), current.map((l) => l.text));
        assert.deepEqual(got, blocks.map(([f, l]) => expectedRuns(current, f, l)));
      }),
      { numRuns: 500 },
    );
  });

  it('with duplicated lines and "}", edits outside the blocks keep every block whole', () => {
    const vocabulary = ['}', '', 'return x;', 'i++;', 'call();'];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.nat().map((i) => `unique ${i}`)), { minLength: 1, maxLength: 50 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.array(fc.record({ before: fc.boolean(), at: fc.nat(), count: fc.integer({ min: 1, max: 6 }) }), { maxLength: 4 }),
        (original, cuts, inserts) => {
          // Blocks with at least one line unique in the whole file, so that they have an anchor.
          const counts = new Map<string, number>();
          original.forEach((t) => counts.set(t, (counts.get(t) ?? 0) + 1));
          const blocks = blocksOf(original.length, cuts).filter(([f, l]) => original.slice(f, l + 1).some((t) => counts.get(t) === 1 && /\d/.test(t)));
          const current: Line[] = original.map((text, origin) => ({ text, origin }));
          // Human lines go only between blocks, never inside one: every block must survive whole.
          for (const ins of inserts) {
            const gaps = [0, ...blocks.map(([, l]) => l + 1)];
            const gap = gaps[ins.at % gaps.length];
            const at = current.findIndex((l) => l.origin === gap);
            const pos = at === -1 ? current.length : at;
            current.splice(pos, 0, ...Array.from({ length: ins.count }, () => ({ text: ins.before ? '}' : `human ${fresh++}`, origin: -1 })));
          }
          const got = reanchor(blocks.map(([f, l]) => rangeOf(original, f, l)), current.map((l) => l.text));
          assert.deepEqual(got, blocks.map(([f, l]) => expectedRuns(current, f, l)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never attributes a line twice nor a line whose content was not in its block', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('}', 'a();', 'b();', '', 'x = 1;'), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.array(edit, { maxLength: 6 }),
        (original, cuts, edits) => {
          const blocks = blocksOf(original.length, cuts);
          let current: Line[] = original.map((text, origin) => ({ text, origin }));
          for (const e of edits) {
            current = applyEdit(current, e, () => 'a();');
          }
          const texts = current.map((l) => l.text);
          const got = reanchor(blocks.map(([f, l]) => rangeOf(original, f, l)), texts);
          const seen = new Set<number>();
          got.forEach((runs, b) => {
            const allowed = new Set(original.slice(blocks[b][0], blocks[b][1] + 1).map(lineHashOf));
            for (const r of runs) {
              for (let i = r.first; i <= r.last; i++) {
                assert.ok(!seen.has(i), `line ${i} attributed twice`);
                seen.add(i);
                assert.ok(allowed.has(lineHashOf(texts[i])), `line ${i} is not from block ${b}`);
              }
            }
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
