// Small helpers shared by the benchmarks: statistics, a seeded PRNG, child-process timing.
import { spawn } from 'child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'fs';
import { performance } from 'perf_hooks';

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) {
    return NaN;
  }
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** Nearest-rank percentile (q in 0..1): the smallest sample with at least q of the samples ≤ it. */
export function percentile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) {
    return NaN;
  }
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

export function summarize(xs) {
  return {
    n: xs.length,
    p50: median(xs),
    p90: percentile(xs, 0.9),
    p99: percentile(xs, 0.99),
    max: Math.max(...xs),
    mean: xs.reduce((a, b) => a + b, 0) / xs.length,
  };
}

/** mulberry32: deterministic, so every run types the same edits into the same file. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GNU_TIME = '/usr/bin/time';
const HAVE_GNU_TIME = existsSync(GNU_TIME);

/**
 * Runs a command with stdout going straight to a file (no pipe into this process, the same for every
 * tool) and returns the wall time from spawn to exit.
 */
export function timedRun(cmd, args, { cwd, stdoutFile, env, cpuFile } = {}) {
  return new Promise((resolve, reject) => {
    const fd = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore';
    // With GNU time available, also record the process's CPU time (user + sys, all threads), which a
    // busy machine distorts much less than wall time.
    const timed = cpuFile && HAVE_GNU_TIME ? [GNU_TIME, ['-o', cpuFile, '-f', '%U %S', cmd, ...args]] : [cmd, args];
    const start = performance.now();
    const child = spawn(timed[0], timed[1], { cwd, env: env ?? process.env, stdio: ['ignore', fd, 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      if (stderr.length < 100_000) {
        stderr += d;
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      if (typeof fd === 'number') {
        closeSync(fd);
      }
      let cpuMs;
      if (timed[0] === GNU_TIME) {
        const [user, sys] = readFileSync(cpuFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
        cpuMs = (user + sys) * 1000;
      }
      resolve({ ms, code, stderr, cpuMs });
    });
  });
}

export const fmtMs = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : 'n/a');
export const fmtN = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : 'n/a');
