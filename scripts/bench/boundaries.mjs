#!/usr/bin/env node
// Conductor's boundary rules against dependency-cruiser, on real code nobody here wrote.
//
//   node scripts/bench/boundaries.mjs [--cli dist/cli.js] [--runs 3] [--corpus zod,eslint] [--jobs N] [--keep] [--json]
//
// For each corpus (a source tree copied out of node_modules into a temp folder) the same layer rules
// are written twice: as a Conductor rule file (`boundaries`) and as dependency-cruiser `forbidden`
// rules. Both tools run from the command line; the script compares the sets of violating import edges
// (from file → to file, layer violation or private import) and the median wall time over --runs runs.
// Then it times the editor's case in-process: re-checking one edited file with warm caches.
// Needs `node scripts/build.mjs` first. Exit code 1 when the edge sets differ.
// From another script: `const { results, identical } = await benchBoundaries({ runs: 3 })` (see below).
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { fileURLToPath, pathToFileURL } from 'url';
import { parseArgs } from 'util';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

const DEFAULTS = { cli: path.join(REPO, 'dist', 'cli.js'), runs: 3, corpus: 'zod,eslint', keep: false, edits: 300, jobs: undefined, log: (line) => console.log(line) };
let args = DEFAULTS;

/**
 * Layers are folders (or single files) of the corpus; the same definitions become minimatch globs for
 * Conductor and anchored regular expressions for dependency-cruiser. Layers do not overlap.
 */
const CORPORA = {
  zod: {
    description: 'zod 4 sources (TypeScript, ESM with .js specifiers)',
    source: 'node_modules/zod',
    copy: ['src', 'package.json'],
    scan: 'src',
    layers: {
      core: { dirs: ['src/v4/core'], public: ['src/v4/core/index.ts'] },
      classic: { dirs: ['src/v4/classic'] },
      mini: { dirs: ['src/v4/mini'] },
      locales: { dirs: ['src/v4/locales'] },
      v3: { dirs: ['src/v3'] },
    },
    allow: { classic: ['core', 'locales'], mini: ['core', 'locales'], locales: ['core'], core: [], v3: [] },
    deny: [{ from: 'mini', to: 'classic', reason: 'zod/mini must stay tree-shakeable.' }],
  },
  eslint: {
    description: 'eslint lib/ (CommonJS require)',
    source: 'node_modules/eslint',
    copy: ['lib', 'conf', 'package.json'],
    scan: 'lib',
    layers: {
      shared: { dirs: ['lib/shared'] },
      services: { dirs: ['lib/services'] },
      core: { dirs: ['lib/linter', 'lib/languages', 'lib/config'] },
      rules: { dirs: ['lib/rules'], public: ['lib/rules/index.js'] },
      api: { dirs: ['lib/eslint', 'lib/cli-engine', 'lib/rule-tester'], files: ['lib/api.js', 'lib/cli.js'] },
    },
    allow: { api: ['core', 'services', 'shared', 'rules'], core: ['shared', 'services'], rules: ['shared'], services: ['shared'], shared: [] },
    deny: [{ from: 'services', to: 'core', reason: 'Services are used by the linter, never the other way round.' }],
  },
};

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const layerGlobs = (l) => [...(l.dirs ?? []).map((d) => `${d}/**`), ...(l.files ?? [])];
const layerRegex = (l) => `^(?:${[...(l.dirs ?? []).map((d) => `${escapeRe(d)}/`), ...(l.files ?? []).map((f) => `${escapeRe(f)}$`)].join('|')})`;
const publicRegex = (l) => `^(?:${l.public.map((f) => `${escapeRe(f)}$`).join('|')})`;

/** Mirrors CompiledBoundaries.decide: deny wins, then the allow list (a layer without an entry imports nothing). */
function allowed(c, from, to) {
  if (from === to) {
    return true;
  }
  if (c.deny.some((d) => (d.from === from || d.from === '*') && (d.to === to || d.to === '*'))) {
    return false;
  }
  return (c.allow[from] ?? []).includes(to) || (c.allow[from] ?? []).includes('*');
}

