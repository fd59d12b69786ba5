// `conductor report --sarif`: real SARIF written by a real scanner (Conductor's own `check --format
// sarif`, a SARIF 2.1.0 producer that knows nothing of the split) over a real git repository with AI
// blocks, attributed to AI or human lines. Figures are worked out next to each test.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { runReport } from '../../../client/src/dashboard/run-report';
import { assertCliBuilt, runCli } from '../run-cli';
import { CLI_JS, REPO_ROOT } from '../../helpers/paths';
import type { SarifFinding } from '../../../server/src/report/sarif-read';
import { splitSarif } from '../../../server/src/report/sarif-split';
import type { GovernanceReport } from '../../../server/src/report/schema';
import { RULES, ScriptedRepo } from '../../unit/report/helpers';

const NOW = '2026-03-02T09:00:00Z';

/** a.js: a 2-line AI block with two evals; an eval and a TODO on a human line. */
const A_JS = [
  '// @ai-generated begin id=0a0a01 tool=cursor',
  'const a = eval(x);',
  'const b = eval(y);',
  '// @ai-generated end id=0a0a01',
  'const h = eval(z); // TODO',
  'const i = 1;',
];
const B_JS = ['const q = eval(q);', 'export { q };'];

function scannerSarif(dir: string, out: string): void {
  const r = runCli(['check', '--format', 'sarif', '--output', out, '--fail-on', 'never'], dir);
  assert.equal(r.status, 0, r.stderr);
}

function report(dir: string, ...args: string[]): GovernanceReport {
  const r = runCli(['report', '--format', 'json', '--now', NOW, ...args], dir);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as GovernanceReport;
}

