import * as assert from 'node:assert/strict';
import { assertCliBuilt } from '../run-cli';
import { summarize, TempRepo } from './helpers';

// Git ignores only untracked files: a .gitignore entry committed by a team must not hide tracked code
// from a full `conductor check` (nor from --changed-since, which reads git's diff).

describe('gate: tracked files named by .gitignore are still checked (real git repositories)', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  before(assertCliBuilt);
  beforeEach(() => {
    repo = new TempRepo({ 'src/a.js': 'const a = 1;\n', 'src/b.js': 'eval(b);\n' });
    repo.commitAll('base');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('src/a.js', 'const a = 1;\neval(a);\n');
    repo.write('.gitignore', 'src/\nbuild/\n');
    repo.write('build/out.js', 'eval(generated);\n'); // untracked and ignored: not checked
    repo.commitAll('hide src');
  });
  afterEach(() => repo.remove());

  it('full check: the tracked files under an ignored folder are checked, untracked ignored files are not', () => {
    const r = repo.json('check');
    assert.deepEqual(summarize(r), ['src/a.js:2 security/no-eval', 'src/b.js:1 security/no-eval']);
    assert.equal(r.status, 1);
  });

  it('only the targets given: a tracked ignored file outside them is not added', () => {
    assert.deepEqual(summarize(repo.json('check', 'src/b.js')), ['src/b.js:1 security/no-eval']);
  });

  it('--changed-since sees the change to the tracked file', () => {
    const r = repo.json('check', '--changed-since', 'main');
    assert.deepEqual(summarize(r), ['src/a.js:2 security/no-eval']);
    assert.equal(r.status, 1);
  });
});