function conductorRules(c) {
  const layers = Object.fromEntries(Object.entries(c.layers).map(([n, l]) => [n, { paths: layerGlobs(l), ...(l.public ? { public: l.public } : {}) }]));
  return { name: 'bench', boundaries: { layers, allow: c.allow, deny: c.deny, typeOnlyImports: 'check' } };
}

function cruiserConfig(c) {
  const forbidden = [];
  const names = Object.keys(c.layers);
  for (const from of names) {
    for (const to of names) {
      if (!allowed(c, from, to)) {
        forbidden.push({ name: `layer:${from}->${to}`, severity: 'error', from: { path: layerRegex(c.layers[from]) }, to: { path: layerRegex(c.layers[to]) } });
      }
    }
  }
  for (const [name, l] of Object.entries(c.layers)) {
    if (l.public) {
      forbidden.push({ name: `private:${name}`, severity: 'error', from: { pathNot: layerRegex(l) }, to: { path: layerRegex(l), pathNot: publicRegex(l) } });
    }
  }
  return {
    forbidden,
    options: {
      doNotFollow: { path: 'node_modules' },
      // See type-only imports too, as Conductor does with typeOnlyImports: "check".
      tsPreCompilationDeps: true,
      moduleSystems: ['cjs', 'es6', 'tsd'],
      enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.json'] },
    },
  };
}

