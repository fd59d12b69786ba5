import * as assert from 'node:assert/strict';
import { createHash } from 'crypto';
import { assertCliBuilt, runCli } from './run-cli';
import { makeTempWorkspace, type TempWorkspace } from '../helpers/temp-workspace';

describe('conductor provenance (built CLI)', () => {
  let ws: TempWorkspace;
  before(() => {
    assertCliBuilt();
    ws = makeTempWorkspace({
      'src/a.ts': [
        'const human = 1;',
        '// @ai-generated begin id=7f3a tool=copilot use=tests at=2026-11-24T10:31Z',
        'const ai = 2;',
        'const ai2 = 3;',
        '// @ai-generated end id=7f3a',
        'const s = "// @ai-generated begin id=beef tool=x";',
      ].join('\n'),
      'tools/b.py': '# @ai-generated begin id=c0de tool=claude reviewed-by=ana@example.com reviewed-at=2026-11-25T09:00Z\nx = 1\n# @ai-generated end id=c0de\n',
      'README.md': 'no markers here\n',
    });
  });
  after(() => ws.remove());

  const run = (...args: string[]): string => {
    const r = runCli(['provenance', '--cwd', ws.root, ...args], ws.root);
    if (r.status !== 0) {
      throw Object.assign(new Error(`conductor provenance exited ${r.status}: ${r.stderr}`), { status: r.status });
    }
    return r.stdout;
  };

  it('lists AI regions as JSON with 1-based content lines, ignoring markers in strings', () => {
    const out = JSON.parse(run('--format', 'json'));
    assert.deepEqual(out.regions, [
      { file: 'src/a.ts', id: '7f3a', startLine: 3, endLine: 4, tool: 'copilot', useCase: 'tests', at: '2026-11-24T10:31Z', reviewed: false, reviewedBy: null, reviewedAt: null },
      { file: 'tools/b.py', id: 'c0de', startLine: 2, endLine: 2, tool: 'claude', useCase: null, at: null, reviewed: true, reviewedBy: 'ana@example.com', reviewedAt: '2026-11-25T09:00Z' },
    ]);
  });

  it('writes an Agent Trace record whose content hashes match the block lines', () => {
    const trace = JSON.parse(run('--format', 'agent-trace'));
    assert.equal(trace.version, '0.1.0');
    assert.equal(trace.files.length, 2);
    const conv = trace.files[0].conversations[0];
    assert.deepEqual(conv.contributor, { type: 'ai', model_id: 'copilot' });
    const expected = `sha256:${createHash('sha256').update('const ai = 2;\nconst ai2 = 3;').digest('hex')}`;
    assert.deepEqual(conv.ranges, [{ start_line: 3, end_line: 4, content_hash: expected }]);
  });

  it('prints a readable summary by default', () => {
    const out = run();
    assert.match(out, /src\/a\.ts:3-4 {2}7f3a {2}tool=copilot {2}use=tests {2}UNREVIEWED/);
    assert.match(out, /2 AI block\(s\), 3 line\(s\) in 2 file\(s\)\./);
  });

  it('rejects an unknown format with exit code 2', () => {
    assert.throws(() => run('--format', 'xml'), (e: { status: number }) => e.status === 2);
  });
});