describe('conductor report --sarif (AI vs human split of any scanner)', function () {
  this.timeout(120000);
  let repo: ScriptedRepo;
  let sarif: string;

  before(() => assertCliBuilt());
  beforeEach(() => {
    repo = new ScriptedRepo();
    repo.write('.conductor/rules.jsonc', RULES);
    repo.write('src/a.js', A_JS);
    repo.write('src/b.js', B_JS);
    repo.commit('2026-02-02T10:00:00Z', 'base');
    sarif = path.join(repo.dir, '..', `${path.basename(repo.dir)}.sarif`);
    scannerSarif(repo.dir, sarif);
  });
  afterEach(() => {
    repo.cleanup();
    fs.rmSync(sarif, { force: true });
  });

  it('attributes each result by its region and reports rates per 1,000 AI and human lines', () => {
    const r = report(repo.dir, '--sarif', sarif);
    const s = r.scanners;
    assert.ok(s);
    // Lines: a.js 6 (2 AI, 2 markers, 2 human), b.js 2 human, rules.jsonc 9 human → AI 2, human 13.
    assert.deepEqual(s.lines, { ai: r.aiShare.lines.ai, human: r.aiShare.lines.human });
    assert.equal(s.lines.ai, 2);
    // Results: 2 evals in the AI block; eval + TODO on a.js:5, eval on b.js:1 — human.
    assert.equal(s.results, 5);
    assert.equal(s.ai, 2);
    assert.equal(s.human, 3);
    assert.equal(s.aiPer1000, 1000);
    assert.equal(s.humanPer1000, (3 * 1000) / s.lines.human);
    assert.equal(s.unattributed.total, 0);
    // The same findings, counted by the report itself, land on the same sides.
    assert.equal(s.ai, r.policy.aiRegions.inside);
    assert.equal(s.human, r.policy.aiRegions.outside);
    assert.deepEqual(
      s.byRule.map((x) => [x.tool, x.ruleId, x.ai, x.human]),
      [
        ['Conductor', 'security/no-eval', 2, 2],
        ['Conductor', 'team/todo', 0, 1],
      ],
    );
    assert.deepEqual(
      s.byLevel.map((x) => [x.level, x.ai, x.human]),
      [
        ['error', 2, 2],
        ['warning', 0, 1],
      ],
    );
    assert.deepEqual(s.byTool.map((x) => [x.tool, x.ai, x.human]), [['Conductor', 2, 3]]);
  });

  it('adds up several SARIF files', () => {
    const r = report(repo.dir, '--sarif', sarif, '--sarif', sarif);
    assert.equal(r.scanners?.results, 10);
    assert.equal(r.scanners?.ai, 4);
    assert.deepEqual(r.scanners?.files, [sarif, sarif]);
  });

  it('attributes at the revision the SARIF log names, not at the moved working tree', () => {
    const base = repo.git('rev-parse', 'HEAD').trim();
    const log = JSON.parse(fs.readFileSync(sarif, 'utf8')) as { runs: Record<string, unknown>[] };
    // What CI scanners (CodeQL, upload-sarif) record: the repository and the commit analysed.
    log.runs[0].versionControlProvenance = [{ repositoryUri: 'https://example.invalid/acme/web', revisionId: base }];
    fs.writeFileSync(sarif, JSON.stringify(log));
    // One human line above the block: it now runs from a.js:2 (begin) to a.js:5 (end).
    repo.write('src/a.js', ['const p1 = 1;', ...A_JS]);
    repo.commit('2026-02-03T10:00:00Z', 'moves the block down');
    const at = report(repo.dir, '--sarif', sarif).scanners;
    assert.deepEqual([at?.ai, at?.human, at?.revisions], [2, 3, [base]]);

    log.runs[0].versionControlProvenance = undefined;
    fs.writeFileSync(sarif, JSON.stringify(log));
    const moved = report(repo.dir, '--sarif', sarif).scanners;
    // Without the revision the lines are read in today's file: a.js:2, a.js:3 and both results on a.js:5
    // (the end marker) are in the block; only b.js:1 is human.
    assert.deepEqual([moved?.ai, moved?.human], [4, 1]);
    assert.deepEqual(moved?.revisions, []);
  });

  it('feeds the editor dashboard: its report run passes conductor.report.sarifFiles', async () => {
    const r = (await runReport(CLI_JS, repo.dir, { sarifFiles: [path.relative(repo.dir, sarif)] }).done) as GovernanceReport;
    assert.deepEqual([r.scanners?.ai, r.scanners?.human], [2, 3]);
    await assert.rejects(runReport(CLI_JS, repo.dir, { sarifFiles: ['missing.sarif'] }).done, /Cannot read SARIF file .*missing\.sarif: ENOENT/);
  });

  it('fails closed on a SARIF file it cannot read, parse or place', () => {
    const bad = path.join(repo.dir, 'bad.sarif');
    fs.writeFileSync(bad, '{"version": "2.1.0", "runs": [');
    let r = runCli(['report', '--format', 'json', '--sarif', bad], repo.dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /bad\.sarif is not valid JSON/);

    fs.writeFileSync(bad, JSON.stringify({ version: '2.0.0', runs: [] }));
    r = runCli(['report', '--format', 'json', '--sarif', bad], repo.dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /not a SARIF 2\.1\.0 log/);

    r = runCli(['report', '--format', 'json', '--sarif', path.join(repo.dir, 'missing.sarif')], repo.dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /Cannot read SARIF file .*missing\.sarif: ENOENT/);

    const log = JSON.parse(fs.readFileSync(sarif, 'utf8')) as { runs: Record<string, unknown>[] };
    log.runs[0].versionControlProvenance = [{ repositoryUri: 'https://example.invalid/acme/web', revisionId: 'f'.repeat(40) }];
    fs.writeFileSync(bad, JSON.stringify(log));
    r = runCli(['report', '--format', 'json', '--sarif', bad], repo.dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /produced at commit f{40}, which this clone does not have/);
  });
});

