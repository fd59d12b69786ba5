import * as assert from 'node:assert/strict';
import { LogParser, type LogCommit } from '../../../server/src/host/git/log-parser';
import { HistoryReplay } from '../../../server/src/report/history';
import { readMarkerLine } from '../../../server/src/report/marker-line';
import { durationHistogram, median, per1000, percentile, ratio } from '../../../server/src/report/stats';
import { sampleCommits, weekStart } from '../../../server/src/report/trend';
import { countFile, countLines, foldersOf } from '../../../server/src/report/share';
import { layerOf } from '../../../server/src/report/policy-metrics';
import { envHeaders, metricsUrl } from '../../../server/src/report/otlp';
import { scriptJson } from '../../../server/src/report/html/render';

const DAY = 86400;

function parse(lines: string[], prefix = ''): LogCommit[] {
  const out: LogCommit[] = [];
  const p = new LogParser((c) => out.push(c), prefix);
  for (const l of lines) {
    p.line(l);
  }
  p.finish();
  return out;
}

describe('report: git log parser', () => {
  it('reads commits, hunks, added text, new and deleted files', () => {
    const commits = parse([
      '\u0001aaaa 100',
      '',
      'diff --git a/src/x.ts b/src/x.ts',
      'new file mode 100644',
      'index 0000000..1111111',
      '--- /dev/null',
      '+++ b/src/x.ts',
      '@@ -0,0 +1,2 @@',
      '+one',
      '+two',
      '\u0001bbbb 200',
      '',
      'diff --git a/src/x.ts b/src/x.ts',
      'deleted file mode 100644',
      'index 1111111..0000000',
      '--- a/src/x.ts',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
      '-one',
      '-two',
    ]);
    assert.equal(commits.length, 2);
    assert.deepEqual(commits[0], {
      sha: 'aaaa',
      time: 100,
      files: [{ oldPath: undefined, newPath: 'src/x.ts', binary: false, special: false, hunks: [{ oldStart: 0, oldCount: 0, newStart: 1, newCount: 2, added: ['one', 'two'] }] }],
    });
    assert.deepEqual(commits[1].files[0], { oldPath: 'src/x.ts', newPath: undefined, binary: false, special: false, hunks: [{ oldStart: 1, oldCount: 2, newStart: 0, newCount: 0, added: [] }] });
  });

  it('counts hunk lines, so removed lines that look like headers stay content', () => {
    const [c] = parse([
      '\u0001cccc 1',
      'diff --git a/q.sql b/q.sql',
      'index 1..2 100644',
      '--- a/q.sql',
      '+++ b/q.sql',
      '@@ -3,2 +3 @@',
      '--- a comment that was removed',
      '-+++ also removed',
      '++++ added',
      '\\ No newline at end of file',
      '@@ -9 +8,0 @@',
      '-x',
    ]);
    assert.deepEqual(c.files, [
      {
        oldPath: 'q.sql',
        newPath: 'q.sql',
        binary: false,
        special: false,
        hunks: [
          { oldStart: 3, oldCount: 2, newStart: 3, newCount: 1, added: ['+++ added'] },
          { oldStart: 9, oldCount: 1, newStart: 8, newCount: 0, added: [] },
        ],
      },
    ]);
  });

  it('follows renames, unquotes paths, flags binary files and symlinks, strips the prefix', () => {
    const [c] = parse(
      [
        '\u0001dddd 5',
        'diff --git a/sub/old name.ts b/sub/new name.ts',
        'similarity index 90%',
        'rename from sub/old name.ts',
        'rename to sub/new name.ts',
        'diff --git "a/sub/t\\303\\251st.ts" "b/sub/t\\303\\251st.ts"',
        'index 1..2 100644',
        '--- "a/sub/t\\303\\251st.ts"',
        '+++ "b/sub/t\\303\\251st.ts"',
        '@@ -1 +1 @@',
        '-a',
        '+b',
        'diff --git a/sub/img.png b/sub/img.png',
        'new file mode 100644',
        'Binary files /dev/null and b/sub/img.png differ',
        'diff --git a/sub/link b/sub/link',
        'new file mode 120000',
        '--- /dev/null',
        '+++ b/sub/link',
        '@@ -0,0 +1 @@',
        '+target',
        'diff --git a/outside.ts b/outside.ts',
        '--- a/outside.ts',
        '+++ b/outside.ts',
        '@@ -1 +1 @@',
        '-x',
        '+y',
      ],
      'sub/',
    );
    assert.deepEqual(
      c.files.map((f) => [f.oldPath, f.newPath, f.binary, f.special, f.hunks.length]),
      [
        ['old name.ts', 'new name.ts', false, false, 0],
        ['tést.ts', 'tést.ts', false, false, 1],
        [undefined, 'img.png', true, false, 0],
        [undefined, 'link', false, true, 1],
      ],
    );
  });
});

