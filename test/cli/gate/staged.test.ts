import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { assertCliBuilt } from '../run-cli';
import { CLI_JS, REPO_ROOT } from '../../helpers/paths';
import { GIT_ENV, summarize, TempRepo } from './helpers';

describe('gate: --staged (real git repositories)', function () {
  this.timeout(60_000);
  let repo: TempRepo;

  before(assertCliBuilt);
  beforeEach(() => {
    repo = new TempRepo({ 'src/a.js': 'const a = 1;\neval(a); // old\n' });
    repo.commitAll('base');
  });
  afterEach(() => repo.remove());

  it('checks the staged content, not the working tree', () => {
    repo.write('src/a.js', 'const a = 1;\neval(a); // old\neval(2);\n');
    repo.git('add', 'src/a.js');
    repo.write('src/a.js', 'const a = 1;\neval(a); // old\n'); // the working tree no longer has it
    const r = repo.json('check', '--staged');
    assert.deepEqual(summarize(r), ['src/a.js:3 security/no-eval']);
    assert.equal(r.status, 1);
    assert.deepEqual(r.changes, { mode: 'staged', files: 1 });
  });

  it('does not report what is only in the working tree', () => {
    repo.write('src/a.js', 'const a = 2;\neval(a); // old\n');
    repo.git('add', 'src/a.js');
    repo.write('src/a.js', 'const a = 2;\neval(a); // old\neval(3);\n');
    const r = repo.json('check', '--staged');
    assert.deepEqual(summarize(r), []);
    assert.equal(r.status, 0);
  });

  it('uses the staged line numbers', () => {
    repo.write('src/a.js', '// one\n// two\nconst a = 1;\neval(a); // old\nvar z = 1;\n');
    repo.git('add', 'src/a.js');
    repo.write('src/a.js', 'var z = 1;\n');
    assert.deepEqual(summarize(repo.json('check', '--staged')), ['src/a.js:5 team/no-var']);
  });

  it('works before the first commit', () => {
    const fresh = new TempRepo({ 'x.js': 'ok();\neval(1);\n' });
    try {
      fresh.git('add', '-A');
      const r = fresh.json('check', '--staged');
      assert.deepEqual(summarize(r), ['x.js:2 security/no-eval']);
    } finally {
      fresh.remove();
    }
  });

  it('skips staged binary content, too-large content and deleted files', () => {
    repo.write('bin.dat', 'eval(\u0000)');
    repo.write('big.js', `eval(1);\n${'// padding\n'.repeat(40)}`);
    repo.git('add', 'bin.dat', 'big.js');
    repo.git('rm', '-q', 'src/a.js');
    const r = repo.json('check', '--staged', '--max-file-size', '0.0001');
    assert.deepEqual(summarize(r), []);
    assert.deepEqual(r.skipped.map((s) => s.path), ['big.js']); // git shows no lines for binary files
    assert.match(r.skipped[0].reason, /^too large/);
  });
});

describe('gate: examples/git-hooks/pre-commit in a real repository', function () {
  this.timeout(60_000);
  let repo: TempRepo;

  before(assertCliBuilt);
  beforeEach(() => {
    repo = new TempRepo({ 'src/a.js': 'ok();\n' });
    repo.commitAll('base');
    const hook = path.join(repo.dir, '.git', 'hooks', 'pre-commit');
    fs.copyFileSync(path.join(REPO_ROOT, 'examples', 'git-hooks', 'pre-commit'), hook);
    fs.chmodSync(hook, 0o755);
  });
  afterEach(() => repo.remove());

  const commit = (message: string): { status: number | null; output: string } => {
    const r = spawnSync('git', ['commit', '-q', '-m', message], {
      cwd: repo.dir,
      encoding: 'utf8',
      env: { ...process.env, ...GIT_ENV, CI: 'true', CONDUCTOR_BIN: `${process.execPath} ${CLI_JS}` },
    });
    return { status: r.status, output: r.stdout + r.stderr };
  };

  it('blocks a commit that adds a violation', () => {
    repo.write('src/a.js', 'ok();\neval(input);\n');
    repo.git('add', 'src/a.js');
    const r = commit('bad');
    assert.notEqual(r.status, 0, r.output);
    assert.match(r.output, /security\/no-eval/);
    assert.equal(repo.git('rev-list', '--count', 'HEAD').trim(), '1');
  });

  it('allows a clean commit, even when the working tree has an unstaged violation', () => {
    repo.write('src/a.js', 'ok();\nfine();\n');
    repo.git('add', 'src/a.js');
    repo.write('src/a.js', 'ok();\nfine();\neval(notStaged);\n');
    const r = commit('good');
    assert.equal(r.status, 0, r.output);
    assert.equal(repo.git('rev-list', '--count', 'HEAD').trim(), '2');
  });
});
