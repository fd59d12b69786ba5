#!/usr/bin/env node
// Import extraction and resolution (server/src/engine/imports) on real JS/TS nobody here wrote.
//
//   node scripts/bench/imports.mjs [--runs 7] [--src DIR] [--json]
//
// Corpora are read in place from node_modules: zod's TypeScript sources (ESM), eslint's lib (CommonJS
// require) and @types/node (declaration files full of `declare module`). For each parser (the default
// choice per file, the fallback tokenizer alone, es-module-lexer alone) it times extracting every file's
// imports, median of --runs passes after a warm-up; then resolving every import with cold and with warm
// caches (wall and CPU time). The reference count and a checksum of the results are printed so two builds can be compared:
// --src points at another checkout (e.g. the commit before a refactor) whose engine is bundled instead.
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
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
const JS_FILE = /\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/;
const MAX_FILES = 5000;

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '7' }, src: { type: 'string', default: REPO }, json: { type: 'boolean', default: false } } });
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

/** Order-sensitive digest of what was found: equal digests mean the same specifiers, kinds, offsets and type-only flags. */
function digest(refLists) {
  let h = 0;
  for (const refs of refLists) {
    for (const r of refs) {
      for (const s of [r.specifier, r.kind, String(r.start), String(r.end), r.typeOnly ? 't' : 'v']) {
        for (let i = 0; i < s.length; i++) {
          h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
        }
      }
    }
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** CPU time of this process since `start` (user + sys, ms): steadier than wall time on a loaded machine. */
function cpuMs(start) {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

function timeExtraction(imp, files, parser) {
  const extract = () => files.map((f) => imp.extractImports(f.text, 'js', f.relPath, () => imp.lex(f.text, imp.syntaxFor(undefined, f.relPath)), { jsParser: parser }));
  const refs = extract(); // warm-up; also the result that is digested
  const times = [];
  const cpu = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    extract();
    times.push(performance.now() - t0);
    cpu.push(cpuMs(c0));
  }
  return { ms: median(times), cpuMs: median(cpu), refs: refs.reduce((n, x) => n + x.length, 0), digest: digest(refs) };
}

function timeResolution(imp, root, files) {
  const refsOf = files.map((f) => imp.extractImports(f.text, 'js', f.relPath, () => imp.lex(f.text, imp.syntaxFor(undefined, f.relPath))));
  const resolveAll = () => {
    const kinds = {};
    files.forEach((f, i) => {
      for (const ref of refsOf[i]) {
        const r = imp.resolveImport(ref, { root, file: f.file, language: 'js' });
        kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
      }
    });
    return kinds;
  };
  imp.setWorkspaceRoots([root]);
  const cold = [];
  const coldCpu = [];
  const warm = [];
  let kinds;
  for (let r = 0; r < runs; r++) {
    imp.invalidateFsCache();
    const c0 = process.cpuUsage();
    let t0 = performance.now();
    kinds = resolveAll();
    cold.push(performance.now() - t0);
    coldCpu.push(cpuMs(c0));
    t0 = performance.now();
    resolveAll();
    warm.push(performance.now() - t0);
  }
  return { coldMs: median(cold), coldCpuMs: median(coldCpu), warmMs: median(warm), kinds };
}

const imp = loadImports(args.src);
const results = [];
for (const c of CORPORA) {
  const root = path.join(REPO, c.dir);
  if (!fs.existsSync(root)) {
    throw new Error(`corpus ${c.name} not found at ${root} (npm install first)`);
  }
  const files = corpusFiles(root, c.scan);
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const extraction = Object.fromEntries([undefined, 'scanner', 'es-module-lexer'].map((p) => [p ?? 'default', timeExtraction(imp, files, p)]));
  results.push({ corpus: c.name, files: files.length, bytes, extraction, resolution: timeResolution(imp, root, files) });
}

if (args.json) {
  console.log(JSON.stringify({ src: path.resolve(args.src), node: process.version, load: os.loadavg(), runs, results }, null, 2));
} else {
  console.log(`engine from ${path.resolve(args.src)}; median of ${runs} runs; node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  for (const r of results) {
    console.log(`\n${r.corpus}: ${r.files} files, ${(r.bytes / 1e6).toFixed(2)} MB`);
    for (const [parser, e] of Object.entries(r.extraction)) {
      console.log(`  extract (${parser.padEnd(15)}) ${e.ms.toFixed(1).padStart(7)} ms (CPU ${e.cpuMs.toFixed(1)} ms)  ${((r.bytes / 1e6 / e.ms) * 1000).toFixed(0).padStart(4)} MB/s  ${e.refs} refs, digest ${e.digest}`);
    }
    const { coldMs, coldCpuMs, warmMs, kinds } = r.resolution;
    console.log(`  resolve every import: cold ${coldMs.toFixed(1)} ms (CPU ${coldCpuMs.toFixed(1)} ms), warm ${warmMs.toFixed(1)} ms  ${JSON.stringify(kinds)}`);
  }
}
