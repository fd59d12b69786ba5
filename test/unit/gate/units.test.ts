import * as assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Finding, Severity } from '../../../server/src/engine';
import { applyBaseline, createBaseline, mergeBaseline, parseBaseline, serializeBaseline } from '../../../server/src/engine/baseline/baseline';
import { formatSarif } from '../../../server/src/cli/format/sarif';
import { unifiedDiff } from '../../../server/src/cli/format/unified-diff';
import { progressEnabled } from '../../../server/src/cli/progress';
import { rangeTouches } from '../../../server/src/host/git/changes';
import { parseDiff } from '../../../server/src/host/git/diff';
import { unquote } from '../../../server/src/host/git/quote';
import { workerCount } from '../../../server/src/scan/parallel-scan';
import { sarifValidator } from '../../helpers/sarif-schema';

function finding(ruleId: string, severity: Severity, line: number, properties?: Record<string, unknown>): Finding {
  return {
    ruleId,
    severity,
    message: `${ruleId} here`,
    range: { start: { line, character: 0 }, end: { line, character: 4 } },
    fixes: [],
    ...(properties ? { properties } : {}),
  };
}

describe('gate units: git diff parsing', () => {
  it('tracks new-file line numbers through -U0 and context hunks', () => {
    const diff = [
      'diff --git a/src/a.ts b/src/a.ts',
      'index 1111111..2222222 100644',
      '--- a/src/a.ts',
      '+++ b/src/a.ts',
      '@@ -2 +2,2 @@ function x() {',
      '-old',
      '+new',
      '+added',
      '@@ -10,0 +12 @@',
      '+++ this line starts with pluses',
      '@@ -20,3 +21,3 @@',
      ' context',
      '-gone',
      '+changed',
      ' context',
      'diff --git a/del.ts b/del.ts',
      'deleted file mode 100644',
      '--- a/del.ts',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-x',
      'diff --git a/old name.ts b/new name.ts',
      'similarity index 100%',
      'rename from old name.ts',
      'rename to new name.ts',
      'diff --git "a/t\\303\\253st \\"q\\".ts" "b/t\\303\\253st \\"q\\".ts"',
      'new file mode 100644',
      '--- /dev/null',
      '+++ "b/t\\303\\253st \\"q\\".ts"',
      '@@ -0,0 +1 @@',
      '+x',
      '\\ No newline at end of file',
      'diff --git a/sub b/sub',
      'index 3333333..4444444 160000',
      '--- a/sub',
      '+++ b/sub',
      '@@ -1 +1 @@',
      '-Subproject commit 3333333',
      '+Subproject commit 4444444',
      '',
    ].join('\n');
    const files = parseDiff(diff);
    assert.deepEqual(
      files.map((f) => ({ path: f.path, oldPath: f.oldPath, added: f.added, special: f.special })),
      [
        { path: 'src/a.ts', oldPath: 'src/a.ts', added: [1, 2, 11, 21], special: false },
        { path: undefined, oldPath: 'del.ts', added: [], special: false },
        { path: 'new name.ts', oldPath: 'old name.ts', added: [], special: false },
        { path: 'tëst "q".ts', oldPath: undefined, added: [0], special: false },
        { path: 'sub', oldPath: 'sub', added: [0], special: true },
      ],
    );
  });

  it('unquotes C-style git paths', () => {
    assert.equal(unquote('"a\\tb\\\\c\\"d"'), 'a\tb\\c"d');
    assert.equal(unquote('"\\346\\227\\245.ts"'), '日.ts');
    assert.equal(unquote('plain.ts'), 'plain.ts');
  });

  it('rangeTouches: any line of the range, a column-0 end does not count', () => {
    const lines = [
      [2, 3],
      [10, 10],
    ] as const;
    const r = (a: number, b: number, endChar = 5) => ({ start: { line: a, character: 0 }, end: { line: b, character: endChar } });
    assert.equal(rangeTouches(lines, r(1, 1)), false);
    assert.equal(rangeTouches(lines, r(1, 2)), true);
    assert.equal(rangeTouches(lines, r(3, 3)), true);
    assert.equal(rangeTouches(lines, r(4, 9)), false);
    assert.equal(rangeTouches(lines, r(9, 10, 0)), false);
    assert.equal(rangeTouches(lines, r(9, 10, 1)), true);
    assert.equal(rangeTouches(lines, r(11, 40)), false);
    assert.equal(rangeTouches('all', r(99, 99)), true);
  });
});

