// Benchmark of `conductor report` (issue 10, governance metrics). Standalone; prints the median of 3.
//   node scripts/build.mjs && node scripts/bench/report.mjs [--commits N] [--runs N] [--keep]
// Generates a git repository with N (default 5,000) first-parent commits over two years with
// `git fast-import` (seconds, no per-commit git processes): ~300 files in 12 folders, every commit edits
// or appends lines in one to three files; about one commit in five adds an @ai-generated block, one in
// twelve records a review, one in forty deletes a file. Then times `conductor report --format json` on
// it — full history replay, weekly trend (~105 sampled commits read with git grep + cat-file), the gate
// scan of the working tree. Target: under 30 s.
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { fileURLToPath } from 'url';
import { median, rng } from './util.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const COMMITS = arg('--commits', 5000);
const RUNS = arg('--runs', 3);
const TARGET_S = 30;
const log = (s) => process.stdout.write(`${s}\n`);

if (!existsSync(cli) || !existsSync(path.join(repo, 'dist', 'scan-worker.js'))) {
  console.error('dist/cli.js or dist/scan-worker.js is missing: run `node scripts/build.mjs` first.');
  process.exit(2);
}

const ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.invalid',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.invalid',
};

/** The fast-import stream of a scripted history; files are kept as line arrays and written whole. */
function history(n) {
  const rand = rng(20261124);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const folders = ['src/api', 'src/ui', 'src/core', 'src/billing', 'lib/util', 'lib/io', 'services/auth', 'services/search', 'tools', 'scripts', 'test/unit', 'docs'];
  const exts = { docs: 'md', scripts: 'py', tools: 'sh' };
  const files = new Map();
  const blocks = []; // { file, id, reviewed }
  let nextId = 0x100000;
  let counter = 0;
  const line = () => `export const v${counter++} = ${Math.floor(rand() * 1e6)};`;
  const comment = (file) => (/\.(py|sh)$/.test(file) ? '#' : file.endsWith('.md') ? null : '//');
  const newFile = () => {
    const folder = pick(folders);
    const file = `${folder}/f${files.size}.${exts[folder.split('/')[0]] ?? 'ts'}`;
    files.set(file, Array.from({ length: 40 + Math.floor(rand() * 160) }, line));
    return file;
  };
  for (let i = 0; i < 300; i++) {
    newFile();
  }
  const start = Date.parse('2024-11-25T08:00:00Z') / 1000;
  const span = 730 * 86400;
  const out = [];
  const emit = (t, changed, deleted) => {
    const msg = `commit at ${t}\n`;
    out.push(`commit refs/heads/main\ncommitter Bench <bench@example.invalid> ${t} +0000\ndata ${Buffer.byteLength(msg)}\n${msg}`);
    for (const f of deleted) {
      out.push(`D ${f}\n`);
    }
    for (const f of changed) {
      const content = files.get(f).join('\n') + '\n';
      out.push(`M 100644 inline ${f}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
    }
    out.push('\n');
  };
  emit(start, [...files.keys()], []);
  for (let c = 1; c < n; c++) {
    const t = start + Math.floor((c / n) * span) + Math.floor(rand() * 3600);
    const changed = new Set();
    const deleted = [];
    const r = rand();
    if (r < 0.2) {
      // An AI block, in a file with a line comment.
      const candidates = [...files.keys()].filter((f) => comment(f));
      const f = pick(candidates);
      const lines = files.get(f);
      const at = Math.floor(rand() * lines.length);
      const id = (nextId++).toString(16);
      const cm = comment(f);
      const when = new Date(t * 1000).toISOString().slice(0, 16) + 'Z';
      const body = Array.from({ length: 3 + Math.floor(rand() * 25) }, line);
      lines.splice(at, 0, `${cm} @ai-generated begin id=${id} tool=${pick(['copilot', 'claude', 'cursor'])} at=${when}`, ...body, `${cm} @ai-generated end id=${id}`);
      blocks.push({ file: f, id, reviewed: false });
      changed.add(f);
    } else if (r < 0.28 && blocks.some((b) => !b.reviewed && files.has(b.file))) {
      const b = pick(blocks.filter((x) => !x.reviewed && files.has(x.file)));
      const lines = files.get(b.file);
      const i = lines.findIndex((l) => l.includes(`begin id=${b.id}`));
      if (i >= 0) {
        lines[i] += ` reviewed-by=lead@example.invalid reviewed-at=${new Date(t * 1000).toISOString().slice(0, 16)}Z`;
        b.reviewed = true;
        changed.add(b.file);
      }
    } else if (r < 0.305 && files.size > 50) {
      const f = pick([...files.keys()]);
      files.delete(f);
      deleted.push(f);
    } else if (r < 0.33) {
      changed.add(newFile());
    }
    // Plus ordinary edits: change or delete a few lines, append some.
    const edits = 1 + Math.floor(rand() * 3);
    for (let e = 0; e < edits; e++) {
      const f = pick([...files.keys()]);
      const lines = files.get(f);
      for (let k = 0; k < 1 + Math.floor(rand() * 4); k++) {
        const i = Math.floor(rand() * lines.length);
        if (lines[i] && !lines[i].includes('@ai-generated')) {
          if (rand() < 0.7) {
            lines[i] = line();
          } else {
            lines.splice(i, 1);
          }
        }
      }
      if (rand() < 0.5) {
        lines.push(...Array.from({ length: 1 + Math.floor(rand() * 10) }, line));
      }
      changed.add(f);
    }
    emit(t, [...changed].filter((f) => files.has(f)), deleted);
  }
  return out.join('');
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'conductor-bench-report-'));
try {
  let t = performance.now();
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env: ENV });
  const stream = history(COMMITS);
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, env: ENV, input: stream, maxBuffer: 1 << 30 });
  execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: dir, env: ENV });
  const files = execFileSync('git', ['ls-files'], { cwd: dir, encoding: 'utf8' }).split('\n').filter(Boolean).length;
  log(`generated ${COMMITS} commits (${(stream.length / 1048576).toFixed(0)} MB fast-import stream, ${files} files at HEAD) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const times = [];
  let report;
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    const r = spawnSync(process.execPath, [cli, 'report', '--format', 'json', '--cwd', dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const s = (performance.now() - t) / 1000;
    if (r.status !== 0) {
      throw new Error(`conductor report exited ${r.status}: ${r.stderr}`);
    }
    report = JSON.parse(r.stdout);
    times.push(s);
    log(`run ${i + 1}: ${s.toFixed(2)} s`);
  }
  const m = median(times);
  const pct = (v) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);
  log(
    `report: ${report.repository.commits} commits, ${report.aiShare.trend.points.length} trend points (${report.aiShare.trend.sampling}), ` +
      `AI share ${pct(report.aiShare.share)}, ${report.aiShare.blocks} blocks, rework AI ${pct(report.rework.ai.rate)} vs human ${pct(report.rework.human.rate)}, ` +
      `lead time median ${report.leadTime.medianSeconds === null ? '–' : (report.leadTime.medianSeconds / 86400).toFixed(1) + ' d'}`,
  );
  log(`conductor report --format json on ${COMMITS} commits: median of ${RUNS} ${m.toFixed(2)} s (target < ${TARGET_S} s: ${m < TARGET_S ? 'met' : 'MISSED'}; ${os.availableParallelism()} cores)`);
  process.exitCode = m < TARGET_S ? 0 : 1;
} finally {
  if (process.argv.includes('--keep')) {
    log(`kept ${dir}`);
  } else {
    rmSync(dir, { recursive: true, force: true });
  }
}