describe('report: history replay', () => {
  const add = (sha: string, time: number, path: string, lines: string[]): LogCommit => ({
    sha,
    time,
    files: [{ newPath: path, binary: false, special: false, hunks: [{ oldStart: 0, oldCount: 0, newStart: 1, newCount: lines.length, added: lines }] }],
  });
  const edit = (sha: string, time: number, path: string, hunks: [number, number, string[]][], newPath = path): LogCommit => ({
    sha,
    time,
    files: [{ oldPath: path, newPath, binary: false, special: false, hunks: hunks.map(([s, n, added]) => ({ oldStart: s, oldCount: n, newStart: s, newCount: added.length, added })) }],
  });
  const BLOCK = ['// @ai-generated begin id=abcd tool=copilot', 'a1', 'a2', '// @ai-generated end id=abcd'];

  it('attributes added lines by the blocks of the post-image and counts young removals as rework', () => {
    const r = new HistoryReplay({ counted: () => true, windowSeconds: 14 * DAY });
    r.apply(add('c1', 0, 'f.ts', ['h1', ...BLOCK, 'h2']));
    // Day 2: modify a1 (AI) and h2 (human). Day 20: modify a2 (too old).
    r.apply(edit('c2', 2 * DAY, 'f.ts', [[3, 1, ['a1x']], [6, 1, ['h2x']]]));
    r.apply(edit('c3', 20 * DAY, 'f.ts', [[4, 1, ['a2x']]]));
    assert.deepEqual(r.totals, [6, 6, 6]);
    const w = r.rework(undefined, 100 * DAY);
    assert.deepEqual(w, { ai: { added: 4, reworked: 1 }, human: { added: 3, reworked: 1 }, pending: { ai: 0, human: 0 } });
    // At day 15 only c1's window has closed: c2's and c3's lines are pending.
    assert.deepEqual(r.rework(undefined, 15 * DAY), { ai: { added: 2, reworked: 1 }, human: { added: 2, reworked: 1 }, pending: { ai: 2, human: 1 } });
  });

  it('does not count marker lines, an unclosed begin, or a pure rename', () => {
    const r = new HistoryReplay({ counted: () => true, windowSeconds: 14 * DAY });
    r.apply(add('c1', 0, 'f.ts', [...BLOCK, '// @ai-generated begin id=ffff tool=x', 'loose']));
    r.apply({ sha: 'c2', time: DAY, files: [{ oldPath: 'f.ts', newPath: 'g.ts', binary: false, special: false, hunks: [] }] });
    // Reviewing rewrites the begin marker line: not rework.
    r.apply(edit('c3', 2 * DAY, 'g.ts', [[1, 1, ['// @ai-generated begin id=abcd tool=copilot reviewed-by=ana']]]));
    assert.deepEqual(r.rework(undefined, 100 * DAY), { ai: { added: 2, reworked: 0 }, human: { added: 1, reworked: 0 }, pending: { ai: 0, human: 0 } });
    assert.deepEqual([...r.blocks.entries()], [
      ['abcd', { first: 0, reviewed: 2 }],
      ['ffff', { first: 0 }],
    ]);
    assert.deepEqual(r.leadTimes(undefined), { seconds: [2 * DAY], pending: 1, blocks: 2 });
  });

  it('counts a deleted file’s young lines as reworked and leaves uncounted paths out', () => {
    const r = new HistoryReplay({ counted: (p) => !p.startsWith('vendor/'), windowSeconds: 14 * DAY });
    r.apply(add('c1', 0, 'f.ts', BLOCK));
    r.apply(add('c2', 0, 'vendor/v.ts', ['v1', 'v2']));
    r.apply({ sha: 'c3', time: DAY, files: [{ oldPath: 'f.ts', binary: false, special: false, hunks: [{ oldStart: 1, oldCount: 4, newStart: 0, newCount: 0, added: [] }] }] });
    assert.deepEqual(r.totals, [4, 4, 0]);
    assert.deepEqual(r.rework(undefined, 100 * DAY), { ai: { added: 2, reworked: 2 }, human: { added: 0, reworked: 0 }, pending: { ai: 0, human: 0 } });
  });
});

