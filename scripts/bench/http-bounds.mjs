// Figures for bounded network calls: time to fail and peak RSS of the built CLI against local servers
// that misbehave — `report --otlp-endpoint` to a collector that trickles a byte a second or answers an
// endless 500 body, and `check --org-ruleset` to an HTTPS server that trickles or streams endlessly.
//
//   node scripts/build.mjs && node scripts/bench/http-bounds.mjs [DIST_DIR] [--limit-s 45] [--limit-mb 1024]
//
// DIST_DIR (default dist/) lets the same run measure an older build. A run still going after --limit-s
// or past --limit-mb of RSS is killed and reported as such (so an unbounded build cannot take the
// machine down). Linux only (reads /proc/PID/status). Always exits 0.
import { execFileSync, spawn } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import http from 'http';
import https from 'https';
import os from 'os';
import path from 'path';
import { fileURLToPath } from 'url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const opt = (name, d) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : d);
const LIMIT_S = opt('--limit-s', 45);
const LIMIT_MB = opt('--limit-mb', 1024);
const dist = path.resolve(argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--')) ?? path.join(repo, 'dist'));
const cli = path.join(dist, 'cli.js');

function makeCa(dir) {
  const run = (...a) => execFileSync('openssl', a, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  run('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '1', '-subj', '/CN=bench CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign');
  run('req', ...ec, '-keyout', 's.key', '-out', 's.csr', '-subj', '/CN=localhost');
  writeFileSync(path.join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  run('x509', '-req', '-in', 's.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 's.crt', '-days', '1', '-extfile', 'ext.cnf');
  return { caFile: path.join(dir, 'ca.crt'), key: readFileSync(path.join(dir, 's.key')), cert: readFileSync(path.join(dir, 's.crt')) };
}

async function serve(kind, status, tls) {
  const handler = (req, res) => {
    req.resume();
    res.writeHead(status, { 'content-type': 'application/json' });
    if (kind === 'trickle') {
      const t = setInterval(() => res.write('x'), 1000);
      res.on('close', () => clearInterval(t));
      return;
    }
    const chunk = Buffer.alloc(64 * 1024, 'e');
    const pump = () => {
      while (!res.destroyed && res.write(chunk)) {
        /* keep writing */
      }
      if (!res.destroyed) {
        res.once('drain', pump);
      }
    };
    pump();
  };
  const s = tls ? https.createServer(tls, handler) : http.createServer(handler);
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  return s;
}

function peakKb(pid) {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function measure(args, cwd, env) {
  return new Promise((resolve) => {
    const start = Date.now();
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let peak = 0;
    let killed = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const poll = setInterval(() => {
      peak = Math.max(peak, peakKb(child.pid));
      if (peak > LIMIT_MB * 1024) {
        killed = `killed past ${LIMIT_MB} MB`;
      } else if (Date.now() - start > LIMIT_S * 1000) {
        killed = `killed, still running after ${LIMIT_S} s`;
      }
      if (killed) {
        child.kill('SIGKILL');
      }
    }, 50);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ s: (Date.now() - start) / 1000, mb: peak / 1024, code, killed, stderr: stderr.trim().split('\n').pop()?.slice(0, 110) ?? '' });
    });
  });
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'conductor-bench-http-'));
try {
  const ca = makeCa(tmp);
  const ws = path.join(tmp, 'ws');
  execFileSync('git', ['init', '-q', ws]);
  writeFileSync(path.join(ws, 'a.ts'), 'export const a = 1;\n');
  const pin = 'a'.repeat(64);
  const cases = [
    ['report --otlp-endpoint, collector trickles 1 byte/s', 'trickle', 200, null, (u) => ['report', '--format', 'json', '--otlp-endpoint', u]],
    ['report --otlp-endpoint, endless 500 body', 'endless', 500, null, (u) => ['report', '--format', 'json', '--otlp-endpoint', u]],
    ['check --org-ruleset, HTTPS trickles 1 byte/s', 'trickle', 200, ca, (u) => ['check', '--org-ruleset', `${u}/r.jsonc`, '--org-sha256', pin, '--org-ca-file', ca.caFile, '.']],
    ['check --org-ruleset, HTTPS endless 200 body', 'endless', 200, ca, (u) => ['check', '--org-ruleset', `${u}/r.jsonc`, '--org-sha256', pin, '--org-ca-file', ca.caFile, '.']],
  ];
  console.log(`CLI ${cli} (limits ${LIMIT_S} s, ${LIMIT_MB} MB; default deadlines, no env override)`);
  for (const [name, kind, status, tls, args] of cases) {
    const s = await serve(kind, status, tls && { key: tls.key, cert: tls.cert });
    const url = `${tls ? 'https' : 'http'}://127.0.0.1:${s.address().port}`;
    const r = await measure(args(url), ws, { CONDUCTOR_CACHE_DIR: path.join(tmp, 'cache') });
    s.closeAllConnections();
    s.close();
    console.log(`${name.padEnd(52)} ${r.s.toFixed(1).padStart(5)} s  peak RSS ${r.mb.toFixed(0).padStart(5)} MB  ${r.killed || `exit ${r.code}: ${r.stderr}`}`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
