import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { assertCliBuilt } from '../run-cli';
import { REPO_ROOT } from '../../helpers/paths';
import { summarize, TempRepo } from './helpers';

describe('gate: parallel scan', function () {
  this.timeout(120_000);
  let repo: TempRepo;

  before(() => {
    assertCliBuilt();
    const files: Record<string, string> = {};
    for (let i = 0; i < 420; i++) {
      const dir = `pkg${i % 7}/sub${i % 3}`;
      files[`${dir}/f${String(i).padStart(3, '0')}.js`] =
        i % 5 === 0 ? `// file ${i}\neval(${i});\nvar v = ${i}; // TODO\n` : i % 11 === 0 ? `x\u0000binary` : `ok(${i});\n`;
    }
    repo = new TempRepo(files);
    repo.commitAll('many files');
  });
  after(() => repo.remove());

  it('workers and the main thread print byte-identical reports in every format', () => {
    for (const format of ['json', 'sarif', 'text', 'junit']) {
      const serial = repo.run('check', '--jobs', '1', '--format', format, '--verbose');
      const parallel = repo.run('check', '--jobs', '3', '--format', format, '--verbose');
      assert.equal(serial.status, 1);
      assert.equal(parallel.status, 1);
      assert.match(serial.stderr, /with 1 worker\n/);
      assert.match(parallel.stderr, /with 3 workers\n/);
      assert.equal(parallel.stdout, serial.stdout, `${format} differs`);
    }
    const r = repo.json('check');
    assert.equal(summarize(r).length, 84 * 3);
    assert.equal(r.skipped.length, [...Array(420).keys()].filter((i) => i % 5 !== 0 && i % 11 === 0).length);
    assert.ok(r.skipped.every((s) => s.reason === 'binary'));
  });

  it('baselines from serial and parallel scans are identical', () => {
    repo.run('baseline', '--jobs', '1');
    const serial = repo.read('.conductor/baseline.json');
    repo.run('baseline', '--jobs', '2');
    assert.equal(repo.read('.conductor/baseline.json'), serial);
    fs.rmSync(path.join(repo.dir, '.conductor', 'baseline.json'));
  });
});

describe('gate: fix', function () {
  this.timeout(60_000);
  let repo: TempRepo;

  before(assertCliBuilt);
  beforeEach(() => {
    repo = new TempRepo({ 'src/a.js': '\ufeffvar a = 1;\nvar b = 2; var c = 3;\neval(a);\n', 'src/ok.js': 'ok();\n' });
    repo.commitAll('base');
  });
  afterEach(() => repo.remove());

  it('--dry-run prints a unified diff, changes nothing, exits 1', () => {
    const r = repo.run('fix', '--dry-run');
    assert.equal(r.status, 1);
    assert.equal(
      r.stdout,
      ['--- a/src/a.js', '+++ b/src/a.js', '@@ -1,3 +1,3 @@', '-var a = 1;', '-var b = 2; var c = 3;', '+let a = 1;', '+let b = 2; let c = 3;', ' eval(a);', ''].join('\n'),
    );
    assert.match(r.stderr, /Would fix 3 problems in 1 file; 1 left for a human/);
    assert.equal(repo.read('src/a.js'), '\ufeffvar a = 1;\nvar b = 2; var c = 3;\neval(a);\n');
  });

  it('applies the safe fixes, keeps the BOM, and leaves unfixable findings', () => {
    const r = repo.run('fix');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(repo.read('src/a.js'), '\ufefflet a = 1;\nlet b = 2; let c = 3;\neval(a);\n');
    assert.deepEqual(summarize(repo.json('check')), ['src/a.js:3 security/no-eval']);
    const again = repo.run('fix', '--dry-run');
    assert.equal(again.status, 0);
    assert.equal(again.stdout, '');
    assert.match(again.stderr, /Nothing to fix automatically \(1 problem need/);
  });

  it('fixes only the paths given', () => {
    repo.write('src/b.js', 'var z;\n');
    repo.run('fix', 'src/b.js');
    assert.equal(repo.read('src/b.js'), 'let z;\n');
    assert.match(repo.read('src/a.js'), /var a/);
  });
});

describe('gate: init', function () {
  this.timeout(60_000);
  let repo: TempRepo;

  before(assertCliBuilt);
  beforeEach(() => {
    repo = new TempRepo({ 'src/a.js': 'eval(1);\n' }, { rules: false });
  });
  afterEach(() => repo.remove());

  for (const [preset, template] of [
    ['recommended', 'team.jsonc'],
    ['strict', 'strict.jsonc'],
    ['secrets', 'secrets.jsonc'],
  ]) {
    it(`--preset ${preset} writes rules/templates/${template}, which loads`, () => {
      const r = repo.run('init', '--preset', preset);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(repo.read('.conductor/rules.jsonc'), fs.readFileSync(path.join(REPO_ROOT, 'rules', 'templates', template), 'utf8'));
      const check = repo.run('check', '--format', 'json');
      assert.notEqual(check.status, 2, check.stderr);
      assert.ok(JSON.parse(check.stdout).results.length >= 1);
    });
  }

  it('defaults to recommended, refuses to overwrite without --force', () => {
    assert.equal(repo.run('init').status, 0);
    repo.write('.conductor/rules.jsonc', '// mine\n{}\n');
    const again = repo.run('init', '--preset', 'strict');
    assert.equal(again.status, 2);
    assert.match(again.stderr, /already exists; use --force/);
    assert.equal(repo.read('.conductor/rules.jsonc'), '// mine\n{}\n');
    assert.equal(repo.run('init', '--preset', 'strict', '--force').status, 0);
    assert.match(repo.read('.conductor/rules.jsonc'), /"strict" preset/);
    assert.equal(repo.run('init', '--preset', 'lenient', '--force').status, 2);
  });
});
