// `conductor hooks install --git` on real git repositories: the hook it writes blocks a commit that
// stages a finding, lets a clean one through, respects core.hooksPath, and never clobbers a hook it
// did not write.
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assertCliBuilt, runCli, type CliResult } from './run-cli';
import { CLI_JS, REPO_ROOT } from '../helpers/paths';
import { PRE_COMMIT_HOOK } from '../../server/src/cli/git-hook-script';

const HOOK_ENV: NodeJS.ProcessEnv = {
  GIT_AUTHOR_NAME: 'Hook Test',
  GIT_AUTHOR_EMAIL: 'hook@example.invalid',
  GIT_COMMITTER_NAME: 'Hook Test',
  GIT_COMMITTER_EMAIL: 'hook@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: os.devNull,
  CONDUCTOR_BIN: `${process.execPath} ${CLI_JS}`,
};
const ENV: NodeJS.ProcessEnv = { ...process.env, ...HOOK_ENV };
const RULES = '{ "extends": ["conductor:recommended"], "rules": { "security/no-eval": "error" } }\n';

describe('conductor hooks install --git', function () {
  this.timeout(60_000);
  let dir: string;
  const git = (...args: string[]): SpawnSyncReturns<string> => spawnSync('git', args, { cwd: dir, env: ENV, encoding: 'utf8' });
  const hooks = (...args: string[]): CliResult => runCli(['hooks', 'install', '--git', ...args], dir, { env: HOOK_ENV });

  before(() => assertCliBuilt());
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-hooks-'));
    assert.equal(git('init', '-q').status, 0);
    fs.mkdirSync(path.join(dir, '.conductor'));
    fs.writeFileSync(path.join(dir, '.conductor', 'rules.jsonc'), RULES);
    git('add', '.');
    assert.equal(git('commit', '-qm', 'rules').status, 0);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the same hook as examples/git-hooks/pre-commit', () => {
    assert.equal(PRE_COMMIT_HOOK, fs.readFileSync(path.join(REPO_ROOT, 'examples', 'git-hooks', 'pre-commit'), 'utf8'));
  });

  it('installs an executable hook that blocks a staged finding and lets a clean commit through; idempotent; --check', () => {
    assert.equal(hooks('--check').status, 1);
    const first = hooks();
    assert.equal(first.status, 0, first.stderr);
    const file = path.join(dir, '.git', 'hooks', 'pre-commit');
    assert.equal(fs.readFileSync(file, 'utf8'), PRE_COMMIT_HOOK);
    assert.notEqual(fs.statSync(file).mode & 0o111, 0);
    assert.match(hooks().stderr, /Already installed/);
    assert.equal(hooks('--check').status, 0);

    fs.writeFileSync(path.join(dir, 'a.js'), 'eval(input);\n');
    git('add', 'a.js');
    const blocked = git('commit', '-qm', 'eval');
    assert.notEqual(blocked.status, 0);
    assert.match(blocked.stderr, /commit blocked\. Fix the findings/);
    assert.match(blocked.stdout + blocked.stderr, /security\/no-eval/);

    fs.writeFileSync(path.join(dir, 'a.js'), 'run(input);\n');
    git('add', 'a.js');
    assert.equal(git('commit', '-qm', 'clean').status, 0);
  });

  it('never overwrites or removes a hook it did not write', () => {
    const file = path.join(dir, '.git', 'hooks', 'pre-commit');
    fs.writeFileSync(file, '#!/bin/sh\necho mine\n', { mode: 0o755 });
    const r = hooks();
    assert.equal(r.status, 2);
    assert.match(r.stderr, /was not written by Conductor/);
    assert.equal(hooks('--uninstall').status, 2);
    assert.equal(hooks('--check').status, 1);
    assert.equal(fs.readFileSync(file, 'utf8'), '#!/bin/sh\necho mine\n');
  });

  it('rewrites its own stale hook, removes it with --uninstall, and follows core.hooksPath', () => {
    assert.equal(git('config', 'core.hooksPath', 'shared-hooks').status, 0);
    assert.equal(hooks().status, 0);
    const file = path.join(dir, 'shared-hooks', 'pre-commit');
    fs.appendFileSync(file, '# edited\n');
    assert.equal(hooks('--check').status, 1);
    assert.equal(hooks().status, 0);
    assert.equal(fs.readFileSync(file, 'utf8'), PRE_COMMIT_HOOK);
    assert.equal(hooks('--uninstall').status, 0);
    assert.equal(fs.existsSync(file), false);
  });

  it('says what is wrong outside a git repository', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-nogit-'));
    try {
      const r = runCli(['hooks', 'install', '--git'], outside, { env: { ...HOOK_ENV, GIT_CEILING_DIRECTORIES: path.dirname(outside) } });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /not a git repository/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
