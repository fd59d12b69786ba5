// The one git runner (host/git/run.ts) on real repositories: user config cannot change what it
// parses, failures say why, and the line stream splits, stops and fails as its callers rely on.
import * as assert from 'node:assert/strict';
import { parseDiff } from '../../../server/src/host/git/diff';
import { GitError, runGit, streamGitLines } from '../../../server/src/host/git/run';
import { TempRepo } from '../../cli/gate/helpers';

describe('host/git runner', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = new TempRepo({ 'täst file.txt': 'one\n' }, { rules: false });
    repo.commitAll('first');
  });
  afterEach(() => repo.remove());

  it('keeps paths and prefixes as the parsers expect whatever the repository config says', () => {
    for (const [key, value] of [
      ['core.quotePath', 'true'],
      ['diff.noprefix', 'true'],
      ['diff.mnemonicPrefix', 'true'],
      ['diff.relative', 'true'],
    ]) {
      repo.git('config', key, value);
    }
    repo.write('täst file.txt', 'one\ntwo\n');
    const diff = runGit(repo.dir, ['diff', '-U0', '--no-color', '--']).toString('utf8');
    assert.deepEqual(
      diff.split('\n').filter((l) => /^(diff|---|\+\+\+) /.test(l)),
      // A name with a space ends in a tab on the ---/+++ lines.
      ['diff --git a/täst file.txt b/täst file.txt', '--- a/täst file.txt\t', '+++ b/täst file.txt\t'],
    );
    assert.deepEqual(parseDiff(diff), [{ special: false, added: [1], oldPath: 'täst file.txt', path: 'täst file.txt' }]);
  });

  it('fails with a GitError carrying git’s reason and exit status, or the caller’s message first', () => {
    assert.throws(
      () => runGit(repo.dir, ['rev-parse', '--verify', 'no-such-ref']),
      (e: unknown) => e instanceof GitError && e.status === 128 && /^git rev-parse failed: fatal: Needed a single revision$/.test(e.message),
    );
    assert.throws(
      () => runGit(repo.dir, ['grep', '-q', 'absent-text', 'HEAD']),
      (e: unknown) => e instanceof GitError && e.status === 1,
    );
    assert.throws(
      () => runGit(repo.dir, ['rev-parse', '--verify', 'no-such-ref'], { failMessage: 'Unknown revision' }),
      (e: unknown) => e instanceof GitError && e.message === 'Unknown revision (fatal: Needed a single revision)',
    );
  });

  it('streams lines split at \\n only: a lone \\r stays inside its line, a \\r before \\n goes', async () => {
    repo.write('crlf.txt', 'a\rb\r\nc\nlast');
    repo.commitAll('crlf');
    const lines: string[] = [];
    await streamGitLines(repo.dir, ['show', 'HEAD:crlf.txt'], (l) => lines.push(l));
    assert.deepEqual(lines, ['a\rb', 'c', 'last']);
  });

  it('stops and rejects with the reader’s own error, or with git’s failure', async () => {
    // Many pipe chunks of output: lines after the throw must not reach the reader.
    repo.write('big.txt', 'line\n'.repeat(200_000));
    repo.commitAll('big');
    let seen = 0;
    const stop = new Error('the reader gave up');
    await assert.rejects(
      streamGitLines(repo.dir, ['show', 'HEAD:big.txt'], () => {
        seen++;
        throw stop;
      }),
      (e: unknown) => e === stop,
    );
    assert.equal(seen, 1);
    await assert.rejects(
      streamGitLines(repo.dir, ['log', 'no-such-ref'], () => undefined),
      (e: unknown) => e instanceof GitError && e.status === 128 && /^git log failed \(128\): fatal: ambiguous argument 'no-such-ref'/.test(e.message),
    );
  });
});
