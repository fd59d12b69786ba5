// Benchmark: hostile input through the built CLI (dist/cli.js, `npm run build` first). Each case is a
// rule plus a file crafted against it, checked in a temp workspace; prints the median wall time of
// RUNS runs and the exit code. Not a test: a case that hangs shows as the TIMEOUT_S ceiling.
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { fileURLToPath } from 'url';
import { median } from './util.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const RUNS = Number(process.env.RUNS ?? 3);
const TIMEOUT_S = Number(process.env.TIMEOUT_S ?? 120);

const team = (regex, flags) => ({ patterns: [{ id: 'team/hostile', regex, message: 'Hostile.', severity: 'error', ...(flags ? { flags } : {}) }] });

const cases = [
  { name: '^(\\w+\\s?)+$ m, 315 KB of 16 letters + "!"', rules: team('^(\\w+\\s?)+$', 'm'), file: 'hostile.txt', text: () => ('a'.repeat(16) + '!\nok\n').repeat(15_000) },
  { name: '(?:a|a|a)*x|y, 480 KB of a{10}y lines', rules: team('(?:a|a|a)*x|y'), file: 'hostile.txt', text: () => 'aaaaaaaaaay\n'.repeat(40_000) },
  { name: '(?:a|a|a)*x|y, 4.8 MB of a{10}y lines', rules: team('(?:a|a|a)*x|y'), file: 'hostile.txt', text: () => 'aaaaaaaaaay\n'.repeat(400_000) },
  { name: '^(\\w+\\s?)+$ m, 4.2 MB of 16 letters + "!"', rules: team('^(\\w+\\s?)+$', 'm'), file: 'hostile.txt', text: () => ('a'.repeat(16) + '!\nok\n').repeat(200_000) },
  // Quadratic in any engine: each exec scans the rest of the line to rule out a longer a*b match.
  { name: 'a*b|a, 100 KB of a (one line)', rules: team('a*b|a'), file: 'hostile.txt', text: () => 'a'.repeat(100_000) },
  { name: 'default ruleset, dist/cli.js.map (one line)', rules: undefined, file: 'cli.js.map', copy: path.join(ROOT, 'dist', 'cli.js.map') },
];

for (const c of cases) {
  if (c.copy && !existsSync(c.copy)) {
    console.log(`${c.name}: skipped (${path.relative(ROOT, c.copy)} missing: npm run build)`);
    continue;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'conductor-redos-'));
  if (c.rules) {
    mkdirSync(path.join(dir, '.conductor'));
    writeFileSync(path.join(dir, '.conductor', 'rules.jsonc'), JSON.stringify(c.rules));
  }
  if (c.copy) {
    copyFileSync(c.copy, path.join(dir, c.file));
  } else {
    writeFileSync(path.join(dir, c.file), c.text());
  }
  const times = [];
  let status;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--output', path.join(dir, 'out.json'), c.file], { cwd: dir, timeout: TIMEOUT_S * 1000 });
    times.push((performance.now() - start) / 1000);
    status = r.status ?? `killed after ${TIMEOUT_S} s`;
  }
  console.log(`${c.name}: median ${median(times).toFixed(2)} s over ${RUNS} runs, exit ${status}`);
  rmSync(dir, { recursive: true, force: true });
}