describe('gate units: baseline (pure)', () => {
  const files = [
    { relPath: 'b.ts', findings: [finding('team/x', 'warning', 0), finding('org/locked', 'error', 1)], fingerprints: ['f2', 'f3'] },
    { relPath: 'a.ts', findings: [finding('team/y', 'error', 0), finding('team/x', 'error', 0)], fingerprints: ['f1', 'f0'] },
  ];
  const isLocked = (id: string): boolean => id.startsWith('org/');

  it('creates a sorted baseline without locked rules, and round-trips', () => {
    const { baseline, locked } = createBaseline(files, isLocked);
    assert.equal(locked, 1);
    const text = serializeBaseline(baseline);
    assert.equal(
      text,
      [
        '{',
        '  "version": 1,',
        '  "files": {',
        '    "a.ts": [',
        '      { "ruleId": "team/x", "fingerprint": "f0" },',
        '      { "ruleId": "team/y", "fingerprint": "f1" }',
        '    ],',
        '    "b.ts": [',
        '      { "ruleId": "team/x", "fingerprint": "f2" }',
        '    ]',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    assert.deepEqual(parseBaseline(text), baseline);
    assert.equal(serializeBaseline(createBaseline([]).baseline), '{\n  "version": 1,\n  "files": {}\n}\n');
  });

  it('never hides locked findings, even when a hand-edited baseline lists them', () => {
    const baseline = parseBaseline(JSON.stringify({ version: 1, files: { 'b.ts': [{ ruleId: 'team/x', fingerprint: 'f2' }, { ruleId: 'org/locked', fingerprint: 'f3' }] } }));
    const out = applyBaseline(baseline, files, { inScope: () => true, isLocked });
    assert.deepEqual(
      out.files.find((f) => f.relPath === 'b.ts')?.findings.map((x) => x.ruleId),
      ['org/locked'],
    );
    assert.equal(out.known, 1);
    assert.deepEqual(out.stale, []);
    const unlocked = applyBaseline(baseline, files, { inScope: () => true });
    assert.equal(unlocked.known, 2);
  });

  it('stale entries only for files in scope', () => {
    const baseline = parseBaseline(JSON.stringify({ version: 1, files: { 'gone.ts': [{ ruleId: 'team/x', fingerprint: 'zz' }], 'other.ts': [{ ruleId: 'team/x', fingerprint: 'yy' }] } }));
    const out = applyBaseline(baseline, files, { inScope: (p) => p === 'gone.ts' });
    assert.deepEqual(out.stale, [{ path: 'gone.ts', ruleId: 'team/x', fingerprint: 'zz' }]);
    const merged = mergeBaseline(baseline, createBaseline(files).baseline, (p) => p !== 'other.ts');
    assert.deepEqual(Object.keys(merged.files), ['a.ts', 'b.ts', 'other.ts']);
  });

  it('rejects malformed baselines with a reason', () => {
    assert.throws(() => parseBaseline('nope'), /not valid JSON/);
    assert.throws(() => parseBaseline('{"version":2,"files":{}}'), /version/);
    assert.throws(() => parseBaseline('{"version":1,"files":{"a":[{"ruleId":1}]}}'), /entries of "a"/);
  });
});

describe('gate units: SARIF limits and property bags', () => {
  const report = (n: number) => ({
    files: [
      {
        relPath: 'a.ts',
        findings: Array.from({ length: n }, (_x, i) => finding(i % 3 === 0 ? 'security/a' : i % 3 === 1 ? 'team/b' : 'team/c', (['hint', 'warning', 'error'] as const)[i % 3], i)),
        fingerprints: Array.from({ length: n }, (_x, i) => `fp${i}`),
      },
    ],
    skipped: [],
  });
  const base = { toolVersion: '1.2.3', docsBaseUrl: 'https://example.invalid/docs/', rootUri: 'file:///repo/' };

  it('truncates deterministically to the most severe results and warns', () => {
    const warnings: string[] = [];
    const log = JSON.parse(formatSarif(report(9), { ...base, warn: (m) => warnings.push(m), limits: { results: 4, displayedResults: 2 } })) as {
      runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[]; invocations: { toolExecutionNotifications?: unknown[] }[] }[];
    };
    assert.deepEqual(sarifValidator()(log), []);
    const kept = log.runs[0].results.map((r) => `${r.level}@${r.locations[0].physicalLocation.region.startLine}`);
    assert.deepEqual(kept, ['warning@2', 'error@3', 'error@6', 'error@9'], 'errors first, then the earliest warning; report order kept');
    assert.equal(warnings.length, 2);
    assert.match(warnings[0], /9 results exceed GitHub code scanning's limit of 4 per run; kept the 4 most severe \(5 dropped\)/);
    assert.match(warnings[1], /shows only the 2 most severe/);
    assert.equal(log.runs[0].invocations[0].toolExecutionNotifications?.length, 2);
    const again = formatSarif(report(9), { ...base, limits: { results: 4, displayedResults: 2 } });
    assert.equal(again, formatSarif(report(9), { ...base, limits: { results: 4, displayedResults: 2 } }));
  });

  it('drops the least severe rules past the rule limit', () => {
    const warnings: string[] = [];
    const log = JSON.parse(formatSarif(report(6), { ...base, warn: (m) => warnings.push(m), limits: { rules: 2 } })) as {
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string }[] }[];
    };
    assert.deepEqual(
      log.runs[0].tool.driver.rules.map((r) => r.id),
      ['team/b', 'team/c'],
    );
    assert.ok(log.runs[0].results.every((r) => r.ruleId !== 'security/a'));
    assert.match(warnings[0], /3 rules exceed/);
  });

  it('the schema fixture really validates: broken logs are rejected', () => {
    const validate = sarifValidator();
    const good = JSON.parse(formatSarif(report(3), base)) as { version?: string; runs: { results: { level: string }[] }[] };
    assert.deepEqual(validate(good), []);
    const badLevel = structuredClone(good);
    badLevel.runs[0].results[0].level = 'fatal';
    assert.notDeepEqual(validate(badLevel), []);
    const noVersion = structuredClone(good);
    delete noVersion.version;
    assert.notDeepEqual(validate(noVersion), []);
  });

  it('passes Finding.properties (the `ai` bag) through to the result', () => {
    const ai = { regionId: 'a1b2', tool: 'copilot', reviewed: false };
    const log = JSON.parse(
      formatSarif({ files: [{ relPath: 'x.ts', findings: [finding('security/q', 'error', 0, { ai }), finding('team/z', 'info', 1)], fingerprints: ['p', 'q'] }], skipped: [] }, base),
    ) as { runs: { results: { properties?: { ai?: unknown } }[] }[] };
    assert.deepEqual(log.runs[0].results[0].properties, { ai });
    assert.equal(log.runs[0].results[1].properties, undefined);
  });
});

