// `conductor report` (built CLI) on real git repositories with scripted, dated histories. Every
// expected figure is worked out by hand in history-fixture.ts or next to the test.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { assertCliBuilt, runCli, runCliAsync } from '../run-cli';
import { REPO_ROOT } from '../../helpers/paths';
import type { GovernanceReport } from '../../../server/src/report/schema';
import { RULES, ScriptedRepo } from '../../unit/report/helpers';
import { writeGovernanceHistory } from '../../unit/report/history-fixture';

const NOW = '2026-03-02T09:00:00Z';
const DAY = 86400;

function report(dir: string, ...args: string[]): GovernanceReport {
  const r = runCli(['report', '--format', 'json', '--now', NOW, ...args], dir);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as GovernanceReport;
}

/** Keys of objects (sorted) and the shape of arrays' first items, down to the leaves. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) {
    return v.length > 0 ? [shape(v[0])] : [];
  }
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, shape((v as Record<string, unknown>)[k])]),
    );
  }
  return 'value';
}

describe('conductor report (built CLI, scripted git history)', function () {
  this.timeout(120000);
  let repo: ScriptedRepo;
  let r: GovernanceReport;

  before(() => {
    assertCliBuilt();
    repo = new ScriptedRepo();
    writeGovernanceHistory(repo);
    r = report(repo.dir);
  });
  after(() => repo.cleanup());

  it('measures the AI share of the working tree, by folder, language and tool', () => {
    // HEAD: app.ts 12 human; gen.ts 2 human + A 3 AI + 2 markers; b.ts 1 human + B 2 AI + 2 markers; gen2.ts C 2 AI + 2 markers.
    assert.deepEqual(r.aiShare.lines, { total: 28, ai: 7, human: 15, markers: 6 });
    assert.equal(r.aiShare.share, 7 / 22);
    assert.deepEqual(r.aiShare.files, { total: 4, withAi: 3 });
    assert.equal(r.aiShare.blocks, 3);
    assert.deepEqual(r.aiShare.byFolder, [
      { folder: 'src', depth: 1, total: 28, ai: 7, human: 15, share: 7 / 22 },
      { folder: 'src/ai', depth: 2, total: 11, ai: 5, human: 2, share: 5 / 7 },
      { folder: 'src/feature', depth: 2, total: 5, ai: 2, human: 1, share: 2 / 3 },
    ]);
    assert.deepEqual(r.aiShare.byLanguage, [{ language: 'typescript', total: 28, ai: 7, human: 15, share: 7 / 22 }]);
    assert.deepEqual(r.aiShare.byTool, [
      { tool: 'copilot', blocks: 2, ai: 5 },
      { tool: 'claude', blocks: 1, ai: 2 },
    ]);
  });

  it('traces the AI share at every commit of a short history, from git objects', () => {
    const shas = repo.git('rev-list', '--reverse', '--first-parent', 'HEAD').trim().split('\n');
    assert.equal(r.aiShare.trend.sampling, 'commit');
    assert.deepEqual(
      r.aiShare.trend.points.map((p) => [p.date, p.time, p.commit, p.total, p.ai, p.markers, p.human, p.share]),
      [
        ['2026-01-05', '2026-01-05T10:00:00.000Z', shas[0], 23, 4, 2, 17, 4 / 21],
        ['2026-01-08', '2026-01-08T10:00:00.000Z', shas[1], 22, 3, 2, 17, 3 / 20],
        ['2026-01-12', '2026-01-12T10:00:00.000Z', shas[2], 28, 6, 4, 18, 6 / 24],
        ['2026-01-20', '2026-01-20T10:00:00.000Z', shas[3], 27, 5, 4, 18, 5 / 23],
        ['2026-02-02', '2026-02-02T10:00:00.000Z', shas[4], 26, 7, 6, 13, 7 / 20],
        ['2026-03-02', '2026-03-02T10:00:00.000Z', shas[5], 28, 7, 6, 15, 7 / 22],
      ],
    );
    assert.deepEqual(
      { git: r.repository.git, head: r.repository.head, branch: r.repository.branch, shallow: r.repository.shallow, commits: r.repository.commits, first: r.repository.firstCommitAt, headAt: r.repository.headCommitAt },
      { git: true, head: shas[5], branch: 'main', shallow: false, commits: 6, first: '2026-01-05T10:00:00.000Z', headAt: '2026-03-02T10:00:00.000Z' },
    );
  });

  it('splits AI lines into reviewed and unreviewed, with the age of unreviewed blocks', () => {
    assert.deepEqual(r.review.lines, { reviewed: 5, unreviewed: 2 });
    assert.equal(r.review.reviewedShare, 5 / 7);
    assert.deepEqual(r.review.blocks, { reviewed: 2, unreviewed: 1 });
    // Block C: at=2026-02-02T09:00Z, now 2026-03-02T09:00Z.
    assert.equal(r.review.unreviewedAge.medianDays, 28);
    assert.equal(r.review.unreviewedAge.blocks, 1);
    assert.equal(r.review.unreviewedAge.withoutAt, 0);
    assert.deepEqual(
      r.review.unreviewedAge.histogram.filter((b) => b.count > 0).map((b) => b.label),
      ['<=30d'],
    );
  });

  it('compares the rework of AI and human lines within 14 days', () => {
    assert.deepEqual(r.rework, {
      windowDays: 14,
      referenceTime: '2026-03-02T10:00:00.000Z',
      ai: { added: 10, reworked: 3, rate: 0.3 },
      human: { added: 20, reworked: 1, rate: 0.05 },
      pending: { ai: 0, human: 2 },
    });
  });

  it('takes the window boundary as inclusive (--rework-days)', () => {
    // C2 is exactly 3 days after C1: its changes to C1's lines count with 3 days, not with 2.
    const three = report(repo.dir, '--rework-days', '3').rework;
    assert.deepEqual([three.ai, three.human], [
      { added: 10, reworked: 2, rate: 0.2 },
      { added: 20, reworked: 1, rate: 0.05 },
    ]);
    const two = report(repo.dir, '--rework-days', '2').rework;
    assert.deepEqual([two.ai.reworked, two.human.reworked, two.pending.human], [0, 0, 2]);
  });

  it('measures review lead time from a block’s first commit to its reviewed-by commit', () => {
    // A: C1 → C4 = 15 days; B: C3 → C5 = 21 days; C: not reviewed.
    assert.deepEqual(
      { blocks: r.leadTime.blocks, reviewed: r.leadTime.reviewed, pending: r.leadTime.pending, median: r.leadTime.medianSeconds, p90: r.leadTime.p90Seconds },
      { blocks: 3, reviewed: 2, pending: 1, median: 18 * DAY, p90: 21 * DAY },
    );
  });

  it('counts findings like the gate, by rule, severity and layer, inside and outside AI blocks', () => {
    const check = runCli(['check', '--format', 'json'], repo.dir);
    const gate = (JSON.parse(check.stdout) as { results: { findings: unknown[] }[] }).results.reduce((n, f) => n + f.findings.length, 0);
    assert.equal(r.policy.findings.total, gate);
    assert.deepEqual(r.policy, {
      files: { checked: 4, skipped: 0 },
      findings: {
        total: 3,
        baselined: 0,
        bySeverity: { error: 2, warning: 1, info: 0, hint: 0 },
        byLayer: [
          { layer: 'secrets', count: 1 },
          { layer: 'security', count: 1 },
          { layer: 'team', count: 1 },
        ],
        byRule: [
          { ruleId: 'secrets/fake-key', layer: 'secrets', severity: 'error', count: 1 },
          { ruleId: 'security/no-eval', layer: 'security', severity: 'error', count: 1 },
          { ruleId: 'team/todo', layer: 'team', severity: 'warning', count: 1 },
        ],
      },
      // eval( in block A and the TODO in block C are inside; the fake key in app.ts is outside.
      aiRegions: { inside: 2, outside: 1, insidePer1000: 2000 / 7, outsidePer1000: 1000 / 15 },
      secrets: 1,
      boundaryViolations: 0,
    });
  });

  it('limits the history metrics to --since, not the working tree', () => {
    const s = report(repo.dir, '--since', '2026-01-12');
    assert.equal(s.options.since, '2026-01-12T00:00:00.000Z');
    assert.deepEqual(s.aiShare.lines, r.aiShare.lines);
    assert.deepEqual(
      s.aiShare.trend.points.map((p) => p.date),
      ['2026-01-12', '2026-01-20', '2026-02-02', '2026-03-02'],
    );
    // Cohort C3–C5: AI 3 + 0 + 2 added, b1 reworked; human 1 + 1 + 0, none reworked.
    assert.deepEqual([s.rework.ai, s.rework.human], [
      { added: 5, reworked: 1, rate: 0.2 },
      { added: 2, reworked: 0, rate: 0 },
    ]);
    assert.deepEqual([s.leadTime.blocks, s.leadTime.reviewed, s.leadTime.medianSeconds], [2, 1, 21 * DAY]);
  });

  it('reports a subfolder of a repository with paths and history relative to it', () => {
    const s = report(path.join(repo.dir, 'src'));
    assert.deepEqual(
      s.aiShare.byFolder.map((f) => f.folder),
      ['.', 'ai', 'feature'],
    );
    // lib/util.py is outside: C1 has 18 lines in src/, and its 5 human lines are not in the cohort.
    assert.equal(s.aiShare.trend.points[0].total, 18);
    assert.deepEqual([s.rework.ai, s.rework.human], [
      { added: 10, reworked: 3, rate: 0.3 },
      { added: 15, reworked: 1, rate: 1 / 15 },
    ]);
  });

  it('says when a shallow clone cuts the history short', () => {
    const clone = new ScriptedRepo({ init: false });
    try {
      clone.git('clone', '-q', '--depth', '2', `file://${repo.dir}`, 'c');
      const dir = path.join(clone.dir, 'c');
      const s = report(dir);
      assert.deepEqual([s.repository.shallow, s.repository.commits, s.aiShare.trend.points.length], [true, 2, 2]);
      assert.match(runCli(['report'], dir).stdout, /Note: a shallow clone/);
    } finally {
      clone.cleanup();
    }
  });

  it('keeps a documented, stable JSON shape (docs/metrics.md)', () => {
    assert.equal(r.schemaVersion, 1);
    assert.deepEqual(Object.keys(r), ['schemaVersion', 'tool', 'generatedAt', 'repository', 'options', 'aiShare', 'review', 'rework', 'leadTime', 'policy', 'scanners']);
    assert.strictEqual(r.scanners, null, 'no --sarif, no scanner split');
    assert.deepEqual(Object.keys(r.aiShare), ['lines', 'share', 'files', 'blocks', 'byFolder', 'byLanguage', 'byTool', 'trend']);
    assert.deepEqual(Object.keys(r.review), ['lines', 'reviewedShare', 'blocks', 'unreviewedAge']);
    assert.deepEqual(Object.keys(r.rework), ['windowDays', 'referenceTime', 'ai', 'human', 'pending']);
    assert.deepEqual(Object.keys(r.leadTime), ['blocks', 'reviewed', 'pending', 'medianSeconds', 'p90Seconds', 'histogram']);
    assert.deepEqual(Object.keys(r.policy), ['files', 'findings', 'aiRegions', 'secrets', 'boundaryViolations']);
    const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'metrics.md'), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(doc);
    assert.ok(example, 'docs/metrics.md has a JSON example');
    assert.deepEqual(shape(r), shape(JSON.parse(example[1])), 'the documented example has exactly the keys of a real report');
  });

  it('prints a text summary by default', () => {
    const out = runCli(['report', '--now', NOW], repo.dir);
    assert.equal(out.status, 0, out.stderr);
    assert.match(out.stdout, /AI share {9}31\.8% {2}\(7 AI \/ 22 lines, 3 blocks in 3 of 4 files\)/);
    assert.match(out.stdout, /Rework \(14 d\) {6}AI 30\.0% \(3\/10\) {2}vs {2}human 5\.0% \(1\/20\)/);
    assert.match(out.stdout, /Review lead time median 18\.0 d, p90 21\.0 d \(2 of 3 blocks reviewed\)/);
  });

  it('rejects bad options with exit code 2', () => {
    for (const args of [['--format', 'xml'], ['--rework-days', '0'], ['--since', 'yesterday-ish'], ['--otlp-endpoint', 'ftp://x'], ['--cwd', path.join(repo.dir, 'nope')]]) {
      const out = runCli(['report', ...args], repo.dir);
      assert.equal(out.status, 2, `${args.join(' ')}: ${out.stderr}`);
      assert.match(out.stderr, /^conductor: /);
    }
  });
});

describe('conductor report: renames, whitespace, merges, long histories, no git', function () {
  this.timeout(120000);
  before(() => assertCliBuilt());

  it('follows a rename and ignores whitespace-only changes', () => {
    const repo = new ScriptedRepo();
    try {
      repo.write('.conductor/rules.jsonc', RULES);
      const block = (l2: string, l3: string): string[] => ['// @ai-generated begin id=0a0a01 tool=cursor', 'const l1 = 1;', l2, l3, 'const l4 = 4;', '// @ai-generated end id=0a0a01', 'const h = 0;'];
      repo.write('src/old.ts', block('const l2 = 2;', 'const l3 = 3;'));
      repo.commit('2026-01-05T10:00:00Z');
      repo.remove('src/old.ts');
      repo.write('lib/new.ts', block('const l2 = 22;', '    const l3 = 3;'));
      repo.commit('2026-01-06T10:00:00Z');
      repo.write('z.txt', ['unrelated']);
      repo.commit('2026-02-01T10:00:00Z');
      const r = report(repo.dir);
      // Only l2 was changed: the move is not rework, nor is re-indenting l3.
      assert.deepEqual([r.rework.ai, r.rework.human, r.rework.pending], [
        { added: 5, reworked: 1, rate: 0.2 },
        { added: 1, reworked: 0, rate: 0 },
        { ai: 0, human: 1 },
      ]);
      assert.deepEqual(
        r.aiShare.byFolder.map((f) => [f.folder, f.ai]),
        [
          ['.', 0],
          ['lib', 4],
        ],
      );
    } finally {
      repo.cleanup();
    }
  });

  it('reads CRLF files and lines with a stray carriage return', () => {
    const repo = new ScriptedRepo();
    try {
      const crlf = (a2: string): string => ['// @ai-generated begin id=c7c7c7 tool=copilot', 'const a1 = 1;', a2, '// @ai-generated end id=c7c7c7', 'const h = 1;', ''].join('\r\n');
      repo.write('a.ts', crlf('const a2 = 2;'));
      repo.write('b.txt', 'one\rline\n');
      repo.commit('2026-01-05T10:00:00Z');
      repo.write('a.ts', crlf('const a2 = 3;'));
      repo.commit('2026-01-06T10:00:00Z');
      repo.write('z.txt', ['later']);
      repo.commit('2026-02-01T10:00:00Z');
      const r = report(repo.dir);
      assert.deepEqual(
        r.aiShare.trend.points.map((p) => [p.total, p.ai]),
        [
          [6, 2],
          [6, 2],
          [7, 2],
        ],
      );
      assert.deepEqual([r.rework.ai, r.rework.human], [
        { added: 3, reworked: 1, rate: 1 / 3 },
        { added: 2, reworked: 0, rate: 0 },
      ]);
    } finally {
      repo.cleanup();
    }
  });

  it('replays the first-parent history: a merged branch’s lines arrive with the merge', () => {
    const repo = new ScriptedRepo();
    try {
      repo.write('a.ts', ['const x = 1;']);
      repo.commit('2026-01-05T10:00:00Z');
      repo.git('checkout', '-q', '-b', 'feat');
      repo.write('b.ts', ['// @ai-generated begin id=1234ab tool=claude', 'const b1 = 1;', 'const b2 = 2;', '// @ai-generated end id=1234ab']);
      repo.commit('2026-01-06T10:00:00Z');
      repo.git('checkout', '-q', 'main');
      repo.write('a.ts', ['const x = 2;']);
      repo.commit('2026-01-07T10:00:00Z');
      repo.gitAt('2026-01-09T10:00:00Z', 'merge', '-q', '--no-ff', '-m', 'merge feat', 'feat');
      repo.write('b.ts', ['// @ai-generated begin id=1234ab tool=claude reviewed-by=lead', 'const b1 = 1;', 'const b2 = 2;', '// @ai-generated end id=1234ab']);
      repo.commit('2026-01-10T10:00:00Z');
      const r = report(repo.dir, '--rework-days', '1');
      assert.equal(r.repository.commits, 4);
      assert.deepEqual(
        r.aiShare.trend.points.map((p) => [p.date, p.ai]),
        [
          ['2026-01-05', 0],
          ['2026-01-07', 0],
          ['2026-01-09', 2],
          ['2026-01-10', 2],
        ],
      );
      // First seen at the merge (not on the branch), reviewed a day later.
      assert.deepEqual([r.leadTime.blocks, r.leadTime.medianSeconds], [1, DAY]);
      assert.deepEqual([r.rework.ai, r.rework.human], [
        { added: 2, reworked: 0, rate: 0 },
        { added: 2, reworked: 0, rate: 0 },
      ]);
    } finally {
      repo.cleanup();
    }
  });

  it('samples one commit per week in a long history, the commit git rev-list --before picks', () => {
    const repo = new ScriptedRepo();
    try {
      const start = Date.parse('2026-01-05T10:00:00Z');
      const aiFile = (k: number): string => ['// @ai-generated begin id=77aa77 tool=copilot', ...Array.from({ length: k }, (_x, j) => `export const a${j} = ${j};`), '// @ai-generated end id=77aa77', ''].join('\n');
      repo.fastImport(
        Array.from({ length: 60 }, (_x, i) => ({
          iso: new Date(start + i * 2 * DAY * 1000).toISOString(),
          files: {
            'log.txt': Array.from({ length: i + 1 }, (_y, j) => `line ${j}`).join('\n') + '\n',
            ...(i % 10 === 0 ? { 'src/ai.ts': aiFile(i / 10 + 1) } : {}),
          },
        })),
      );
      const r = report(repo.dir);
      const t = r.aiShare.trend;
      assert.equal(t.sampling, 'week');
      assert.equal(t.points.length, 17);
      // Week of 2026-01-05: commits 0–3; commit 3 has 4 log lines and a 1-line block.
      assert.deepEqual(
        [t.points[0].date, t.points[0].total, t.points[0].ai, t.points[0].markers, t.points[0].human, t.points[0].share],
        ['2026-01-05', 7, 1, 2, 4, 0.2],
      );
      const last = t.points[16];
      assert.deepEqual([last.date, last.total, last.ai, last.human, last.share], ['2026-04-27', 68, 6, 60, 6 / 66]);
      for (const p of t.points) {
        const end = new Date(Date.parse(`${p.date}T00:00:00Z`) + 7 * DAY * 1000).toISOString();
        assert.equal(p.commit, repo.git('rev-list', '--first-parent', `--before=${end}`, '-1', 'HEAD').trim(), `week of ${p.date}`);
      }
    } finally {
      repo.cleanup();
    }
  });

  it('reports a folder without git: working-tree figures, empty history figures, baselined findings', () => {
    const repo = new ScriptedRepo({ init: false });
    try {
      repo.write('.conductor/rules.jsonc', RULES);
      repo.write('src/x.ts', ['// @ai-generated begin id=5555aa tool=copilot', 'export const k = "FAKEKEY0001";', '// @ai-generated end id=5555aa', 'export const h = 1; // TODO']);
      assert.equal(runCli(['baseline'], repo.dir).status, 0);
      const r = report(repo.dir);
      assert.deepEqual(r.repository, { name: path.basename(repo.dir), team: null, root: repo.dir, git: false, head: null, branch: null, shallow: false, commits: 0, firstCommitAt: null, headCommitAt: null });
      assert.deepEqual(r.aiShare.lines, { total: 4, ai: 1, human: 1, markers: 2 });
      assert.deepEqual(r.aiShare.trend, { sampling: 'none', points: [] });
      assert.deepEqual(r.rework, { windowDays: 14, referenceTime: null, ai: { added: 0, reworked: 0, rate: null }, human: { added: 0, reworked: 0, rate: null }, pending: { ai: 0, human: 0 } });
      assert.deepEqual([r.leadTime.blocks, r.leadTime.medianSeconds, r.leadTime.p90Seconds], [0, null, null]);
      assert.deepEqual([r.policy.findings.total, r.policy.findings.baselined, r.policy.aiRegions.inside, r.policy.aiRegions.outside], [2, 2, 1, 1]);
      // The unreviewed block has no at=: no age.
      assert.deepEqual([r.review.unreviewedAge.blocks, r.review.unreviewedAge.withoutAt, r.review.unreviewedAge.medianDays], [0, 1, null]);
    } finally {
      repo.cleanup();
    }
  });
});

describe('conductor report --otlp-endpoint', function () {
  this.timeout(120000);
  let repo: ScriptedRepo;
  let server: http.Server;
  let answer = 200;
  const received: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

  before(async () => {
    assertCliBuilt();
    repo = new ScriptedRepo();
    writeGovernanceHistory(repo);
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(answer, { 'content-type': 'application/json' });
        res.end(answer === 200 ? '{}' : '{"error":"nope"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  after(async () => {
    repo.cleanup();
    await new Promise((resolve) => server.close(resolve));
  });

  interface DataPoint {
    attributes: { key: string; value: { stringValue?: string } }[];
    asDouble?: number;
    asInt?: string;
    timeUnixNano: string;
  }
  interface OtlpBody {
    resourceMetrics: {
      resource: { attributes: { key: string; value: { stringValue?: string } }[] };
      scopeMetrics: { scope: { name: string }; metrics: { name: string; unit: string; gauge: { dataPoints: DataPoint[] } }[] }[];
    }[];
  }
  const attrs = (p: DataPoint): Record<string, string | undefined> => Object.fromEntries(p.attributes.map((a) => [a.key, a.value.stringValue]));

  it('POSTs the headline figures as OTLP/HTTP JSON gauges to {endpoint}/v1/metrics', async () => {
    const port = (server.address() as AddressInfo).port;
    received.length = 0;
    answer = 200;
    const out = await runCliAsync(['report', '--format', 'json', '--now', NOW, '--otlp-endpoint', `http://127.0.0.1:${port}/collector`], repo.dir, { env: { OTEL_EXPORTER_OTLP_HEADERS: 'x-team=governance' } });
    assert.equal(out.status, 0, out.stderr);
    assert.equal(received.length, 1);
    const req = received[0];
    assert.equal(req.method, 'POST');
    assert.equal(req.url, '/collector/v1/metrics');
    assert.equal(req.headers['content-type'], 'application/json');
    assert.equal(req.headers['x-team'], 'governance');
    const body = JSON.parse(req.body) as OtlpBody;
    const rm = body.resourceMetrics[0];
    const name = path.basename(repo.dir);
    assert.deepEqual(
      rm.resource.attributes.filter((a) => a.key === 'service.name' || a.key === 'repo'),
      [
        { key: 'service.name', value: { stringValue: 'conductor' } },
        { key: 'repo', value: { stringValue: name } },
      ],
    );
    assert.equal(rm.scopeMetrics[0].scope.name, 'conductor.report');
    const metric = (n: string): DataPoint[] => {
      const m = rm.scopeMetrics[0].metrics.find((x) => x.name === n);
      assert.ok(m, `metric ${n}`);
      return m.gauge.dataPoints;
    };
    const share = metric('conductor.ai.share');
    assert.deepEqual(
      share.map((p) => [attrs(p), p.asDouble]),
      [
        [{ repo: name }, 7 / 22],
        [{ repo: name, folder: 'src' }, 7 / 22],
      ],
    );
    assert.match(share[0].timeUnixNano, /^\d{19}$/);
    assert.deepEqual(
      metric('conductor.rework.rate').map((p) => [attrs(p).origin, p.asDouble]),
      [
        ['ai', 0.3],
        ['human', 0.05],
      ],
    );
    assert.deepEqual(
      metric('conductor.review.lines').map((p) => [attrs(p).status, p.asInt]),
      [
        ['reviewed', '5'],
        ['unreviewed', '2'],
      ],
    );
    assert.deepEqual(
      metric('conductor.lead_time').map((p) => [attrs(p).quantile, p.asDouble]),
      [
        ['p50', 18 * DAY],
        ['p90', 21 * DAY],
      ],
    );
    assert.deepEqual(
      metric('conductor.findings').map((p) => [attrs(p).layer, p.asInt]),
      [
        [undefined, '3'],
        ['secrets', '1'],
        ['security', '1'],
        ['team', '1'],
      ],
    );
    // The report itself still goes to stdout.
    assert.equal((JSON.parse(out.stdout) as GovernanceReport).aiShare.share, 7 / 22);
  });

  it('fails with exit code 2 when the collector refuses the export', async () => {
    const port = (server.address() as AddressInfo).port;
    received.length = 0;
    answer = 500;
    const out = await runCliAsync(['report', '--format', 'json', '--otlp-endpoint', `http://127.0.0.1:${port}`], repo.dir);
    assert.equal(out.status, 2);
    assert.equal(received[0]?.url, '/v1/metrics');
    assert.match(out.stderr, /OTLP export failed: .*answered 500/);
  });
});
