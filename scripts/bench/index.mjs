// `npm run bench`: performance benchmarks for the language server, the engine and the CLI.
// Not part of the test suite. Every number and ratio is measured in this run; results also go to
// .bench/results.json. Usage: node scripts/bench/index.mjs [--profile]
// --profile adds a phase profile of the CLI scan (a few more minutes; see scan-phases.mjs).
import { execFileSync, spawn } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { fileURLToPath } from 'url';
import { benchCliVsRg, MAX_MB } from './cli-vs-rg.mjs';
import { benchEngineCheck } from './engine-check.mjs';
import { buildEngine, diskHost } from './engine.mjs';
import { generateTypeScript } from './gen-file.mjs';
import { benchLsp } from './lsp-latency.mjs';
import { detectRulesets, ruleFileText } from './rulesets.mjs';
import { fmtMs, fmtN, median, timedRun } from './util.mjs';

const TARGETS = { lspP99Ms: 20, cliVsRgRatio: 2 };
/** Regex modes the profile compares (see scan-phases.mjs): the CLI's flags, a higher fallback limit, no fallback. */
const REGEX_MODES = [
  ['cli', 'CLI flags'],
  ['1000000', 'fallback >1M'],
  ['off', 'no fallback'],
];

const LINES = 5000;
const EDITS = 300;
const ENGINE_RUNS = 200;
const SCAN_RUNS = 5;
/** The optional CLI variant stops repeating after this many seconds of bench time. */
const BUDGET_S = 150;

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const benchDir = path.join(repo, '.bench');
const withProfile = process.argv.includes('--profile');
const started = performance.now();
const log = (s) => process.stderr.write(`${s}\n`);
const rgVersion = (() => {
  try {
    return execFileSync('rg', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  } catch {
    return undefined;
  }
})();
if (!rgVersion) {
  throw new Error('ripgrep (rg) is not on PATH');
}

mkdirSync(benchDir, { recursive: true });
const env = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  loadavgStart: os.loadavg().map((x) => +x.toFixed(2)),
  rg: rgVersion,
};
// Other engineers rebuild dist/ while this runs: use a copy of the build `npm run bench` just made.
const distDir = snapshotDist();
const cliHelp = execFileSync(process.execPath, [path.join(distDir, 'cli.js'), '--help'], { encoding: 'utf8' });
log(`[bench] building the engine bundle into .bench/engine.cjs`);
const engine = await buildEngine(repo, benchDir);
const rulesets = detectRulesets(engine, repo);

// The editor workspace: a rule file extending the active rulesets and one 5,000-line TypeScript file.
const root = mkdtempSync(path.join(os.tmpdir(), 'conductor-bench-'));
const relPath = 'src/orders-service.ts';
const generated = generateTypeScript(LINES);
mkdirSync(path.join(root, '.conductor'));
mkdirSync(path.join(root, 'src'));
writeFileSync(path.join(root, '.conductor', 'rules.jsonc'), ruleFileText(rulesets.active));
writeFileSync(path.join(root, relPath), generated.text);

