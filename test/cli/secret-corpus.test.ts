import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assertCliBuilt, runCli } from './run-cli';
import { secretCorpus, writeSecretCorpus, type CorpusSample } from '../unit/rulesets/secret-corpus';

interface JsonReport {
  results: { path: string; findings: { ruleId: string; line: number; endLine: number }[] }[];
}

/** Recall and false-positive rate of conductor:secrets on the labelled corpus, through the built CLI. */
describe('conductor:secrets on the labelled corpus (built dist/cli.js)', function () {
  this.timeout(120_000);
  const samples = secretCorpus();
  let dir: string;
  let config: string;
  let json = '';

  const check = (format: string): string => {
    const r = runCli(['check', '--format', format, '--fail-on', 'never', '--no-gitignore', '--cwd', dir, '--config', config], dir);
    assert.equal(r.status, 0, r.stderr);
    return r.stdout + r.stderr;
  };

  before(() => {
    assertCliBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-secrets-corpus-'));
    writeSecretCorpus(path.join(dir, 'corpus'), samples);
    dir = path.join(dir, 'corpus');
    config = path.join(dir, '..', 'rules.json');
    fs.writeFileSync(config, JSON.stringify({ extends: ['conductor:secrets'] }));
  });

  after(() => {
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('has positives and negatives across file types', () => {
    const types = (label: string) => new Set(samples.filter((s) => s.label === label).map((s) => path.extname(s.path) || path.basename(s.path)));
    assert.ok(samples.filter((s) => s.label === 'positive').length >= 100);
    assert.ok(samples.filter((s) => s.label === 'negative').length >= 60);
    for (const t of ['.txt', '.yaml', '.json', '.env', '.py', '.ts', '.md', 'Dockerfile', '.sh', '.tf', '.properties', '.xml']) {
      assert.ok(types('positive').has(t), `no positive ${t}`);
    }
  });

  it('finds ≥ 85% of the positives on their line and flags ≤ 3% of the negatives', () => {
    json = check('json');
    const report = JSON.parse(json) as JsonReport;
    const byPath = new Map(report.results.map((r) => [r.path.split(path.sep).join('/'), r.findings]));
    const found = (s: CorpusSample) => (byPath.get(s.path) ?? []).some((f) => f.line - 1 <= s.line! && s.line! <= f.endLine - 1);
    const positives = samples.filter((s) => s.label === 'positive');
    const negatives = samples.filter((s) => s.label === 'negative');
    const missed = positives.filter((s) => !found(s)).map((s) => s.name);
    const flagged = negatives.filter((s) => (byPath.get(s.path) ?? []).length > 0).map((s) => `${s.name} ${byPath.get(s.path)!.map((f) => f.ruleId).join(',')}`);
    const recall = (positives.length - missed.length) / positives.length;
    const fpRate = flagged.length / negatives.length;
    assert.ok(recall >= 0.85, `recall ${(100 * recall).toFixed(1)}%; missed: ${missed.join(', ')}`);
    assert.ok(fpRate <= 0.03, `false positives ${(100 * fpRate).toFixed(1)}%: ${flagged.join('; ')}`);
  });

  it('never prints a planted secret, in any output format', () => {
    const secrets = samples.flatMap((s) => (s.secret ? [s.secret] : []));
    assert.ok(json, 'the JSON report comes from the previous test');
    for (const [format, out] of [['json', json], ...['text', 'sarif'].map((f) => [f, check(f)])]) {
      const leaked = secrets.filter((s) => out.includes(s) || out.includes(s.slice(-10)));
      assert.deepEqual(leaked.map((s) => `${s.slice(0, 4)}…(${s.length})`), [], `${format} output leaks`);
    }
  });
});