describe('gate units: unified diff for fix --dry-run', () => {
  it('produces a patch that git apply accepts', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-diff-'));
    try {
      const before = Array.from({ length: 40 }, (_x, i) => `line ${i}`).join('\n') + '\n';
      const lines = before.split('\n');
      lines[3] = 'changed 3';
      lines.splice(10, 1);
      lines.splice(30, 0, 'inserted');
      const after = lines.join('\n').replace(/\n$/, ''); // and drop the final newline
      fs.writeFileSync(path.join(dir, 'f.txt'), before);
      const patch = unifiedDiff('f.txt', before, after);
      assert.match(patch, /^--- a\/f\.txt\n\+\+\+ b\/f\.txt\n@@ -1,/);
      assert.match(patch, /\\ No newline at end of file\n$/);
      fs.writeFileSync(path.join(dir, 'p.diff'), patch);
      execFileSync('git', ['apply', 'p.diff'], { cwd: dir, stdio: 'pipe' });
      assert.equal(fs.readFileSync(path.join(dir, 'f.txt'), 'utf8'), after);
      assert.equal(unifiedDiff('f.txt', before, before), '');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('gate units: workers and progress', () => {
  it('uses workers only for large scans unless --jobs says otherwise', () => {
    assert.equal(workerCount(999, undefined), 1);
    assert.equal(workerCount(10_000, undefined), Math.min(os.availableParallelism(), 313));
    assert.equal(workerCount(10_000, 1), 1);
    assert.equal(workerCount(40, 8), 2, 'never more workers than chunks');
    assert.equal(workerCount(10_000, undefined, 27 * 1024 * 1024), 1, 'many small files: one thread');
    assert.equal(workerCount(10_000, 2, 1024), 2, '--jobs wins over the byte count');
  });

  it('no progress bar in CI or when stderr is not a TTY', () => {
    const tty = { isTTY: true } as NodeJS.WriteStream;
    assert.equal(progressEnabled(tty, {}), true);
    assert.equal(progressEnabled(tty, { CI: 'true' }), false);
    assert.equal(progressEnabled(tty, { CI: '1' }), false);
    assert.equal(progressEnabled(tty, { CI: 'false' }), true);
    assert.equal(progressEnabled({ isTTY: false } as NodeJS.WriteStream, {}), false);
  });
});
