// Benchmarks of `conductor check` as a CI gate (issue 9). Standalone; prints medians.
//   node scripts/build.mjs && node scripts/bench/gate.mjs [--runs N] [--files N]
// 1. Full scan of this repo's node_modules (--no-gitignore: a real tree of 10,000+ files), one thread
//    (--jobs 1) against the worker pool (one worker per core), and a check that both print the same.
// 2. `--changed-since HEAD~1` and `--staged` on a one-file change in a generated git repository of
//    10,000 files (target: under 1 s, as the cost must follow the change, not the repository).
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { fileURLToPath } from 'url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const RUNS = arg('--runs', 5);
const FILES = arg('--files', 10_000);
const log = (s) => process.stdout.write(`${s}\n`);

if (!existsSync(cli) || !existsSync(path.join(repo, 'dist', 'scan-worker.js'))) {
  console.error('dist/cli.js or dist/scan-worker.js is missing: run `node scripts/build.mjs` first.');
  process.exit(2);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs the CLI `runs` times (after one warm-up), returns the median wall time and the last stdout. */
function timeCli(args, cwd, runs = RUNS) {
  const times = [];
  let stdout = '';
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CI: 'true' } });
    const ms = performance.now() - t;
    if (r.status !== 0 && r.status !== 1) {
      throw new Error(`conductor ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    }
    stdout = r.stdout;
    if (i > 0) {
      times.push(ms); // the first run warms the page cache
    }
  }
  return { ms: median(times), min: Math.min(...times), stdout };
}

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
// Median, and the minimum: on a shared machine the minimum is the better estimate of the real cost.
const fmtRun = (r) => `${fmt(r.ms)} (min ${fmt(r.min)})`;
const countFiles = (dir) => {
  let n = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) {
        walk(path.join(d, e.name));
      } else if (e.isFile()) {
        n++;
      }
    }
  };
  walk(dir);
  return n;
};

log(`conductor gate benchmarks — node ${process.version}, ${os.availableParallelism()} cores, ${RUNS} runs each after a warm-up; load average ${os.loadavg()[0].toFixed(1)}`);

// 1. node_modules, serial vs parallel.
const nm = path.join(repo, 'node_modules');
if (existsSync(nm)) {
  const n = countFiles(nm);
  const common = ['check', 'node_modules', '--no-gitignore', '--fail-on', 'never', '--format', 'json', '--no-baseline'];
  const serial = timeCli([...common, '--jobs', '1'], repo);
  const parallel = timeCli([...common, '--jobs', String(os.availableParallelism())], repo);
  log(`node_modules (${n} files): --jobs 1 ${fmtRun(serial)}, --jobs ${os.availableParallelism()} ${fmtRun(parallel)}; speed-up ×${(serial.ms / parallel.ms).toFixed(2)} (medians), ×${(serial.min / parallel.min).toFixed(2)} (minimums)`);
  log(`  serial and parallel output identical: ${serial.stdout === parallel.stdout ? 'yes' : 'NO'}`);
} else {
  log('node_modules: not installed, skipped');
}

// 2. A generated 10,000-file repository with a one-file change.
const dir = mkdtempSync(path.join(os.tmpdir(), 'conductor-gate-bench-'));
try {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'bench',
    GIT_AUTHOR_EMAIL: 'bench@example.invalid',
    GIT_COMMITTER_NAME: 'bench',
    GIT_COMMITTER_EMAIL: 'bench@example.invalid',
    GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
    GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  };
  const git = (...args) => execFileSync('git', args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '-q', '-b', 'main');
  const perDir = 100;
  for (let i = 0; i < FILES; i++) {
    const sub = path.join(dir, 'src', `m${String(Math.floor(i / perDir)).padStart(3, '0')}`);
    if (i % perDir === 0) {
      mkdirSync(sub, { recursive: true });
    }
    const body = [`// module ${i}`, `export function f${i}(x: number): number {`, '  const y = x * 2;', i % 500 === 0 ? '  return eval(String(y));' : '  return y + 1;', '}', ''];
    writeFileSync(path.join(sub, `file${i}.ts`), body.join('\n'));
  }
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const target = path.join(dir, 'src', 'm000', 'file1.ts');
  writeFileSync(target, `// module 1\nexport function f1(x: number): number {\n  const y = x * 2;\n  return eval(String(y));\n}\n`);
  git('commit', '-q', '-am', 'one change');
  const full = timeCli(['check', '--fail-on', 'never', '--format', 'json'], dir, Math.min(RUNS, 3));
  const since = timeCli(['check', '--changed-since', 'HEAD~1', '--format', 'json'], dir);
  const found = JSON.parse(since.stdout).results.length;
  writeFileSync(target, `// module 1\nexport function f1(x: number): number {\n  debugger;\n  return 1;\n}\n`);
  git('add', target);
  const staged = timeCli(['check', '--staged', '--format', 'json'], dir);
  log(`generated repo (${FILES} files, 1 changed): full check ${fmtRun(full)}, --changed-since HEAD~1 ${fmtRun(since)} (${found} file with findings), --staged ${fmtRun(staged)}`);
  log(`  target --changed-since < 1 s: ${since.ms < 1000 ? 'met' : 'MISSED'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
