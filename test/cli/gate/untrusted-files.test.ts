// What a pull request can commit must end with a clear outcome: special files, huge or deeply nested
// rule files, unreadable files and folders, symlinks out of the workspace (the built CLI, real files).
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli, type CliResult } from '../run-cli';
import { GIT_ENV, RULES, TempRepo, type JsonReport } from './helpers';

/**
 * Runs the CLI; a process that blocks is killed by the guard, and its null status fails the test.
 * `unprivileged`: permission bits mean nothing to root, so drop to user nobody when running as root.
 */
function run(cwd: string, args: string[], unprivileged = false): CliResult {
  return runCli(args, cwd, { env: GIT_ENV, timeoutMs: 120_000, unprivileged });
}

function mkfifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

/** A temp workspace that user nobody can enter and read (tests that drop root). */
function shareWithNobody(dir: string): void {
  for (let d = dir; d !== path.dirname(d); d = path.dirname(d)) {
    fs.chmodSync(d, fs.statSync(d).mode | 0o005);
  }
  execFileSync('chmod', ['-R', 'a+rX', dir]);
}

describe('gate: untrusted files (bounded reads, fail closed)', function () {
  this.timeout(300_000);
  let repo: TempRepo;

  afterEach(() => repo?.remove());

  it('a FIFO as --config or as the baseline exits 2 "not a regular file" instead of blocking', () => {
    repo = new TempRepo({ 'src/a.ts': 'export const a = 1;\n' });
    mkfifo(path.join(repo.dir, 'rules.fifo'));
    const config = run(repo.dir, ['check', '--config', 'rules.fifo']);
    assert.strictEqual(config.status, 2, config.stderr);
    assert.match(config.stderr, /rules\.fifo: not a regular file/);
    mkfifo(path.join(repo.dir, '.conductor', 'baseline.json'));
    const baseline = run(repo.dir, ['check']);
    assert.strictEqual(baseline.status, 2, baseline.stderr);
    assert.match(baseline.stderr, /baseline \.conductor\/baseline\.json: not a regular file/);
  });

  it('a rule file that is a FIFO or too large fails the run with the reason', () => {
    repo = new TempRepo({ 'src/a.ts': 'export const a = 1;\n' }, { rules: false });
    fs.mkdirSync(path.join(repo.dir, '.conductor'));
    mkfifo(path.join(repo.dir, '.conductor', 'rules.jsonc'));
    const fifo = run(repo.dir, ['check']);
    assert.strictEqual(fifo.status, 2, fifo.stderr);
    assert.match(fifo.stderr, /Cannot use ruleset \.conductor\/rules\.jsonc: not a regular file/);
    fs.rmSync(path.join(repo.dir, '.conductor', 'rules.jsonc'));
    repo.write('.conductor/rules.jsonc', `{ "ignore": [${'"x",'.repeat(1_500_000)} "y"] }`);
    const big = run(repo.dir, ['check']);
    assert.strictEqual(big.status, 2, big.stderr);
    assert.match(big.stderr, /Cannot use ruleset \.conductor\/rules\.jsonc: too large \(5\.7 MB > 4\.0 MB\)/);
  });

  it('package.json -> /dev/zero and an extends -> /dev/zero symlink end at once, bounded', () => {
    repo = new TempRepo({ 'src/a.ts': "import x from 'left-pad';\nexport const a = x;\n" }, { rules: '{ "extends": ["conductor:recommended"] }\n' });
    fs.symlinkSync('/dev/zero', path.join(repo.dir, 'package.json'));
    const manifest = run(repo.dir, ['check', '--format', 'json']);
    assert.ok(manifest.status === 0 || manifest.status === 1, manifest.stderr);
    assert.strictEqual((JSON.parse(manifest.stdout) as JsonReport).version, 1);
    repo.write('.conductor/rules.jsonc', '{ "extends": ["./zero.jsonc"] }\n');
    fs.symlinkSync('/dev/zero', path.join(repo.dir, '.conductor', 'zero.jsonc'));
    const ext = run(repo.dir, ['check']);
    assert.strictEqual(ext.status, 2, ext.stderr);
    assert.match(ext.stderr, /Cannot use ruleset .*zero\.jsonc: a symlink leads outside the workspace \(to \/dev\/zero\)/);
  });

  it('100k-deep nesting, a 10,000-deep extends chain and 200k parse errors are reported, not a crash', () => {
    repo = new TempRepo({ 'src/a.ts': 'export const a = 1;\n' }, { rules: `{\n  "ignore": ${'['.repeat(100_000)}${']'.repeat(100_000)}\n}\n` });
    const deep = run(repo.dir, ['check']);
    assert.strictEqual(deep.status, 2, deep.stderr);
    assert.match(deep.stderr, /rules\.jsonc:2:\d+: The rule file is too deeply nested \(more than 64 levels\)/);
    assert.doesNotMatch(deep.stderr, /RangeError/);

    for (let i = 0; i < 10_000; i++) {
      repo.write(`.conductor/chain/${i}.jsonc`, `{ "extends": ["./${i + 1}.jsonc"] }\n`);
    }
    repo.write('.conductor/rules.jsonc', '{ "extends": ["./chain/0.jsonc"] }\n');
    const chain = run(repo.dir, ['check']);
    assert.strictEqual(chain.status, 2, chain.stderr);
    assert.match(chain.stderr, /"extends" is nested more than 32 levels deep/);
    assert.doesNotMatch(chain.stderr, /RangeError/);

    repo.write('.conductor/rules.jsonc', `{ "ignore": [${'1 '.repeat(200_000)}] }\n`);
    const errors = run(repo.dir, ['check']);
    assert.strictEqual(errors.status, 2, errors.stderr);
    const lines = errors.stderr.split('\n').filter((l) => l.includes('rules.jsonc:'));
    assert.strictEqual(lines.length, 100);
    assert.match(lines[99], /\(\d+ more problem\(s\) in this file are not listed\.\)/);
  });

  it('accepts a rule file saved with a UTF-8 byte order mark', () => {
    repo = new TempRepo({ 'src/a.ts': 'eval(x);\n' }, { rules: '\ufeff' + RULES });
    const r = run(repo.dir, ['check']);
    assert.strictEqual(r.status, 1, r.stderr);
    assert.match(r.stdout, /security\/no-eval/);
  });

  it('skips node_modules and VCS folders by default; --include-node-modules or naming the path opts in', () => {
    repo = new TempRepo({ 'src/a.ts': 'export const a = 1;\n', 'node_modules/dep/index.js': 'eval(x);\n', '.hg/store/x.js': 'eval(x);\n', '.svn/x.js': 'eval(x);\n' });
    const plain = run(repo.dir, ['check', '--format', 'json']);
    assert.strictEqual(plain.status, 0, plain.stdout);
    const opted = run(repo.dir, ['check', '--include-node-modules', '--format', 'json']);
    assert.deepStrictEqual((JSON.parse(opted.stdout) as JsonReport).results.map((f) => f.path), ['node_modules/dep/index.js']);
    const named = run(repo.dir, ['check', 'node_modules/dep', '--format', 'json']);
    assert.deepStrictEqual((JSON.parse(named.stdout) as JsonReport).results.map((f) => f.path), ['node_modules/dep/index.js']);
  });

  it('refuses explicit paths outside the root or through a symlink that leaves it (exit 2), in and out of git', () => {
    const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-outside-')));
    try {
      fs.writeFileSync(path.join(outside, 'secret.txt'), 'root:x:0:0:FAKEKEY1234\n');
      for (const init of [true, false]) {
        repo = new TempRepo({ 'src/a.ts': 'export const a = 1;\n' }, { init });
        fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(repo.dir, 'link.txt'));
        const out = run(repo.dir, ['check', path.join(outside, 'secret.txt')]);
        assert.strictEqual(out.status, 2, out.stderr);
        assert.match(out.stderr, /is outside the workspace root/);
        assert.doesNotMatch(out.stderr, /RangeError/);
        for (const cmd of ['check', 'fix']) {
          const link = run(repo.dir, [cmd, 'link.txt']);
          assert.strictEqual(link.status, 2, link.stderr);
          assert.match(link.stderr, /link\.txt is a symlink that leads outside the workspace/);
          assert.doesNotMatch(link.stdout, /FAKEKEY/);
        }
        repo.remove();
      }
      assert.strictEqual(fs.readFileSync(path.join(outside, 'secret.txt'), 'utf8'), 'root:x:0:0:FAKEKEY1234\n');
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('check --staged outside a git repository says so (exit 2)', () => {
    repo = new TempRepo({ 'src/a.ts': 'export const a = 1;\n' }, { init: false });
    const r = run(repo.dir, ['check', '--staged']);
    assert.strictEqual(r.status, 2, r.stderr);
    assert.match(r.stderr, /is not a git repository/);
    assert.doesNotMatch(r.stderr, /--output/);
  });

  it('fix reports the true number of problems left when a per-rule cap hides matches', () => {
    repo = new TempRepo({ 'src/many.js': 'var a;\n'.repeat(6_000) });
    const r = run(repo.dir, ['fix', 'src/many.js']);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stderr, /Fixed 5000 problems in 1 file; 1000 left for a human/);
  });

  describe('as a non-root user (setpriv to nobody when root)', () => {
    it('an unreadable rule file exits 2 with the reason, never the default ruleset', () => {
      repo = new TempRepo({ 'src/a.ts': 'export const a = 1;\n' }, { init: false });
      shareWithNobody(repo.dir);
      fs.chmodSync(path.join(repo.dir, '.conductor', 'rules.jsonc'), 0o600);
      const r = run(repo.dir, ['check'], true);
      assert.strictEqual(r.status, 2, r.stderr);
      assert.match(r.stderr, /Cannot use ruleset \.conductor\/rules\.jsonc: cannot read \(permission denied\)/);
    });

    it('an unreadable folder is reported as skipped, not "No problems found" alone', () => {
      repo = new TempRepo({ 'src/a.ts': 'export const a = 1;\n', 'private/b.ts': 'eval(x);\n' }, { init: false });
      shareWithNobody(repo.dir);
      fs.chmodSync(path.join(repo.dir, 'private'), 0o700);
      const r = run(repo.dir, ['check', '--format', 'json'], true);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.deepStrictEqual((JSON.parse(r.stdout) as JsonReport).skipped, [{ path: 'private', reason: 'cannot list folder (permission denied)' }]);
      const text = run(repo.dir, ['check'], true);
      assert.match(text.stdout, /Skipped 1 file\(s\): 1 cannot list folder/);
    });
  });
});
