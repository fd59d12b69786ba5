import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { assertCliBuilt } from '../run-cli';
import { summarize, TempRepo } from './helpers';

describe('gate: --changed-since (real git repositories)', function () {
  this.timeout(60_000);
  let repo: TempRepo;

  before(assertCliBuilt);
  beforeEach(() => {
    repo = new TempRepo({
      'src/a.js': 'const x = 1;\neval(x);\nconst y = 2;\n',
      'src/b.js': 'eval(1); // TODO\n',
      'README.md': 'docs\n',
    });
    repo.commitAll('base');
  });
  afterEach(() => repo.remove());

  it('reports a finding on an added line and not one on an unchanged line', () => {
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('src/a.js', 'const x = 1;\neval(x);\nconst y = 2;\neval(y);\n');
    repo.commitAll('add eval');
    const r = repo.json('check', '--changed-since', 'main');
    assert.deepEqual(summarize(r), ['src/a.js:4 security/no-eval']);
    assert.equal(r.status, 1);
    assert.deepEqual(r.changes, { mode: 'since', ref: 'main', files: 1 });
  });

  it('reads and checks only the changed files', () => {
    repo.write('src/a.js', 'const x = 1;\neval(x);\nconst y = 3;\n');
    const r = repo.run('check', '--changed-since', 'HEAD', '--verbose');
    assert.match(r.stderr, /checked 1 files/);
    assert.equal(r.status, 0, r.stdout); // the changed line has no finding; b.js is not looked at
  });

  it('counts a modified line as changed and includes uncommitted working-tree edits', () => {
    repo.write('src/a.js', 'const x = 1;\neval(x + 1);\nconst y = 2;\n');
    const r = repo.json('check', '--changed-since', 'HEAD');
    assert.deepEqual(summarize(r), ['src/a.js:2 security/no-eval']);
  });

  it('uses the merge base: changes that landed on the base branch later are not blamed on the branch', () => {
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('src/c.js', 'const ok = 1; // TODO\n');
    repo.commitAll('feature work');
    repo.git('checkout', '-q', 'main');
    repo.write('src/main-only.js', 'eval(2);\n');
    repo.commitAll('main moves on');
    repo.git('checkout', '-q', 'feature');
    const r = repo.json('check', '--changed-since', 'main');
    assert.deepEqual(summarize(r), ['src/c.js:1 team/todo']);
    assert.equal(r.status, 0); // a warning does not fail with --fail-on error
  });

  it('ignores untracked files unless --include-untracked', () => {
    repo.write('src/new.js', 'eval(3);\n');
    assert.deepEqual(summarize(repo.json('check', '--changed-since', 'HEAD')), []);
    assert.deepEqual(summarize(repo.json('check', '--changed-since', 'HEAD', '--include-untracked')), ['src/new.js:1 security/no-eval']);
  });

  it('reports nothing for deletions and pure renames', () => {
    repo.write('src/a.js', 'const x = 1;\neval(x);\n');
    repo.git('mv', 'src/b.js', 'src/renamed.js');
    const r = repo.json('check', '--changed-since', 'HEAD');
    assert.deepEqual(summarize(r), []);
    assert.equal(r.status, 0);
  });

  it('does not follow symlinks, tracked or untracked', () => {
    repo.write('outside.txt', 'eval(6);\n');
    fs.symlinkSync('../outside.txt', path.join(repo.dir, 'src', 'link.js'));
    fs.symlinkSync('../outside.txt', path.join(repo.dir, 'src', 'untracked-link.js'));
    repo.git('add', 'src/link.js');
    const r = repo.json('check', '--changed-since', 'HEAD', '--include-untracked', 'src');
    assert.deepEqual(summarize(r), []);
  });

  it('handles paths with spaces and non-ASCII characters', () => {
    repo.write('src/dir with space/tëst "q".js', 'eval(4);\n');
    repo.commitAll('odd names');
    repo.write('src/dir with space/tëst "q".js', 'eval(4);\neval(5);\n');
    assert.deepEqual(summarize(repo.json('check', '--changed-since', 'HEAD')), ['src/dir with space/tëst "q".js:2 security/no-eval']);
  });

  it('works from a subdirectory (--cwd) with paths relative to it', () => {
    repo.write('src/.conductor/rules.jsonc', repo.read('.conductor/rules.jsonc'));
    repo.write('src/a.js', 'const x = 1;\neval(x);\nconst y = 2;\neval(y);\n');
    repo.write('README.md', 'eval(9)\n');
    const r = repo.json('check', '--cwd', 'src', '--changed-since', 'HEAD');
    assert.deepEqual(summarize(r), ['a.js:4 security/no-eval']);
  });

  it('restricts to the paths given', () => {
    repo.write('src/a.js', 'eval(7);\n');
    repo.write('src/b.js', 'eval(1); // TODO\neval(8);\n');
    assert.deepEqual(summarize(repo.json('check', '--changed-since', 'HEAD', 'src/b.js')), ['src/b.js:2 security/no-eval']);
  });

  it('exits 2 for an unknown ref and outside a git repository', () => {
    const r = repo.run('check', '--changed-since', 'no-such-branch');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /Unknown git revision "no-such-branch"/);
    const plain = new TempRepo({ 'a.js': 'eval(1);\n' }, { init: false });
    try {
      const p = plain.run('check', '--changed-since', 'HEAD');
      assert.equal(p.status, 2);
      assert.match(p.stderr, /conductor: /);
    } finally {
      plain.remove();
    }
  });

  it('rejects --staged together with --changed-since', () => {
    assert.equal(repo.run('check', '--staged', '--changed-since', 'HEAD').status, 2);
  });
});