function setup(name, c) {
  const dir = path.join(os.tmpdir(), 'conductor-bench-boundaries', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const p of c.copy) {
    const from = path.join(REPO, c.source, p);
    if (fs.existsSync(from)) {
      fs.cpSync(from, path.join(dir, p), { recursive: true });
    }
  }
  fs.mkdirSync(path.join(dir, '.conductor'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.conductor', 'rules.jsonc'), JSON.stringify(conductorRules(c), null, 2) + '\n');
  fs.writeFileSync(path.join(dir, '.dependency-cruiser.cjs'), `module.exports = ${JSON.stringify(cruiserConfig(c), null, 2)};\n`);
  return dir;
}

/** GNU time, to read a child's CPU time (user + sys; worker threads included): robust on a loaded machine. */
const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs node with args; returns stdout and the child's CPU seconds (when GNU time is available). */
function spawnNode(nodeArgs, cwd) {
  const cmd = GNU_TIME ?? process.execPath;
  const argv = GNU_TIME ? ['-f', '\n@@cpu %U %S', process.execPath, ...nodeArgs] : nodeArgs;
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const m = /@@cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
  return { status: r.status, stdout: r.stdout, stderr: m ? r.stderr.slice(0, m.index) : r.stderr, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : undefined };
}

function timed(fn) {
  const t = performance.now();
  const out = fn();
  return { ms: performance.now() - t, out };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const DEPCRUISE = path.join(REPO, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

function runCruiser(dir, scan) {
  // The bin `npx depcruise` runs, started directly so npm's own start-up is not counted against it.
  const r = spawnNode([DEPCRUISE, scan, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], dir);
  if (r.status !== 0 && r.status !== 1 && !r.stdout) {
    throw new Error(`depcruise failed (${r.status}): ${r.stderr}`);
  }
  return { report: JSON.parse(r.stdout), cpuMs: r.cpuMs };
}

function runConductor(dir) {
  const jobs = args.jobs ? ['--jobs', args.jobs] : [];
  const r = spawnNode([args.cli, 'check', '--format', 'json', '--fail-on', 'never', '--cwd', dir, ...jobs], dir);
  if (r.status !== 0) {
    throw new Error(`conductor check failed (${r.status}): ${r.stderr}`);
  }
  return { report: JSON.parse(r.stdout), cpuMs: r.cpuMs };
}

/** Violating edges `from → to` with their kind; an edge that breaks a layer rule is a layer edge. */
function cruiserEdges(report) {
  const edges = new Map();
  for (const v of report.summary.violations) {
    const kind = v.rule.name.startsWith('layer:') ? 'layer' : 'private';
    const key = `${v.from} -> ${v.to}`;
    edges.set(key, edges.get(key) === 'layer' ? 'layer' : kind);
  }
  return edges;
}

function conductorEdges(report) {
  const edges = new Map();
  const other = new Map();
  for (const r of report.results) {
    for (const f of r.findings) {
      if (f.ruleId === 'boundaries/layer-violation' || f.ruleId === 'boundaries/private-import') {
        const key = `${r.path} -> ${f.properties.to}`;
        const kind = f.ruleId === 'boundaries/layer-violation' ? 'layer' : 'private';
        edges.set(key, edges.get(key) === 'layer' ? 'layer' : kind);
      } else {
        other.set(f.ruleId, (other.get(f.ruleId) ?? 0) + 1);
      }
    }
  }
  return { edges, other };
}

function compare(a, b) {
  const onlyA = [...a].filter(([k, v]) => b.get(k) !== v).map(([k, v]) => `${k} (${v}${b.has(k) ? `; other tool: ${b.get(k)}` : ''})`);
  const onlyB = [...b].filter(([k, v]) => a.get(k) !== v).map(([k, v]) => `${k} (${v}${a.has(k) ? `; other tool: ${a.get(k)}` : ''})`);
  return { onlyA, onlyB };
}

function countFiles(dir, scan) {
  let files = 0;
  let bytes = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        walk(p);
      } else if (/\.(m|c)?[jt]sx?$/.test(e.name)) {
        files++;
        bytes += fs.statSync(p).size;
      }
    }
  };
  walk(path.join(dir, scan));
  return { files, bytes };
}

/** The engine bundled for in-process timing (the same sources as dist/, plus the boundaries API). */
function loadEngine() {
  const esbuild = require('esbuild');
  const out = path.join(os.tmpdir(), 'conductor-bench-boundaries', 'engine.cjs');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  esbuild.buildSync({
    stdin: {
      contents: `export * from './server/src/engine'; export * from './server/src/engine/boundaries'; export { fsCacheStats } from './server/src/engine/imports'; export { useDiskForImports } from './server/src/host/import-file-system';`,
      resolveDir: REPO,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    outfile: out,
    logLevel: 'warning',
    define: { VERSION: '"bench"' },
  });
  return require(out);
}

function inProcess(engine, dir) {
  const host = { builtinDir: path.join(REPO, 'rules'), readFile: (f) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined) };
  const { policy, problems } = engine.loadWorkspaceConfig(dir, host);
  if (!policy) {
    throw new Error(`bench rule file has problems: ${JSON.stringify(problems)}`);
  }
  const noBoundaries = new engine.Policy({ ...policy.resolved, boundaries: undefined });
  const files = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory() && e.name !== '.conductor') {
        walk(p);
      } else if (/\.(m|c)?[jt]sx?$/.test(e.name)) {
        files.push({ relPath: path.relative(dir, p).split(path.sep).join('/'), text: fs.readFileSync(p, 'utf8') });
      }
    }
  };
  walk(dir);
  const opts = { docsUrl: () => undefined };
  engine.useDiskForImports([dir]); // as the CLI and the editor give the engine the disk (caches dropped)
  const cold = timed(() => files.forEach((f) => engine.checkDocument({ ...f, root: dir }, policy, opts)));
  const warm = timed(() => files.forEach((f) => engine.checkDocument({ ...f, root: dir }, policy, opts)));
  // The file with the most imports is the worst case for one keystroke.
  const target = files
    .map((f) => ({ f, n: (f.text.match(/\bimport\b|\brequire\(/g) ?? []).length }))
    .sort((a, b) => b.n - a.n)[0].f;
  const edits = Number(args.edits);
  const sample = (policyToUse) => {
    const times = [];
    for (let i = 0; i < edits; i++) {
      const text = `${target.text}\n// edit ${i}\n`;
      const t = performance.now();
      engine.checkDocument({ relPath: target.relPath, text, root: dir }, policyToUse, opts);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)] };
  };
  const listingsBefore = engine.fsCacheStats.listings;
  const withB = sample(policy);
  const fsWork = engine.fsCacheStats.listings - listingsBefore;
  const without = sample(noBoundaries);
  engine.invalidateBoundaryCaches(path.join(dir, target.relPath));
  const afterEvent = timed(() => engine.checkDocument({ relPath: target.relPath, text: target.text, root: dir }, policy, opts));
  engine.invalidateBoundaryCaches();
  const afterFullReset = timed(() => engine.checkDocument({ relPath: target.relPath, text: target.text, root: dir }, policy, opts));
  return {
    files: files.length,
    workspaceColdMs: cold.ms,
    workspaceWarmMs: warm.ms,
    target: target.relPath,
    targetBytes: target.text.length,
    editMedianMs: withB.median,
    editP95Ms: withB.p95,
    editWithoutBoundariesMedianMs: without.median,
    dirListingsDuringEdits: fsWork,
    afterFsEventMs: afterEvent.ms,
    afterFullResetMs: afterFullReset.ms,
  };
}