describe('report: marker lines, statistics, sampling', () => {
  it('reads a marker from one line in the file’s comment syntax', () => {
    assert.deepEqual(readMarkerLine('  // @ai-generated begin id=ABCD12 tool=copilot reviewed-by="Ana B"', 'a.ts'), { kind: 'begin', id: 'abcd12', reviewed: true });
    assert.deepEqual(readMarkerLine('# @ai-generated end id=abcd', 'a.py'), { kind: 'end', id: 'abcd', reviewed: false });
    assert.deepEqual(readMarkerLine('/* @ai-generated end id=abcd */', 'a.css'), { kind: 'end', id: 'abcd', reviewed: false });
    assert.equal(readMarkerLine('# @ai-generated begin id=abcd tool=x', 'a.ts'), undefined, 'wrong comment syntax');
    assert.equal(readMarkerLine('// see @ai-generated begin id=abcd', 'a.ts'), undefined, 'not at the start of the comment');
    assert.equal(readMarkerLine('// @ai-generated begin tool=x', 'a.ts'), undefined, 'no id');
    assert.equal(readMarkerLine('// @ai-generatedbegin id=abcd', 'a.ts'), undefined);
  });

  it('computes ratios, median, nearest-rank percentiles and histograms', () => {
    assert.equal(ratio(1, 0), null);
    assert.equal(ratio(1, 4), 0.25);
    assert.equal(per1000(2, 7), 2000 / 7);
    assert.equal(median([]), null);
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), 9);
    assert.equal(percentile([10, 20], 90), 20);
    assert.deepEqual(
      durationHistogram([0, 3600, 3601, 90 * DAY, 90 * DAY + 1]).map((b) => b.count),
      [2, 1, 0, 0, 0, 0, 1, 1],
    );
  });

  it('counts lines as git does, and puts files in their first- and second-level folders', () => {
    assert.deepEqual([countLines(''), countLines('a'), countLines('a\n'), countLines('a\nb'), countLines('\n\n')], [0, 1, 1, 2, 2]);
    assert.deepEqual(foldersOf('README.md'), [{ folder: '.', depth: 1 }]);
    assert.deepEqual(foldersOf('src/a.ts'), [{ folder: 'src', depth: 1 }]);
    assert.deepEqual(foldersOf('src/x/y/a.ts'), [
      { folder: 'src', depth: 1 },
      { folder: 'src/x', depth: 2 },
    ]);
    assert.equal(layerOf('boundaries/layer-violation'), 'boundaries');
    assert.equal(layerOf('weird'), 'other');
  });

  it('counts nested blocks’ lines once; a line is unreviewed when any block holding it is', () => {
    const text = [
      '// @ai-generated begin id=aaaa tool=x reviewed-by=r',
      'a',
      '// @ai-generated begin id=bbbb tool=y',
      'b',
      '// @ai-generated end id=bbbb',
      '// @ai-generated end id=aaaa',
      'h',
    ].join('\n');
    const c = countFile('n.ts', text);
    assert.deepEqual({ total: c.total, ai: c.ai, markers: c.markers, reviewed: c.reviewed, unreviewed: c.unreviewed }, { total: 7, ai: 4, markers: 4, reviewed: 3, unreviewed: 1 });
  });

  it('samples every commit up to 52, else the newest commit before each week ends', () => {
    const monday = Date.parse('2026-01-05T00:00:00Z') / 1000;
    assert.equal(weekStart(monday + 3 * DAY + 7), monday);
    assert.equal(weekStart(monday - 1), monday - 7 * DAY);
    const few = [{ time: monday }, { time: monday + DAY }];
    assert.deepEqual(sampleCommits(few, undefined), { sampling: 'commit', samples: [{ index: 0, label: '2026-01-05' }, { index: 1, label: '2026-01-06' }] });
    assert.deepEqual(sampleCommits(few, monday + 2 * DAY), { sampling: 'none', samples: [] });
    // 60 commits, one every 2 days from Monday 10:00: weeks hold commits 0–3, 4–6, 7–10…
    const many = Array.from({ length: 60 }, (_x, i) => ({ time: monday + 36000 + 2 * i * DAY }));
    const s = sampleCommits(many, undefined);
    assert.equal(s.sampling, 'week');
    assert.equal(s.samples.length, 17);
    assert.deepEqual(s.samples.slice(0, 3), [
      { index: 3, label: '2026-01-05' },
      { index: 6, label: '2026-01-12' },
      { index: 10, label: '2026-01-19' },
    ]);
    assert.deepEqual(s.samples.at(-1), { index: 59, label: '2026-04-27' });
  });
});

describe('report: OTLP and page helpers', () => {
  it('targets {endpoint}/v1/metrics and reads OTEL headers', () => {
    assert.equal(metricsUrl('http://collector:4318').href, 'http://collector:4318/v1/metrics');
    assert.equal(metricsUrl('https://otel.example/base/').href, 'https://otel.example/base/v1/metrics');
    assert.equal(metricsUrl('http://c:4318/v1/metrics').href, 'http://c:4318/v1/metrics');
    assert.throws(() => metricsUrl('ftp://c'), /http\(s\) URL/);
    assert.deepEqual(envHeaders({ OTEL_EXPORTER_OTLP_HEADERS: 'a=1, b=x%20y', OTEL_EXPORTER_OTLP_METRICS_HEADERS: 'a=2' }), { a: '2', b: 'x y' });
  });

  it('embeds JSON that cannot end its script element', () => {
    const s = scriptJson({ path: '</script><script>alert(1)</script>', c: '<!--', ls: '\u2028' });
    assert.ok(!s.includes('<') && !s.includes('>') && !s.includes('\u2028'), s);
    assert.deepEqual(JSON.parse(s), { path: '</script><script>alert(1)</script>', c: '<!--', ls: '\u2028' });
  });
});
