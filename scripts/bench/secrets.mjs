// Benchmark: conductor:secrets (dist/cli.js check) vs secretlint (+ @secretlint/secretlint-rule-preset-recommend).
//
//   npm run build && npx tsc -p . (for out/) && node scripts/bench/secrets.mjs [--runs 3] [--keep] [--skip-speed]
//
// (a) Recall and false-positive rate of both tools on the same files: the labelled corpus of
//     out/test/unit/rulesets/secret-corpus.js (providers' published formats and near-misses, values
//     synthesised at run time). A positive counts when the tool reports its line; a negative counts as a
//     false positive when the tool reports anything in it.
// (b) Speed on a pinned, public corpus of real code: the npm tarballs below, fetched once with `npm pack`
//     into a cache directory ($CONDUCTOR_BENCH_CACHE, default ~/.cache/conductor-bench), files ≤ 1 MB.
//     Median wall and CPU time of --runs interleaved runs each, and the findings each tool reports there
//     (values masked). Always exits 0.
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import os from 'os';
import path from 'path';
import { fileURLToPath } from 'url';
import { fmtMs, median, timedRun } from './util.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const RUNS = argv.includes('--runs') ? Math.max(1, Number(argv[argv.indexOf('--runs') + 1]) || 3) : 3;
const KEEP = argv.includes('--keep');
const SKIP_SPEED = argv.includes('--skip-speed');
const PINNED = ['typescript@5.9.3', 'eslint@9.39.5', '@babel/core@7.29.13', 'webpack@5.112.2', 'rxjs@7.8.2', 'lodash-es@4.18.1'];
const MAX_MB = 1;
const CACHE = process.env.CONDUCTOR_BENCH_CACHE ?? path.join(os.homedir(), '.cache', 'conductor-bench');

const log = (...a) => console.log(...a);
const mask = (v) => (v == null ? '' : `${String(v).slice(0, 4)}…(${String(v).length} chars)`);
const pct = (n, d) => `${n}/${d} ${((100 * n) / d).toFixed(1)}%`;

// ---------------------------------------------------------------- corpora
/** The pinned corpus, extracted once: <cache>/pinned-<hash>/<tarball>/package/…, files > 1 MB removed. */
function pinnedCorpus() {
  const dir = path.join(CACHE, `pinned-${PINNED.join('+').replace(/[^A-Za-z0-9.+-]/g, '_')}`);
  const done = path.join(dir, '.complete');
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    const tgz = path.join(dir, '.tgz');
    mkdirSync(tgz, { recursive: true });
    log(`  fetching ${PINNED.join(' ')} (npm pack) into ${dir}`);
    execFileSync('npm', ['pack', ...PINNED, '--silent', '--pack-destination', tgz], { stdio: ['ignore', 'ignore', 'inherit'] });
    for (const f of readdirSync(tgz)) {
      const out = path.join(dir, f.replace(/\.tgz$/, ''));
      mkdirSync(out, { recursive: true });
      execFileSync('tar', ['-xzf', path.join(tgz, f), '-C', out]);
    }
    rmSync(tgz, { recursive: true, force: true });
    walk(dir).filter((f) => f.size > MAX_MB * 1024 * 1024).forEach((f) => rmSync(f.path));
    writeFileSync(done, new Date().toISOString() + '\n');
  }
  const files = walk(dir).filter((f) => !f.path.endsWith('.complete'));
  return { dir, files: files.length, bytes: files.reduce((s, f) => s + f.size, 0) };
}

function walk(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      out.push(...walk(p));
    } else if (e.isFile()) {
      out.push({ path: p, size: statSync(p).size });
    }
  }
  return out;
}

function labelledCorpus(dir) {
  const mod = path.join(repo, 'out', 'test', 'unit', 'rulesets', 'secret-corpus.js');
  if (!existsSync(mod)) {
    throw new Error(`${path.relative(repo, mod)} is missing: compile the tests first (npx tsc -p .)`);
  }
  const { secretCorpus, writeSecretCorpus } = require(mod);
  const samples = secretCorpus();
  writeSecretCorpus(dir, samples);
  rmSync(path.join(dir, 'manifest.json')); // labels stay with the bench, not in the scanned tree
  return samples;
}