const results = { env, targets: TARGETS, rulesets };
try {
  log(`[bench] 1/3 editor latency: ${EDITS} edits through dist/server.js --stdio`);
  const serverNodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  results.lsp = await benchLsp({ repo, distDir, root, relPath, text: generated.text, edits: EDITS, serverNodeArgs });
  results.lsp.file = { lines: LINES, bytes: Buffer.byteLength(generated.text) };

  log(`[bench] 3/3 engine: checkDocument × ${ENGINE_RUNS} in-process`);
  results.engine = benchEngineCheck(engine, { repo, root, relPath, text: generated.text, runs: ENGINE_RUNS });

  log(`[bench] 2/3 CLI vs ripgrep over node_modules (${SCAN_RUNS} runs each)`);
  const fairPolicy = engine.loadWorkspaceConfig(repo, diskHost(repo), 'rules/recommended.jsonc').policy;
  results.scan = await benchCliVsRg({
    repo,
    distDir,
    cliHasJobs: cliHelp.includes('--jobs'),
    benchDir,
    fairPolicy,
    shippedRulesets: rulesets.active,
    runs: SCAN_RUNS,
    shippedRuns: 3,
    deadline: started + BUDGET_S * 1000,
    log,
  });
  const startup = [];
  for (let i = 0; i < 5; i++) {
    startup.push((await timedRun(process.execPath, [path.join(distDir, 'cli.js'), '--version'], { cwd: repo })).ms);
  }
  results.scan.cliStartupMs = median(startup);

  if (withProfile) {
    log(`[bench] profile: scan phases in child processes, 3 regex modes × 2 rule sets`);
    results.profile = await profileRuns();
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
env.loadavgEnd = os.loadavg().map((x) => +x.toFixed(2));
env.totalSeconds = +((performance.now() - started) / 1000).toFixed(1);
writeFileSync(path.join(benchDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
print(results);

/** Copies dist/*.js (server, CLI, scan worker) to .bench/dist; the built-in rules are still found above it. */
function snapshotDist() {
  const dir = path.join(benchDir, 'dist');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(path.join(repo, 'dist'))) {
    if (f.endsWith('.js')) {
      copyFileSync(path.join(repo, 'dist', f), path.join(dir, f));
    }
  }
  return dir;
}

/** The scan profile, in child processes so the V8 regex flags can differ, for the fair and the shipped rules. */
async function profileRuns() {
  const script = path.join(repo, 'scripts', 'bench', 'scan-phases.mjs');
  const runOnce = (config, mode) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [script, repo, config, 'node_modules', `--regex=${mode}`], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`scan-phases exited with ${code}`))));
    });
  const out = {};
  const bundle = readFileSync(path.join(benchDir, 'engine.cjs'), 'utf8');
  out.cliFallbackLimit = /--regexp-backtracks-before-fallback=(\d+)/.exec(bundle)?.[1];
  for (const [name, file] of [['fair', 'scan-fair.jsonc'], ['shipped', 'scan-shipped.jsonc']]) {
    const config = path.relative(repo, path.join(benchDir, file));
    out[name] = {};
    for (const [mode] of REGEX_MODES) {
      log(`  profile ${name} --regex=${mode}`);
      try {
        out[name][mode] = await runOnce(config, mode);
      } catch (e) {
        out[name][mode] = { error: e.message };
      }
    }
  }
  return out;
}

function execMs(run, x) {
  const ms = run.slowestExecs?.find((y) => y.id === x.id && y.file === x.file)?.ms;
  return ms === undefined ? '<20' : fmtMs(ms);
}