describe('conductor report --sarif on a third-party scanner (secretlint with its SARIF formatter)', function () {
  this.timeout(120000);
  let repo: ScriptedRepo;
  let sarif: string;
  // Made at run time: the repository holds no credential-shaped literal.
  const token = (c: string): string => `ghp_${c.repeat(36)}`;

  before(() => assertCliBuilt());
  beforeEach(() => {
    repo = new ScriptedRepo();
    repo.write('.conductor/rules.jsonc', RULES);
    repo.write('src/keys.js', [
      '// @ai-generated begin id=0b0b01 tool=copilot',
      `const ai = "${token('A')}";`,
      '// @ai-generated end id=0b0b01',
      `const human = "${token('B')}";`,
      `const human2 = "${token('C')}";`,
    ]);
    repo.write('.secretlintrc.json', ['{ "rules": [{ "id": "@secretlint/secretlint-rule-preset-recommend" }] }']);
    repo.commit('2026-02-02T10:00:00Z', 'base');
    sarif = path.join(repo.dir, '..', `${path.basename(repo.dir)}.secretlint.sarif`);
    const formatter = path.join(REPO_ROOT, 'node_modules', '@secretlint', 'secretlint-formatter-sarif', 'module', 'index.js');
    const r = spawnSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'secretlint'), ['src/**/*', '--format', formatter, '--output', sarif], {
      cwd: repo.dir,
      encoding: 'utf8',
    });
    // With --output secretlint exits 0 even when it reports; the test below counts its results.
    assert.ok(r.status === 0 || r.status === 1, `secretlint failed: ${r.stderr}`);
    assert.ok(fs.existsSync(sarif), 'secretlint wrote no SARIF');
  });
  afterEach(() => {
    repo.cleanup();
    fs.rmSync(sarif, { force: true });
  });

  it("splits secretlint's own SARIF: one result on AI lines, two on human lines", () => {
    const log = JSON.parse(fs.readFileSync(sarif, 'utf8')) as { runs: { tool: { driver: { name: string } }; results: unknown[] }[] };
    assert.equal(log.runs[0].tool.driver.name, 'secretlint');
    assert.equal(log.runs[0].results.length, 3);
    const s = report(repo.dir, '--sarif', sarif).scanners;
    assert.ok(s);
    assert.equal(s.results, 3);
    assert.equal(s.ai, 1);
    assert.equal(s.human, 2);
    assert.equal(s.unattributed.total, 0);
    assert.deepEqual(s.byTool.map((t) => [t.tool, t.ai, t.human]), [['secretlint', 1, 2]]);
    assert.equal(s.aiPer1000, (1 * 1000) / s.lines.ai);
    assert.equal(s.humanPer1000, (2 * 1000) / s.lines.human);
  });
});

describe('splitSarif: results it cannot place are counted, never dropped', () => {
  const root = path.resolve('/repo');
  const finding = (file: string | undefined, line: number | undefined): SarifFinding => ({ tool: 'T', ruleId: 'r', level: 'warning', file, line, revision: undefined });
  const regions = new Map([
    ['ai.ts', [{ beginLine: 0, endLine: 3 }]],
    ['human.ts', []],
  ]);
  const lookup = (rel: string): never[] | undefined => regions.get(rel) as never[] | undefined;

  it('sorts results into AI, human and the reasons they are unattributed', () => {
    const s = splitSarif(
      [
        {
          file: 'x.sarif',
          findings: [
            finding(path.join(root, 'ai.ts'), 2),
            finding(path.join(root, 'ai.ts'), 5),
            finding(path.join(root, 'ai.ts'), undefined),
            finding(path.join(root, 'human.ts'), undefined),
            finding(path.join(root, 'ignored.ts'), 1),
            finding(path.resolve('/elsewhere/x.ts'), 1),
            finding(undefined, 1),
          ],
        },
      ],
      { root, lookup, aiLines: 2, humanLines: 500 },
    );
    assert.deepEqual([s.results, s.ai, s.human], [7, 1, 2]);
    assert.deepEqual(s.unattributed, { total: 4, noFile: 1, outsideRoot: 1, notInScope: 1, noLine: 1 });
    assert.equal(s.aiPer1000, 500);
    assert.equal(s.humanPer1000, 4);
  });
});
