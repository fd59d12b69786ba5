// Benchmark 1: editor latency through the real built server (dist/server.js --stdio). A client types
// single characters at random lines of a large file; each sample is the time from sending didChange
// to receiving publishDiagnostics for that document version (client-observed round trip).
import { execFileSync, spawn } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { pathToFileURL } from 'url';
import protocol from 'vscode-languageserver-protocol/node';
import { rng, summarize } from './util.mjs';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = protocol;

const TIMEOUT_MS = 10_000;
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU time of a process so far (Linux /proc; undefined elsewhere), in ms. */
function processCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK;
  } catch {
    return undefined;
  }
}
const LETTERS = 'abcdefghijklmnopqrstuvwxyz_0123456789';

/** serverNodeArgs: e.g. ['--cpu-prof', '--cpu-prof-dir=.bench/prof'] to profile the server (env BENCH_SERVER_NODE_ARGS). */
export async function benchLsp({ repo, distDir = path.join(repo, 'dist'), root, relPath, text, edits = 300, warmup = 30, seed = 7, serverNodeArgs = [] }) {
  const server = spawn(process.execPath, [...serverNodeArgs, path.join(distDir, 'server.js'), '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let serverStderr = '';
  server.stderr.on('data', (d) => (serverStderr += d));
  const conn = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const uri = pathToFileURL(path.join(root, relPath)).href;
  const rootUri = pathToFileURL(root).href;
  const statuses = [];
  const logs = [];
  let statusWaiter;
  const waiters = new Map(); // version → resolve
  let lastDiagnostics = [];

  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({}))); // VS Code defaults
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', (m) => logs.push(m.message));
  conn.onNotification('conductor/status', (s) => {
    statuses.push(s);
    statusWaiter?.(s);
  });
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const t = performance.now();
    if (p.uri !== uri) {
      return;
    }
    lastDiagnostics = p.diagnostics;
    const w = waiters.get(p.version);
    if (w) {
      waiters.delete(p.version);
      w(t);
    }
  });
  conn.listen();
  const nextStatus = () => new Promise((resolve) => (statusWaiter = resolve));
  const diagnosticsFor = (version) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version} within ${TIMEOUT_MS} ms\n${serverStderr}${logs.join('\n')}`)), TIMEOUT_MS);
      waiters.set(version, (t) => {
        clearTimeout(timer);
        resolve(t);
      });
    });

  try {
    const firstStatus = nextStatus();
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { synchronization: { dynamicRegistration: false }, publishDiagnostics: { versionSupport: true } },
      },
    });
    await conn.sendNotification('initialized', {});
    const status = await firstStatus;

    // Open, then type. Each edit waits for its own diagnostics (no coalescing: the worst case per keystroke).
    let version = 1;
    const lines = text.split('\n');
    const openAt = performance.now();
    const opened = diagnosticsFor(version);
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version, text } });
    const openMs = (await opened) - openAt;
    const openFindings = lastDiagnostics.length;

    const random = rng(seed);
    const samples = [];
    let cpuBefore;
    for (let i = 0; i < warmup + edits; i++) {
      if (i === warmup) {
        cpuBefore = processCpuMs(server.pid);
      }
      const line = Math.floor(random() * (lines.length - 1)); // the last element is the empty line after the final \n
      const character = Math.floor(random() * (lines[line].length + 1));
      const ch = LETTERS[Math.floor(random() * LETTERS.length)];
      lines[line] = lines[line].slice(0, character) + ch + lines[line].slice(character);
      version++;
      const got = diagnosticsFor(version);
      const t0 = performance.now();
      await conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ch }],
      });
      const ms = (await got) - t0;
      if (i >= warmup) {
        samples.push(ms);
      }
    }
    const cpuAfter = processCpuMs(server.pid);
    const serverCpuMsPerEdit = cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / edits : undefined;
    const finalFindings = lastDiagnostics.length;
    const byCode = {};
    for (const d of lastDiagnostics) {
      byCode[d.code] = (byCode[d.code] ?? 0) + 1;
    }

    // The server reports lastCheckMs only with a status, and sends a status only on reloads: a
    // configuration change triggers one, carrying the server-side time of the last edit's check.
    const reloaded = nextStatus();
    await conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const after = await Promise.race([reloaded, new Promise((r) => setTimeout(() => r(undefined), 3000))]);

    return {
      ...summarize(samples),
      warmup,
      openMs,
      openFindings,
      finalFindings,
      byCode,
      status: status.folders?.[0] ?? status,
      statusState: status.state,
      serverLastCheckMs: after?.lastCheckMs,
      serverCpuMsPerEdit,
    };
  } finally {
    await stopServer(conn, server);
  }
}

/** Asks the server to shut down and exit (2 s at most), then kills it if it is still there. */
export async function stopServer(conn, server) {
  try {
    await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
    await conn.sendNotification('exit');
  } catch {
    // the server may already be gone
  }
  conn.dispose();
  setTimeout(() => server.kill(), 500).unref();
}
