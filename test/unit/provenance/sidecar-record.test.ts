import * as assert from 'node:assert/strict';
import {
  blockAt,
  formatRecord,
  parseRecord,
  recordOf,
  recordProvenance,
  type SidecarRecord,
} from '../../../server/src/engine/provenance/sidecar';

const TEXT = ['const human = 1;', 'export function add(a: number, b: number) {', '  return a + b;', '}', 'const tail = 2;', ''].join('\n');
const LINES = TEXT.split('\n');
const META = { id: '00000000-0000-4000-8000-000000000000', timestamp: '2026-12-04T19:00:00Z' };

function record(): SidecarRecord {
  const block = blockAt({ id: '7f3a', tool: 'copilot', model: 'openai/gpt-4o', useCase: 'tests', at: '2026-11-24T10:31Z', extra: { session: 's1' } }, LINES, 1, 3);
  return recordOf('src/a.ts', TEXT, [block], META);
}
/** The parts of a stored record these tests edit. */
interface RecordJson {
  version: string;
  extra?: number;
  files: { conversations: { contributor: { type: string; model_id?: string }; ranges: { start_line: number; end_line: number }[] }[] }[];
  metadata: { 'dev.conductor': { blocks: { tool: string; at?: string; lines: string[] }[] } };
}
const json = (): RecordJson => JSON.parse(formatRecord(record(), '0.1.0')) as RecordJson;
const reason = (text: string, relPath = 'src/a.ts'): string => {
  const r = parseRecord(relPath, text);
  assert.equal(r.ok, false, 'refused');
  return r.ok ? '' : r.reason;
};

describe('sidecar record format', () => {
  it('round-trips through format and parse', () => {
    const r = parseRecord('src/a.ts', formatRecord(record(), '0.1.0'));
    assert.ok(r.ok);
    assert.deepEqual(r.rejected, []);
    assert.deepEqual(r.record, record());
  });

  it('is an Agent Trace 0.1.0 record: model_id only as provider/model, vendor data under dev.conductor', () => {
    const j = json();
    assert.equal(j.version, '0.1.0');
    assert.deepEqual(j.files[0].conversations[0].contributor, { type: 'ai', model_id: 'openai/gpt-4o' });
    assert.deepEqual(j.files[0].conversations[0].ranges[0].start_line, 2);
    assert.deepEqual(j.files[0].conversations[0].ranges[0].end_line, 4);
    assert.equal(j.metadata['dev.conductor'].blocks[0].tool, 'copilot');
    assert.equal(j.metadata['dev.conductor'].blocks[0].lines.length, 3);
  });

  it('refuses what Conductor never writes, naming the reason', () => {
    assert.match(reason('{'), /not JSON/);
    assert.match(reason(formatRecord(record(), '0.1.0'), 'src/b.ts'), /record of "src\/a.ts", not of this file/);
    const cases: [string, (j: RecordJson) => void, RegExp][] = [
      ['unknown key', (j) => (j.extra = 1), /Unrecognized key/],
      ['model_id not provider/model', (j) => (j.files[0].conversations[0].contributor.model_id = 'copilot'), /model_id: provider\/model/],
      ['bad time', (j) => (j.metadata['dev.conductor'].blocks[0].at = 'yesterday'), /at: ISO-8601/],
      ['value with a comment closer', (j) => (j.metadata['dev.conductor'].blocks[0].tool = 'x */ y'), /tool: one line/],
      ['fewer blocks than conversations', (j) => j.metadata['dev.conductor'].blocks.pop(), /1 conversation\(s\) but 0 block\(s\)/],
      ['another spec version', (j) => (j.version = '0.2.0'), /version/],
    ];
    for (const [what, edit, expected] of cases) {
      const j = json();
      edit(j);
      assert.match(reason(JSON.stringify(j)), expected, what);
    }
  });

  it('rejects a block whose range does not fit its line hashes, and keeps trusting the others', () => {
    const j = json();
    j.files[0].conversations[0].ranges[0].end_line = 5;
    const r = parseRecord('src/a.ts', JSON.stringify(j));
    assert.ok(r.ok);
    assert.deepEqual(r.record.blocks, []);
    assert.deepEqual(r.rejected, [{ id: '7f3a', first: 1, last: 4, reason: 'block 7f3a: lines 2–5 but 3 line hash(es)' }]);
  });

  it('yields regions like markers would (beginLine/endLine just outside the code), with the model as model=', () => {
    const p = recordProvenance('src/a.ts', TEXT, { kind: 'text', text: formatRecord(record(), '0.1.0') });
    assert.deepEqual(p.problems, []);
    assert.equal(p.regions.length, 1);
    const [r] = p.regions;
    assert.deepEqual([r.id, r.tool, r.useCase, r.beginLine, r.endLine], ['7f3a', 'copilot', 'tests', 0, 4]);
    assert.deepEqual(r.extra, { session: 's1', model: 'openai/gpt-4o' });
  });

  it('fails closed: an unreadable record makes the whole file unreviewed AI code of unknown use case', () => {
    const p = recordProvenance('src/a.ts', TEXT, { kind: 'error', reason: 'not a regular file' });
    assert.deepEqual(p.regions, []);
    assert.equal(p.problems[0].kind, 'malformed');
    assert.match(p.problems[0].message, /cannot be trusted: not a regular file\. Until it is fixed, the whole file counts as unreviewed AI code/);
    assert.deepEqual(
      p.unpaired?.map((u) => [u.beginLine, u.endLine]),
      [[-1, LINES.length]],
    );
  });
});
