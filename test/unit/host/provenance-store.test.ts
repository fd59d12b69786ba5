import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { blockAt, formatRecord, parseRecord, recordOf, recordPathFor, type SidecarRecord } from '../../../server/src/engine/provenance/sidecar';
import { readRecordText, updateRecord } from '../../../server/src/host/provenance-store';
import { makeTempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';

const TEXT = 'a();\nb();\nc();\nd();\n';
const LINES = TEXT.split('\n');
const META = { id: '00000000-0000-4000-8000-000000000000', timestamp: '2026-12-04T19:00:00Z' };
const format = (r: SidecarRecord): string => formatRecord(r, 'test');
const withBlock = (current: SidecarRecord | undefined, id: string, line: number): SidecarRecord =>
  recordOf('src/a.ts', TEXT, [...(current?.blocks ?? []), blockAt({ id, tool: 'copilot', extra: {} }, LINES, line, line)], META);

describe('sidecar store on disk (host/provenance-store)', () => {
  let ws: TempWorkspace;
  beforeEach(() => {
    ws = makeTempWorkspace({ 'src/a.ts': TEXT });
  });
  afterEach(() => ws.remove());

  const stored = (): string[] => {
    const found = readRecordText(ws.root, 'src/a.ts');
    assert.equal(found.kind, 'text');
    const parsed = parseRecord('src/a.ts', found.kind === 'text' ? found.text : '');
    assert.ok(parsed.ok);
    return parsed.record.blocks.map((b) => b.id);
  };

  it('writes a record and leaves no temporary file behind', () => {
    updateRecord(ws.root, 'src/a.ts', (c) => withBlock(c, 'aaaa', 0), format);
    assert.deepEqual(stored(), ['aaaa']);
    assert.deepEqual(fs.readdirSync(ws.path('.conductor/provenance/src')), ['a.ts.json']);
  });

  it('re-applies a change when another writer wrote in between, so neither loses a block', () => {
    updateRecord(ws.root, 'src/a.ts', (c) => withBlock(c, 'aaaa', 0), format);
    let calls = 0;
    updateRecord(
      ws.root,
      'src/a.ts',
      (current) => {
        calls++;
        if (calls === 1) {
          // Another writer (an agent hook) adds its block after this one read the record.
          const parsed = parseRecord('src/a.ts', ws.read(recordPathFor('src/a.ts')));
          assert.ok(parsed.ok);
          fs.writeFileSync(ws.path(recordPathFor('src/a.ts')), format(withBlock(parsed.record, 'bbbb', 1)));
        }
        return withBlock(current, 'cccc', 2);
      },
      format,
    );
    assert.equal(calls, 2);
    assert.deepEqual(stored(), ['aaaa', 'bbbb', 'cccc']);
  });

  it('never overwrites a record it cannot trust, and deletes a record left with no block', () => {
    ws.write(recordPathFor('src/a.ts'), '{ broken');
    assert.throws(() => updateRecord(ws.root, 'src/a.ts', (c) => withBlock(c, 'aaaa', 0), format), /cannot be trusted: not JSON/);
    assert.equal(ws.read(recordPathFor('src/a.ts')), '{ broken');
    fs.rmSync(ws.path(recordPathFor('src/a.ts')));
    updateRecord(ws.root, 'src/a.ts', (c) => withBlock(c, 'aaaa', 0), format);
    updateRecord(ws.root, 'src/a.ts', () => undefined, format);
    assert.equal(readRecordText(ws.root, 'src/a.ts').kind, 'none');
  });

  it('reports a record that is not a regular file instead of reading it as absent', () => {
    fs.mkdirSync(ws.path(recordPathFor('src/a.ts')), { recursive: true });
    const found = readRecordText(ws.root, 'src/a.ts');
    assert.equal(found.kind, 'error');
  });
});
