#!/usr/bin/env node
// Import extraction and resolution (server/src/engine/imports) on real JS/TS nobody here wrote.
//
//   node scripts/bench/imports.mjs [--runs 15] [--src DIR] [--baseline DIR] [--json]
//
// Corpora are read in place from node_modules: zod's TypeScript sources (ESM), eslint's lib (CommonJS
// require) and @types/node (declaration files full of `declare module`). For each parser (the default
// choice per file, the fallback tokenizer alone, es-module-lexer alone) it times extracting every file's
// imports, then resolving every import with cold and with warm caches: CPU time (steadier than wall time
// on a shared machine), median of --runs passes after a warm-up. The reference count and a digest of
// the results are printed. --baseline bundles a second checkout's engine (e.g. the commit before a
// refactor) and interleaves its passes with --src's in this one process, so machine load hits both
// alike; it prints src/baseline as the median of paired ratios and exits 1 when the results differ.
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { parseArgs } from 'util';
import { median } from './util.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const CORPORA = [
  { name: 'zod', dir: 'node_modules/zod', scan: 'src' },
  { name: 'eslint', dir: 'node_modules/eslint', scan: 'lib' },
  { name: '@types/node', dir: 'node_modules/@types/node', scan: '.' },
];
const PARSERS = ['default', 'scanner', 'es-module-lexer'];
const JS_FILE = /\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/;
const MAX_FILES = 5000;

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '15' }, src: { type: 'string', default: REPO }, baseline: { type: 'string' }, json: { type: 'boolean', default: false } } });
const runs = Math.max(1, Number(args.runs));

/** The imports module of `src`, bundled like dist/ is, into a private temp folder (no clash with other runs). */
function loadImports(src) {
  const esbuild = require('esbuild');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-bench-imports-'));
  const out = path.join(dir, 'imports.cjs');
  esbuild.buildSync({
    stdin: {
      contents: `export * from './server/src/engine/imports'; export { lex } from './server/src/engine/text/lexer'; export { syntaxFor } from './server/src/engine/text/languages';`,
      resolveDir: path.resolve(src),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    outfile: out,
    logLevel: 'warning',
  });
  const mod = require(out);
  fs.rmSync(dir, { recursive: true, force: true });
  return mod;
}

function corpusFiles(root, scan) {
  const files = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory() && e.name !== 'node_modules' && files.length < MAX_FILES) {
        walk(p);
      } else if (e.isFile() && JS_FILE.test(e.name) && files.length < MAX_FILES) {
        files.push({ file: p, relPath: path.relative(root, p).split(path.sep).join('/'), text: fs.readFileSync(p, 'utf8') });
      }
    }
  };
  walk(path.join(root, scan));
  return files;
}

/** Order-sensitive digest of what was found: equal digests mean the same specifiers, kinds, offsets, type-only flags and resolutions. */
function digest(values) {
  let h = 0;
  for (const s of values) {
    for (let i = 0; i < s.length; i++) {
      h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
    }
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** CPU time of `fn` in this process (user + sys, ms). */
function cpuMs(fn) {
  const c0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(c0);
  return (d.user + d.system) / 1000;
}

/** The measured tasks of one corpus for one engine: each returns what it found (for the digest). */
function tasks(imp, root, files) {
  const extract = (parser) => () => {
    const refs = files.map((f) => imp.extractImports(f.text, 'js', f.relPath, () => imp.lex(f.text, imp.syntaxFor(undefined, f.relPath)), { jsParser: parser === 'default' ? undefined : parser }));
    return refs.flatMap((rs) => rs.flatMap((r) => [r.specifier, r.kind, String(r.start), String(r.end), r.typeOnly ? 't' : 'v']));
  };
  const refsOf = files.map((f) => imp.extractImports(f.text, 'js', f.relPath, () => imp.lex(f.text, imp.syntaxFor(undefined, f.relPath))));
  const resolveAll = () => files.flatMap((f, i) => refsOf[i].map((ref) => JSON.stringify(imp.resolveImport(ref, { root, file: f.file, language: 'js' }))));
  return {
    ...Object.fromEntries(PARSERS.map((p) => [`extract (${p})`, { run: extract(p) }])),
    'resolve, cold caches': { before: () => imp.invalidateFsCache(), run: resolveAll },
    'resolve, warm caches': { run: resolveAll },
  };
}

const engines = { src: loadImports(args.src), ...(args.baseline ? { baseline: loadImports(args.baseline) } : {}) };
const names = Object.keys(engines);
const results = [];
for (const c of CORPORA) {
  const root = path.join(REPO, c.dir);
  if (!fs.existsSync(root)) {
    throw new Error(`corpus ${c.name} not found at ${root} (npm install first)`);
  }
  const files = corpusFiles(root, c.scan);
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  for (const imp of Object.values(engines)) {
    imp.setWorkspaceRoots([root]);
    imp.invalidateFsCache();
  }
  const perEngine = Object.fromEntries(names.map((n) => [n, tasks(engines[n], root, files)]));
  const measured = [];
  for (const task of Object.keys(perEngine.src)) {
    const found = {};
    const times = Object.fromEntries(names.map((n) => [n, []]));
    for (const n of names) {
      perEngine[n][task].before?.();
      found[n] = perEngine[n][task].run(); // warm-up
    }
    for (let r = 0; r < runs; r++) {
      // Alternate which engine goes first, so neither always runs in the other's wake.
      for (const n of r % 2 ? [...names].reverse() : names) {
        perEngine[n][task].before?.();
        times[n].push(cpuMs(perEngine[n][task].run));
      }
    }
    const row = { task, digest: digest(found.src), cpuMs: median(times.src) };
    if (args.baseline) {
      Object.assign(row, { baselineDigest: digest(found.baseline), baselineCpuMs: median(times.baseline), ratio: median(times.src.map((t, i) => t / times.baseline[i])) });
    }
    measured.push(row);
  }
  results.push({ corpus: c.name, files: files.length, bytes, measured });
}
const differs = results.flatMap((r) => r.measured.filter((m) => m.baselineDigest !== undefined && m.baselineDigest !== m.digest).map((m) => `${r.corpus}: ${m.task}`));

if (args.json) {
  console.log(JSON.stringify({ src: path.resolve(args.src), baseline: args.baseline && path.resolve(args.baseline), node: process.version, load: os.loadavg(), runs, results, differs }, null, 2));
} else {
  const base = args.baseline ? `, baseline ${path.resolve(args.baseline)} interleaved` : '';
  console.log(`engine from ${path.resolve(args.src)}${base}; CPU time, median of ${runs} runs; node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  for (const r of results) {
    console.log(`\n${r.corpus}: ${r.files} files, ${(r.bytes / 1e6).toFixed(2)} MB`);
    for (const m of r.measured) {
      const vs = m.ratio === undefined ? '' : `  baseline ${m.baselineCpuMs.toFixed(1).padStart(7)} ms  src/baseline ${m.ratio.toFixed(3)}${m.baselineDigest === m.digest ? '' : ' RESULTS DIFFER'}`;
      console.log(`  ${m.task.padEnd(26)} ${m.cpuMs.toFixed(1).padStart(7)} ms${vs}  (digest ${m.digest})`);
    }
  }
  if (differs.length) {
    console.log(`\nresults differ from the baseline: ${differs.join('; ')}`);
  }
}
process.exitCode = differs.length ? 1 : 0;