const fmt = (ms) => `${ms >= 100 ? ms.toFixed(0) : ms.toFixed(2)} ms`;

/**
 * Runs the comparison. Options (all optional): cli, runs, corpus ('zod,eslint'), jobs (conductor --jobs),
 * edits (in-process re-checks), keep (leave the temp corpora), log (line printer; null for silence).
 * Resolves to { results, identical }: one entry per corpus with edge sets, differences and timings.
 */
export async function benchBoundaries(options = {}) {
  args = { ...DEFAULTS, ...options };
  const RUNS = Math.max(1, Number(args.runs));
  const log = args.log ?? (() => {});
  const results = [];
  let engine;
  let differ = false;
  for (const name of String(args.corpus).split(',')) {
    const c = CORPORA[name];
    if (!c) {
      throw new Error(`unknown corpus ${name}; known: ${Object.keys(CORPORA).join(', ')}`);
    }
    if (!fs.existsSync(path.join(REPO, c.source))) {
      log(`skipping ${name}: ${c.source} is not installed`);
      continue;
    }
    const dir = setup(name, c);
    const size = countFiles(dir, c.scan);
    const cruiserTimes = [];
    const conductorTimes = [];
    let cruiserReport;
    let conductorReport;
    const cruiserCpu = [];
    const conductorCpu = [];
    for (let i = 0; i < RUNS; i++) {
      // Interleaved, so load changes on a shared machine hit both tools alike.
      const a = timed(() => runCruiser(dir, c.scan));
      cruiserTimes.push(a.ms);
      cruiserReport = a.out.report;
      cruiserCpu.push(a.out.cpuMs);
      const b = timed(() => runConductor(dir));
      conductorTimes.push(b.ms);
      conductorReport = b.out.report;
      conductorCpu.push(b.out.cpuMs);
    }
    const dc = cruiserEdges(cruiserReport);
    const { edges: co, other } = conductorEdges(conductorReport);
    const { onlyA: onlyCruiser, onlyB: onlyConductor } = compare(dc, co);
    differ ||= onlyCruiser.length + onlyConductor.length > 0;
    const unresolvedByCruiser = cruiserReport.modules.flatMap((m) => m.dependencies.filter((d) => d.couldNotResolve && /^\./.test(d.module)).map((d) => `${m.source} -> ${d.module}`));
    engine ??= loadEngine();
    const ip = inProcess(engine, dir);
    const r = {
      corpus: name,
      description: c.description,
      files: size.files,
      megabytes: +(size.bytes / 1048576).toFixed(2),
      cruiserEdges: dc.size,
      conductorEdges: co.size,
      byKind: { layer: [...co.values()].filter((k) => k === 'layer').length, private: [...co.values()].filter((k) => k === 'private').length },
      identical: onlyCruiser.length + onlyConductor.length === 0,
      onlyCruiser,
      onlyConductor,
      unresolvedByCruiser,
      otherConductorFindings: Object.fromEntries(other),
      cruiserMs: cruiserTimes,
      conductorMs: conductorTimes,
      cruiserMedianMs: median(cruiserTimes),
      conductorMedianMs: median(conductorTimes),
      ratio: median(cruiserTimes) / median(conductorTimes),
      ...(cruiserCpu[0] !== undefined ? { cruiserCpuMs: cruiserCpu, conductorCpuMs: conductorCpu, cpuRatio: median(cruiserCpu) / median(conductorCpu) } : {}),
      inProcess: ip,
    };
    results.push(r);
    if (!args.keep) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    log(`\n${name}: ${c.description} — ${r.files} files, ${r.megabytes} MB, ${Object.keys(c.layers).length} layers`);
    log(`  violating edges: dependency-cruiser ${r.cruiserEdges}, Conductor ${r.conductorEdges} (${r.byKind.layer} layer, ${r.byKind.private} private) → ${r.identical ? 'IDENTICAL' : 'DIFFERENT'}`);
    for (const e of onlyCruiser) {
      log(`    only dependency-cruiser: ${e}`);
    }
    for (const e of onlyConductor) {
      log(`    only Conductor:          ${e}`);
    }
    if (unresolvedByCruiser.length) {
      log(`  relative imports dependency-cruiser could not resolve: ${unresolvedByCruiser.length} (e.g. ${unresolvedByCruiser.slice(0, 3).join('; ')})`);
    }
    if (r.conductorEdges === 0 && r.cruiserEdges > 0) {
      log('  ! Conductor reported no layer findings: does the CLI pass the workspace root to checkDocument ({ root }) ?');
    }
    log(`  other Conductor findings (not compared): ${JSON.stringify(r.otherConductorFindings)}`);
    log(`  wall time, median of ${RUNS}: dependency-cruiser ${fmt(r.cruiserMedianMs)} [${cruiserTimes.map(fmt).join(', ')}]`);
    log(`                            Conductor check    ${fmt(r.conductorMedianMs)} [${conductorTimes.map(fmt).join(', ')}]${args.jobs ? ` (--jobs ${args.jobs})` : ''}`);
    log(`  ratio: Conductor is ${r.ratio.toFixed(1)}× faster (wall time)`);
    if (r.cpuRatio) {
      log(`  CPU time (user+sys, median): dependency-cruiser ${fmt(median(r.cruiserCpuMs))}, Conductor ${fmt(median(r.conductorCpuMs))} → ${r.cpuRatio.toFixed(1)}× less CPU`);
    }
    log(`  in-process engine, ${ip.files} files: whole workspace cold ${fmt(ip.workspaceColdMs)}, warm ${fmt(ip.workspaceWarmMs)}`);
    log(`  re-check one edited file (${ip.target}, ${(ip.targetBytes / 1024).toFixed(0)} KB), warm caches, ${args.edits} edits:`);
    log(`    checkDocument median ${fmt(ip.editMedianMs)}, p95 ${fmt(ip.editP95Ms)} (same policy without boundaries: median ${fmt(ip.editWithoutBoundariesMedianMs)}); directory listings during edits: ${ip.dirListingsDuringEdits}`);
    log(`    first check after a file-system event on it: ${fmt(ip.afterFsEventMs)}; after invalidating everything: ${fmt(ip.afterFullResetMs)}`);
  }
  log(`\nnode ${process.version}, ${os.availableParallelism()} cores, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; dependency-cruiser ${execFileSync(process.execPath, [DEPCRUISE, '--version'], { encoding: 'utf8' }).trim()}`);
  return { results, identical: !differ };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({
    options: {
      cli: { type: 'string' },
      runs: { type: 'string' },
      corpus: { type: 'string' },
      keep: { type: 'boolean' },
      json: { type: 'boolean' },
      edits: { type: 'string' },
      // Passed to `conductor check --jobs` (default: the CLI's own choice, workers from 200 files).
      jobs: { type: 'string' },
    },
  });
  const { json, ...rest } = values;
  const { results, identical } = await benchBoundaries({ ...rest, ...(json ? { log: null } : {}) });
  if (json) {
    process.stdout.write(JSON.stringify({ node: process.version, cpus: os.availableParallelism(), loadavg: os.loadavg(), results }, null, 2) + '\n');
  }
  process.exitCode = identical ? 0 : 1;
}