// ---------------------------------------------------------------- tools
function tools(cfgDir, outDir) {
  const rules = path.join(cfgDir, 'rules.json');
  writeFileSync(rules, JSON.stringify({ extends: ['conductor:secrets'] }));
  const slrc = path.join(cfgDir, '.secretlintrc.json');
  writeFileSync(slrc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  return [
    {
      key: 'conductor',
      label: 'conductor check (conductor:secrets)',
      cmd: process.execPath,
      args: (cwd) => [path.join(repo, 'dist', 'cli.js'), 'check', '--format', 'json', '--fail-on', 'never', '--no-gitignore', '--max-file-size', String(MAX_MB), '--cwd', cwd, '--config', rules],
      out: path.join(outDir, 'conductor.json'),
      parse: (file) => JSON.parse(readFileSync(file, 'utf8')).results.flatMap((r) => r.findings.map((f) => ({ file: r.path.split(path.sep).join('/'), rule: f.ruleId, line: f.line, endLine: f.endLine, masked: f.properties?.secret?.masked ?? '' }))),
    },
    {
      key: 'secretlint',
      label: 'secretlint "**/*" (preset-recommend)',
      cmd: path.join(repo, 'node_modules', '.bin', 'secretlint'),
      args: () => ['**/*', '--format', 'json', '--no-color', '--no-terminalLink', '--secretlintrc', slrc],
      out: path.join(outDir, 'secretlint.json'),
      parse: (file, cwd) =>
        JSON.parse(readFileSync(file, 'utf8')).flatMap((r) =>
          r.messages.map((m) => ({
            file: path.relative(cwd, r.filePath).split(path.sep).join('/'),
            rule: m.ruleId.replace('@secretlint/secretlint-rule-', 'sl/'),
            line: m.loc?.start?.line,
            endLine: m.loc?.end?.line,
            masked: mask(r.sourceContent && m.range ? r.sourceContent.slice(m.range[0], m.range[1]) : undefined),
          })),
        ),
    },
  ];
}

async function run(t, cwd, cpuFile) {
  const r = await timedRun(t.cmd, t.args(cwd), { cwd, stdoutFile: t.out, cpuFile });
  // secretlint exits 1 when it finds something; anything else (2 = fatal) is an error.
  if (!(r.code === 0 || (t.key === 'secretlint' && r.code === 1))) {
    throw new Error(`${t.label} exited ${r.code}: ${r.stderr.slice(0, 2000)}`);
  }
  return r;
}

// ---------------------------------------------------------------- main
async function main() {
  for (const [what, p] of [['dist/cli.js (npm run build)', path.join(repo, 'dist', 'cli.js')], ['secretlint (devDependency)', path.join(repo, 'node_modules', '.bin', 'secretlint')]]) {
    if (!existsSync(p)) {
      log(`secrets bench: skipped, ${what} is missing`);
      return;
    }
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'conductor-secrets-bench-'));
  const cfgDir = path.join(work, 'config'); // outside the corpora: neither tool scans its own config
  mkdirSync(cfgDir);
  const ts = tools(cfgDir, work);
  try {
    // (a) recall / false positives
    const labelled = path.join(work, 'labelled');
    const samples = labelledCorpus(labelled);
    const positives = samples.filter((s) => s.label === 'positive');
    const negatives = samples.filter((s) => s.label === 'negative');
    log(`secrets bench\n(a) labelled corpus: ${positives.length} positive and ${negatives.length} negative files, ${new Set(samples.map((s) => path.extname(s.path) || path.basename(s.path))).size} file types`);
    const row = (cols) => log('  ' + cols.map((x, i) => String(x).padEnd([30, 22, 22][i] ?? 12)).join(''));
    row(['', 'conductor', 'secretlint']);
    const scores = {};
    for (const t of ts) {
      await run(t, labelled);
      const findings = t.parse(t.out, labelled);
      const at = (s) => findings.filter((f) => f.file === s.path);
      const missed = positives.filter((s) => !at(s).some((f) => f.line === undefined || (f.line - 1 <= s.line && s.line <= (f.endLine ?? f.line) - 1)));
      const flagged = negatives.filter((s) => at(s).length > 0);
      scores[t.key] = { missed, flagged };
    }
    row(['recall (positives found)', ...ts.map((t) => pct(positives.length - scores[t.key].missed.length, positives.length))]);
    row(['false positives (negatives)', ...ts.map((t) => pct(scores[t.key].flagged.length, negatives.length))]);
    for (const t of ts) {
      const names = scores[t.key].missed.map((s) => s.name);
      log(`  ${t.key} misses: ${names.slice(0, 12).join(', ') || 'none'}${names.length > 12 ? `, … ${names.length - 12} more` : ''}`);
      log(`  ${t.key} false positives: ${scores[t.key].flagged.map((s) => s.name).join(', ') || 'none'}`);
    }

    if (SKIP_SPEED) {
      return;
    }
    // (b) speed on the pinned corpus
    log(`\n(b) pinned corpus: ${PINNED.join(', ')}`);
    const pinned = pinnedCorpus();
    log(`  ${pinned.files.toLocaleString('en-US')} files ≤ ${MAX_MB} MB, ${(pinned.bytes / 1048576).toFixed(1)} MiB (${pinned.dir})`);
    const times = { conductor: [], secretlint: [] };
    const cpu = { conductor: [], secretlint: [] };
    for (let i = 0; i < RUNS; i++) {
      for (const t of ts) {
        const r = await run(t, pinned.dir, path.join(work, `${t.key}.cpu`));
        times[t.key].push(r.ms);
        if (r.cpuMs !== undefined) {
          cpu[t.key].push(r.cpuMs);
        }
        log(`  run ${i + 1}/${RUNS} ${t.key.padEnd(10)} ${fmtMs(r.ms)} ms${r.cpuMs !== undefined ? `, cpu ${fmtMs(r.cpuMs)} ms` : ''}`);
      }
    }
    for (const t of ts) {
      const f = t.parse(t.out, pinned.dir);
      const byRule = {};
      f.forEach((x) => (byRule[x.rule] = (byRule[x.rule] ?? 0) + 1));
      log(`  ${t.key} findings: ${f.length} in ${new Set(f.map((x) => x.file)).size} files; ${Object.entries(byRule).sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ') || '-'}`);
      f.slice(0, 5).forEach((x) => log(`    e.g. ${x.rule}  ${x.file}:${x.line}  ${x.masked}`));
    }
    log(`  median of ${RUNS} interleaved runs, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}:`);
    for (const t of ts) {
      log(`    ${t.label.padEnd(42)} wall ${fmtMs(median(times[t.key])).padStart(7)} ms${cpu[t.key].length ? `  cpu ${fmtMs(median(cpu[t.key])).padStart(7)} ms` : ''}`);
    }
    const wall = median(times.secretlint) / median(times.conductor);
    const cpuRatio = cpu.conductor.length ? median(cpu.secretlint) / median(cpu.conductor) : NaN;
    log(`  secretlint / conductor: wall ${wall.toFixed(1)}×${Number.isNaN(cpuRatio) ? '' : `, cpu ${cpuRatio.toFixed(1)}×`} (target ≥ 5×)`);
  } finally {
    if (KEEP) {
      log(`(kept ${work})`);
    } else {
      rmSync(work, { recursive: true, force: true });
    }
  }
}

main()
  .catch((e) => {
    console.error(`secrets bench failed: ${e.stack ?? e}`);
  })
  .finally(() => {
    process.exitCode = 0;
  });