function print(r) {
  const out = [];
  const line = (s = '') => out.push(s);
  const row = (cells, widths) => line(cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  '));
  const pass = (ok) => (ok ? 'PASS' : 'MISS');
  line(`Conductor benchmarks — ${r.env.date}, Node ${r.env.node}, ${r.env.cpus} CPUs (${r.env.cpuModel}), ${r.env.rg}`);
  line(`load average at start ${r.env.loadavgStart.join(' ')}, at end ${r.env.loadavgEnd.join(' ')}${r.env.loadavgStart[0] > r.env.cpus ? '  (machine busy: absolute times are inflated; ratios are measured interleaved)' : ''}`);
  line(`rulesets active: ${r.rulesets.active.map((n) => 'conductor:' + n).join(', ')} (${r.rulesets.patternCount} patterns, ${r.rulesets.ruleCount} rules)` +
    (r.rulesets.inactive.length ? `; not active: ${r.rulesets.inactive.map((x) => `${x.name} (${x.reason})`).join(', ')}` : ''));
  line();

  const l = r.lsp;
  line(`1. Editor latency — dist/server.js --stdio (copied to .bench/dist after this run's build), ${fmtN(l.file.lines)}-line TypeScript file (${(l.file.bytes / 1024).toFixed(0)} KB), ${l.n} single-character didChange edits (after ${l.warmup} warm-up), didChange → publishDiagnostics(version)`);
  row(['', 'p50', 'p90', 'p99', 'max', 'mean', 'target'], [34, 7, 7, 7, 7, 7, 16]);
  row(['client round trip (ms)', fmtMs(l.p50), fmtMs(l.p90), fmtMs(l.p99), fmtMs(l.max), fmtMs(l.mean), `p99 ≤ ${r.targets.lspP99Ms} ${pass(l.p99 <= r.targets.lspP99Ms)}`], [34, 7, 7, 7, 7, 7, 16]);
  const e = r.engine;
  row(['engine checkDocument, in-process', fmtMs(e.p50), fmtMs(e.p90), fmtMs(e.p99), fmtMs(e.max), fmtMs(e.mean), ''], [34, 7, 7, 7, 7, 7, 16]);
  line(`   CPU per edit: server ${fmtMs(l.serverCpuMsPerEdit)} ms (from /proc, all threads); engine in-process ${fmtMs(e.cpuMsPerCheck)} ms per check — wall minus CPU is time spent waiting for a core`);
  line(`   server status: ${l.status.message} [${l.statusState}]; open → first diagnostics ${fmtMs(l.openMs)} ms (${l.openFindings} findings);` +
    ` server-reported lastCheckMs for the last edit: ${l.serverLastCheckMs ?? 'n/a'} ms`);
  line(`   engine p50 / round-trip p50: ${((100 * e.p50) / l.p50).toFixed(0)}% (measured one after the other; the rest of a round trip is JSON-RPC, the TextDocument update, setImmediate scheduling and diagnostics conversion)`);
  line();

  line(`3. Engine alone — checkDocument on the same file, median of ${e.n} runs: ${fmtMs(e.p50)} ms (${e.findings} findings: ${Object.entries(e.byRule).map(([k, v]) => `${k}×${v}`).join(', ')})`);
  const regexPhases = Object.entries(e.phases).filter(([k]) => k.startsWith('regex ') && !k.startsWith('regex scans'));
  const topRegex = regexPhases.sort((a, b) => b[1] - a[1]).slice(0, 4);
  const otherPhases = Object.entries(e.phases).filter(([k]) => !k.startsWith('regex ') && !k.startsWith('patterns'));
  line(`   phases (median of 20 each, ms): ${otherPhases.map(([k, v]) => `${k} ${fmtMs(v)}`).join(' | ')}`);
  line(`   regex scans: ${e.phases.patternsRun} of ${e.phases.patternsApplicable} applicable patterns pass the keywords screen, ${fmtMs(e.phases['regex scans, all patterns'])} ms in all (top: ${topRegex.map(([k, v]) => `${k.slice(6)} ${fmtMs(v)}`).join(', ')})`);
  line();

  const s = r.scan;
  const t = s.tree;
  line(`2. CLI whole-tree scan vs ripgrep — node_modules: ${fmtN(t.files)} files, ${(t.bytes / 1048576).toFixed(1)} MB ` +
    `(${t.largeFiles} files / ${(t.largeBytes / 1048576).toFixed(1)} MB over ${MAX_MB} MiB skipped by both; ${(t.searchedBytes / 1048576).toFixed(1)} MB searched)`);
  line(`   regex set: ${s.set.patterns.length} patterns (${s.set.patterns.map((p) => p.id).join(', ')})${s.set.excluded.length ? `; excluded: ${s.set.excluded.map((x) => `${x.id} (${x.reason})`).join(', ')}` : ''}; rg ${s.set.multiline ? 'multiline (-U): a regex matches \\n, so line mode cannot run it' : 'line mode'}`);
  const w = [50, 10, 8, 9, 7, 34];
  row(['', 'median ms', 'CPU ms', 'files/s', 'MB/s', 'runs (ms)'], w);
  for (const k of ['cli', 'rg', 'cli1', 'rg1', 'rgLine', 'cliShipped']) {
    const x = s.results[k];
    if (x?.error && x.runsMs.length === 0) {
      line(`${x.label}: failed — ${x.error.split('\n').slice(0, 3).join(' ')}`);
    } else if (x) {
      row([x.label, fmtMs(x.medianMs), fmtMs(x.medianCpuMs), fmtN(x.filesPerSec), x.mbPerSec.toFixed(1), x.runsMs.map((v) => v.toFixed(0)).join(' ')], w);
    }
  }
  line(`   ratio Conductor/ripgrep, same regexes, default threads: ${s.ratio.toFixed(2)}× (medians), ${s.ratioPerRound.toFixed(2)}× (median of per-round ratios), ${s.cpuRatio.toFixed(2)}× CPU time — target ≤ ${r.targets.cliVsRgRatio}×: ${pass(s.ratio <= r.targets.cliVsRgRatio)}`);
  line(`   one thread each (CLI --jobs 1 / rg -j1): ${s.ratioOneThread.toFixed(2)}×${s.ratioLineMode ? `; vs rg line mode (rg's fast path for the same intent): ${s.ratioLineMode.toFixed(2)}× (${pass(s.ratioLineMode <= r.targets.cliVsRgRatio)})` : ''}`);
  line(`   CLI start-up alone (node .bench/dist/cli.js --version): ${fmtMs(s.cliStartupMs)} ms`);
  const c = s.counts;
  line(`   findings: CLI ${fmtN(c.cliTotal)} in ${fmtN(c.cliFilesWithMatches)} files; rg combined run ${fmtN(c.rgCombined.matches)} matches on ${fmtN(c.rgCombined.lines)} lines in ${fmtN(c.rgCombined.files)} files`);
  const cw = [40, 8, 8, 14, 18];
  row(['   per rule (rg: one run per pattern)', 'CLI', 'rg', `rg ≤${500}/file`, 'rg in CLI-skipped'], cw);
  for (const p of c.perRule) {
    row([`   ${p.id}`, fmtN(p.cli), fmtN(p.rg), fmtN(p.rgCapped), fmtN(p.rgInFilesCliSkipped)], cw);
  }
  line(`   CLI skipped: ${Object.entries(c.cliSkipped).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  line(`   commands: ${s.results.cli.command}`);
  line(`             ${s.results.rg.command.replace(/ -e .* -- /, ' -e <each pattern> -- ')}`);
  line();

  if (r.profile) {
    for (const [name, p] of Object.entries(r.profile).filter(([k]) => k !== 'cliFallbackLimit')) {
      const runs = REGEX_MODES.map(([m]) => p[m]);
      const a = runs[0];
      if (runs.some((x) => x.error)) {
        line(`Profile, ${name} rules: failed — ${runs.find((x) => x.error).error}`);
        continue;
      }
      line(`Profile, ${name} rules (${a.patterns} patterns, ${fmtN(a.files)} files, ${fmtN(a.checked)} checked): the CLI's scan in-process, same bundled code, by phase (ms)`);
      const pw = [84, 12, 12, 12];
      row(['   phase', ...REGEX_MODES.map(([, label]) => label.slice(0, 12))], pw);
      if (r.profile.cliFallbackLimit) {
        line(`   (CLI flags = the engine's own: linear-engine fallback after ${r.profile.cliFallbackLimit} backtracks per exec)`);
      }
      row(['   whole scan (walk → formatJson)', ...runs.map((x) => fmtMs(x.scanMs))], pw);
      for (const k of Object.keys(a.phases)) {
        row([`   ${k}`, ...runs.map((x) => fmtMs(x.phases[k]))], pw);
      }
      row([`   GC during the scan`, ...runs.map((x) => fmtMs(x.gcMsDuringScan))], pw);
      line(`   inside checkDocument, re-run separately over the same texts (top 12):`);
      const keys = Object.keys(a.attribution).sort((x, y) => a.attribution[y] - a.attribution[x]).slice(0, 12);
      for (const k of keys) {
        row([`   ${k}`, ...runs.map((x) => fmtMs(x.attribution[k]))], pw);
      }
      const pc = a.prefilterCheck;
      line(`   required-literal what-if: ${pc.withLiterals} of ${a.patterns} patterns have a literal every match contains; ${fmtN(pc.regexRunsSkipped)} of ${fmtN(pc.regexRuns)} regex runs skipped;` +
        ` matches ${fmtN(pc.prefiltered)} vs ${fmtN(pc.regex)} (${pc.prefiltered === pc.regex ? 'identical' : 'DIFFERENT'})${pc.skippedByKeywords ? `; keywords already skipped ${fmtN(pc.skippedByKeywords)} runs` : ''}`);
      const slow = (a.slowestExecs ?? []).slice(0, 4);
      if (slow.length) {
        line(`   slowest single regex executions, ms (${REGEX_MODES.map(([, l]) => l).join(' / ')}):`);
        for (const x of slow) {
          line(`     ${x.id} on ${x.file} (${x.kb.toFixed(0)} KB): ${runs.map((run) => execMs(run, x)).join(' / ')}`);
        }
      }
      line();
    }
  }
  line(`total bench time ${r.env.totalSeconds} s; results in .bench/results.json`);
  process.stdout.write(out.join('\n') + '\n');
}
