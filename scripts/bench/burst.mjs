// Burst latency through the real built server (dist/server.js --stdio): a client writes N didChange
// notifications back to back (a paste, a search-and-replace, an agent streaming into a file) and
// measures the time from writing the last edit to receiving publishDiagnostics for the final
// version, the number of publishes for the document during the burst, and the server's peak RSS.
// Usage: node scripts/bench/burst.mjs [--lines 5000] [--edits 2000] [--runs 5] [--single] [--dist DIR]
// --single also runs the single-edit latency benchmark (lsp-latency.mjs) on the same file; --dist
// takes the server from another build (e.g. a copy of the previous one, for before/after figures).
// Server CPU time is printed next to wall time: on a shared machine it varies much less.
import { spawn } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { fileURLToPath, pathToFileURL } from 'url';
import protocol from 'vscode-languageserver-protocol/node';
import { generateTypeScript } from './gen-file.mjs';
import { benchLsp, stopServer } from './lsp-latency.mjs';
import { CANDIDATES, ruleFileText } from './rulesets.mjs';
import { fmtMs, median, rng } from './util.mjs';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = protocol;

const option = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const arg = (name, fallback) => (option(name) === undefined ? fallback : Number(option(name)));
const LINES = arg('lines', 5000);
const EDITS = arg('edits', 2000);
const RUNS = arg('runs', 5);
const TIMEOUT_MS = 120_000;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz_0123456789';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const distDir = path.resolve(option('dist') ?? path.join(repo, 'dist'));
const serverJs = path.join(distDir, 'server.js');

/** User + system CPU time of a live process (Linux /proc, 100 ticks a second), in ms; NaN elsewhere. */
function processCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Peak resident set size of a live process (Linux VmHWM), in MB; undefined elsewhere. */
function peakRssMb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function burstOnce(root, relPath, text, seed) {
  const server = spawn(process.execPath, [...(process.env.BURST_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BURST_PROF] : []), serverJs, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (d) => (stderr += d));
  const conn = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const uri = pathToFileURL(path.join(root, relPath)).href;
  const rootUri = pathToFileURL(root).href;
  const publishes = [];
  let onPublish = () => undefined;
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    if (p.uri === uri) {
      publishes.push({ version: p.version, at: performance.now(), count: p.diagnostics.length });
      onPublish();
    }
  });
  conn.listen();
  const published = (version) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version} within ${TIMEOUT_MS} ms\n${stderr}`)), TIMEOUT_MS);
      onPublish = () => {
        const hit = publishes.find((p) => p.version === version);
        if (hit) {
          clearTimeout(timer);
          resolve(hit);
        }
      };
      onPublish();
    });
  try {
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'burst' }],
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await conn.sendNotification('initialized', {});
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    await published(1);
    const before = publishes.length;

    const lines = text.split('\n');
    const random = rng(seed);
    const sends = [];
    for (let version = 2; version <= EDITS + 1; version++) {
      const line = Math.floor(random() * (lines.length - 1));
      const character = Math.floor(random() * (lines[line].length + 1));
      const ch = LETTERS[Math.floor(random() * LETTERS.length)];
      lines[line] = lines[line].slice(0, character) + ch + lines[line].slice(character);
      sends.push(
        conn.sendNotification('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ch }],
        }),
      );
    }
    const cpuBefore = processCpuMs(server.pid);
    await Promise.all(sends);
    const lastEditAt = performance.now();
    const final = await published(EDITS + 1);
    const cpuMs = processCpuMs(server.pid) - cpuBefore;
    return { ms: final.at - lastEditAt, cpuMs, publishes: publishes.length - before, rssMb: peakRssMb(server.pid), findings: final.count };
  } finally {
    await stopServer(conn, server);
  }
}

const root = mkdtempSync(path.join(os.tmpdir(), 'conductor-burst-'));
const relPath = 'src/orders-service.ts';
const { text } = generateTypeScript(LINES);
mkdirSync(path.join(root, '.conductor'));
mkdirSync(path.join(root, 'src'));
writeFileSync(path.join(root, '.conductor', 'rules.jsonc'), ruleFileText(CANDIDATES.filter((n) => existsSync(path.join(repo, 'rules', `${n}.jsonc`)))));
writeFileSync(path.join(root, relPath), text);
try {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await burstOnce(root, relPath, text, 100 + i));
    process.stderr.write(`[burst] run ${i + 1}/${RUNS}: ${fmtMs(runs[i].ms)} ms, server CPU ${fmtMs(runs[i].cpuMs)} ms, ${runs[i].publishes} publishes, peak RSS ${runs[i].rssMb?.toFixed(0)} MB\n`);
  }
  console.log(
    `Burst: ${EDITS} didChange back to back on a ${LINES}-line TypeScript file, ${RUNS} runs (median): ` +
      `last edit → final diagnostics ${fmtMs(median(runs.map((r) => r.ms)))} ms (max ${fmtMs(Math.max(...runs.map((r) => r.ms)))}), ` +
      `server CPU for the burst ${fmtMs(median(runs.map((r) => r.cpuMs)))} ms, ` +
      `publishes during the burst ${median(runs.map((r) => r.publishes))}, peak RSS ${median(runs.map((r) => r.rssMb ?? NaN)).toFixed(0)} MB`,
  );
  if (process.argv.includes('--single')) {
    const l = await benchLsp({ repo, distDir, root, relPath, text });
    console.log(
      `Single edits: ${l.n} single-character edits, didChange → publishDiagnostics p50 ${fmtMs(l.p50)} ms, p90 ${fmtMs(l.p90)} ms, p99 ${fmtMs(l.p99)} ms, server CPU ${fmtMs(l.serverCpuMsPerEdit)} ms per edit`,
    );
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
