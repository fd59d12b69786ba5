import * as assert from 'node:assert/strict';
import { assertCliBuilt } from '../run-cli';
import { summarize, TempRepo } from './helpers';

interface SarifLite {
  runs: { results: { ruleId: string; partialFingerprints?: Record<string, string>; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
}

describe('gate: baselines', function () {
  this.timeout(60_000);
  let repo: TempRepo;

  before(assertCliBuilt);
  beforeEach(() => {
    repo = new TempRepo({
      'src/a.js': 'eval(1);\nconst ok = 1;\neval(1);\n',
      'src/b.js': 'var x = 1;\n// TODO\n',
      'src/clean.js': 'ok();\n',
    });
    repo.commitAll('base');
  });
  afterEach(() => repo.remove());

  it('writes a sorted, timestamp-free baseline that is byte-identical when nothing changed', () => {
    const r = repo.run('baseline');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /Wrote \.conductor\/baseline\.json: 4 known findings in 2 files/);
    const first = repo.read('.conductor/baseline.json');
    const data = JSON.parse(first) as { version: number; files: Record<string, { ruleId: string; fingerprint: string }[]> };
    assert.equal(data.version, 1);
    assert.deepEqual(Object.keys(data.files), ['src/a.js', 'src/b.js']);
    assert.deepEqual(
      data.files['src/b.js'].map((e) => e.ruleId),
      ['team/no-var', 'team/todo'],
    );
    assert.equal(data.files['src/a.js'].length, 2, 'two identical lines get distinct fingerprints');
    assert.notEqual(data.files['src/a.js'][0].fingerprint, data.files['src/a.js'][1].fingerprint);
    assert.doesNotMatch(first, /20\d\d-|time|date/i);
    repo.run('baseline');
    assert.equal(repo.read('.conductor/baseline.json'), first);
  });

  it('hides known findings, reports new ones, and flags fixed ones as stale without failing', () => {
    repo.run('baseline');
    let r = repo.json('check');
    assert.deepEqual(summarize(r), []);
    assert.equal(r.status, 0);
    assert.equal(r.summary.known, 4);
    assert.equal(r.summary.stale, 0);

    repo.write('src/clean.js', 'ok();\neval(2);\n'); // new
    repo.write('src/b.js', 'let x = 1;\n// TODO\n'); // no-var fixed: stale
    r = repo.json('check');
    assert.deepEqual(summarize(r), ['src/clean.js:2 security/no-eval']);
    assert.equal(r.status, 1);
    assert.equal(r.summary.known, 3);
    assert.equal(r.summary.stale, 1);
    assert.deepEqual(
      r.baseline?.stale.map((s) => `${s.path} ${s.ruleId}`),
      ['src/b.js team/no-var'],
    );
    assert.match(r.stderr, /1 baseline entry is stale/);

    repo.write('src/clean.js', 'ok();\n');
    r = repo.json('check');
    assert.equal(r.status, 0, 'stale entries never fail the gate');
    assert.equal(r.summary.stale, 1);
    const text = repo.run('check');
    assert.match(text.stdout, /Baseline \.conductor\/baseline\.json: 3 known findings hidden, 1 stale entry\./);
    assert.equal(text.status, 0);
  });

  it('treats entries of deleted files as stale, and --fail-on warning still ignores known findings', () => {
    repo.run('baseline');
    repo.git('rm', '-q', 'src/a.js');
    const r = repo.json('check', '--fail-on', 'warning');
    assert.equal(r.status, 0);
    assert.equal(r.summary.stale, 2);
  });

  it('keeps fingerprints when unrelated lines above a finding change', () => {
    repo.run('baseline');
    const sarifBefore = JSON.parse(repo.run('check', '--format', 'sarif', '--no-baseline').stdout) as SarifLite;
    repo.write('src/a.js', '// a new header\n// and another line\n\neval(1);\nconst ok = 2;\n\n\neval(1);\n');
    const r = repo.json('check');
    assert.deepEqual(summarize(r), []);
    assert.equal(r.summary.known, 4);
    assert.equal(r.summary.stale, 0);
    const sarifAfter = JSON.parse(repo.run('check', '--format', 'sarif', '--no-baseline').stdout) as SarifLite;
    const prints = (s: SarifLite): string[] => s.runs[0].results.map((x) => `${x.ruleId} ${x.partialFingerprints?.['conductorFingerprint/v1']}`);
    assert.deepEqual(prints(sarifAfter), prints(sarifBefore));
    assert.deepEqual(
      sarifAfter.runs[0].results.map((x) => x.locations[0].physicalLocation.region.startLine),
      [4, 8, 1, 2],
    );
  });

  it('--no-baseline reports everything; --baseline FILE uses another file; errors exit 2', () => {
    repo.run('baseline', '--output', 'ci/accepted.json');
    assert.equal(repo.exists('.conductor/baseline.json'), false);
    // ("no-var" in the baseline file matches the team/no-var pattern: a baseline in use is never checked)
    assert.equal(repo.json('check').status, 1, 'the default file does not exist: no baseline');
    assert.equal(repo.json('check', '--baseline', 'ci/accepted.json').status, 0, 'known findings hidden, and the baseline itself is not checked');
    repo.run('baseline');
    assert.deepEqual(
      repo.json('check', '--no-baseline').results.map((f) => f.path),
      ['ci/accepted.json', 'src/a.js', 'src/b.js'],
      'a baseline file not in use is checked like any file',
    );
    assert.equal(repo.run('check', '--baseline', 'missing.json').status, 2);
    repo.write('bad.json', '{"version": 7}');
    const bad = repo.run('check', '--baseline', 'bad.json');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /Baseline bad\.json is not valid/);
    assert.equal(repo.run('check', '--baseline', 'ci/accepted.json', '--no-baseline').status, 2);
  });

  it('baseline with paths replaces only their entries', () => {
    repo.run('baseline');
    repo.write('src/b.js', 'ok();\n');
    repo.write('src/a.js', 'eval(1);\n');
    repo.run('baseline', 'src/b.js');
    const data = JSON.parse(repo.read('.conductor/baseline.json')) as { files: Record<string, unknown[]> };
    assert.deepEqual(Object.keys(data.files), ['src/a.js']);
    assert.equal(data.files['src/a.js'].length, 2, 'a.js was not in scope: kept as it was');
  });

  it('applies with --changed-since: known findings on changed lines stay hidden', () => {
    repo.run('baseline');
    repo.write('src/b.js', 'var x = 1;\n// TODO\nvar y = 2;\n');
    const r = repo.json('check', '--changed-since', 'HEAD');
    assert.deepEqual(summarize(r), ['src/b.js:3 team/no-var']);
    assert.equal(r.summary.known, 2);
    assert.equal(r.summary.stale, 0, 'files outside the change are not judged');
  });
});
