// Sidecar provenance in the edit budget: re-anchoring the records of a 5,000-line file with 100 AI ranges
// after an edit (5 lines inserted near the top, one line changed inside a range, one range moved), in-process
// on the engine's sidecar module. Prints p50/p99 of re-anchoring alone and of the whole sidecar
// ProvenanceSource (record JSON parsed, blob id checked, ranges re-anchored, regions built).
//
//   node scripts/bench/reanchor.mjs
import { createRequire } from 'module';
import { mkdirSync } from 'fs';
import path from 'path';
import * as esbuild from 'esbuild';
import { summarize } from './util.mjs';

const repo = path.resolve(import.meta.dirname, '..', '..');
const outDir = path.join(repo, '.bench');
mkdirSync(outDir, { recursive: true });
const outfile = path.join(outDir, 'sidecar.cjs');
await esbuild.build({
  entryPoints: [path.join(repo, 'server/src/engine/provenance/sidecar/index.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  outfile,
});
const sidecar = createRequire(import.meta.url)(outfile);

const LINES = 5000;
const RANGES = 100;
const lines = Array.from({ length: LINES }, (_, i) => (i % 7 === 6 ? '  }' : `  const v${i} = compute("value ${i}", ${i}); // note`));
const text = lines.join('\n');
const blocks = Array.from({ length: RANGES }, (_, r) => {
  const first = r * 50 + 10;
  return sidecar.blockAt({ id: (0x100000 + r).toString(16), tool: 'copilot', useCase: 'tests', extra: {} }, lines, first, first + 19);
});
const record = sidecar.recordOf('src/a.ts', text, blocks, { id: '00000000-0000-4000-8000-000000000000', timestamp: '2026-12-04T19:00:00Z' });
const recordText = sidecar.formatRecord(record, 'bench');

// The edit: 5 lines above everything, one changed line inside range 40, range 70 moved to the end.
const edited = [...lines];
edited[40 * 50 + 15] = '  const changed = 1; // by a human';
const moved = edited.splice(70 * 50 + 10, 20);
edited.push(...moved);
edited.splice(3, 0, ...Array.from({ length: 5 }, (_, i) => `// inserted ${i}`));
const editedText = edited.join('\n');

function stats(run, n = 300) {
  for (let i = 0; i < 30; i++) {
    run(); // warm-up: JIT, as in an editor that has been typing for a while
  }
  const ms = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    run();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return summarize(ms);
}

const inputs = blocks.map((b) => ({ startLine: b.startLine, lines: b.lines }));
const runs = sidecar.reanchor(inputs, editedText.split(/\r?\n/));
const kept = runs.filter((r) => r.length > 0).length;
const split = runs.filter((r) => r.length > 1).length;
const source = sidecar.sidecarProvenance(() => ({ kind: 'text', text: recordText }));
const regions = source.regionsFor('src/a.ts', editedText).regions.length;
const reanchor = stats(() => sidecar.reanchor(inputs, editedText.split(/\r?\n/)));
const whole = stats(() => source.regionsFor('src/a.ts', editedText));
const f = (x) => x.toFixed(2).padStart(6);
console.log(`Sidecar re-anchoring — ${edited.length}-line file, ${RANGES} AI ranges, record ${(recordText.length / 1024).toFixed(0)} KB; after the edit ${kept} kept, ${split} split, ${regions} regions`);
console.log(`  re-anchor (split + hash + match)   p50 ${f(reanchor.p50)} ms   p99 ${f(reanchor.p99)} ms`);
console.log(`  sidecar ProvenanceSource           p50 ${f(whole.p50)} ms   p99 ${f(whole.p99)} ms   (edit budget: p99 ≤ 20 ms)`);
