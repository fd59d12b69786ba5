// Latency of an agent's pre-write hook (issue 17): `conductor hook claude-code` deciding on an Edit of a
// 500-line file in a generated workspace of 10,000 files, including Node start. Prints p50/p95 of
// the whole call next to `node -e 0` and `conductor --version`, which say how much is start-up.
//   node scripts/build.mjs && node scripts/bench/hook.mjs [--runs N] [--files N]
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { fileURLToPath } from 'url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const RUNS = arg('--runs', 40);
const FILES = arg('--files', 10_000);
const log = (s) => process.stdout.write(`${s}\n`);

if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `node scripts/build.mjs` first.');
  process.exit(2);
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

function time(args, input) {
  const out = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { input, encoding: 'utf8', env: { ...process.env, CLAUDE_PROJECT_DIR: '' } });
    out.push(performance.now() - t);
    if (r.status !== 0) {
      throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    }
  }
  return out;
}

const root = mkdtempSync(path.join(os.tmpdir(), 'conductor-bench-hook-'));
try {
  const layers = ['ui', 'domain', 'db'];
  for (let i = 0; i < FILES; i++) {
    const dir = path.join(root, 'src', layers[i % 3], `m${i % 100}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `f${i}.ts`), `export const v${i} = ${i};\n`);
  }
  mkdirSync(path.join(root, '.conductor'), { recursive: true });
  writeFileSync(
    path.join(root, '.conductor', 'rules.jsonc'),
    JSON.stringify({
      extends: ['conductor:recommended', 'conductor:secrets'],
      ai: { useCases: { boilerplate: { paths: ['src/**'] } }, forbidden: [{ paths: ['src/payments/**'], reason: 'PCI' }], excluded: ['secrets/**'] },
      boundaries: { layers: { ui: { paths: ['src/ui/**'] }, domain: { paths: ['src/domain/**'] }, db: { paths: ['src/db/**'] } }, allow: { ui: ['domain'], domain: ['db'], db: [] } },
    }),
  );
  writeFileSync(path.join(root, 'package.json'), '{ "name": "bench", "dependencies": {} }\n');
  const lines = ["import { v1 } from '../domain/m1/f1';"];
  for (let i = 1; i < 500; i++) {
    lines.push(`export function fn${i}(x: number): number { return x + ${i} + v1; }`);
  }
  const target = path.join(root, 'src', 'ui', 'big.ts');
  writeFileSync(target, `${lines.join('\n')}\n`);
  const payload = (newString) =>
    JSON.stringify({ session_id: 'bench', cwd: root, hook_event_name: 'PreToolUse', tool_name: 'Edit', tool_input: { file_path: target, old_string: 'export function fn250(', new_string: newString } });
  const allowed = payload("export const added = v1;\nexport function fn250(");
  const denied = payload("import { v2 } from '../db/m2/f2';\nexport function fn250(");

  const hookArgs = [cli, 'hook', 'claude-code', '--cwd', root];
  const check = spawnSync(process.execPath, hookArgs, { input: denied, encoding: 'utf8' });
  if (!check.stdout.includes('"deny"')) {
    throw new Error(`the denied edit was not denied: ${check.stdout}${check.stderr}`);
  }
  const rows = [
    ['node -e 0', time(['-e', '0'], '')],
    ['conductor --version', time([cli, '--version'], '')],
    ['hook: Edit allowed (silent)', time(hookArgs, allowed)],
    ['hook: Edit denied (layer edge)', time(hookArgs, denied)],
  ];
  log(`agent hook latency, ${FILES} files, 500-line file, ${RUNS} runs each (ms, wall clock incl. Node start):`);
  for (const [name, xs] of rows) {
    log(`  ${name.padEnd(32)} p50 ${pct(xs, 50).toFixed(0).padStart(5)}   p95 ${pct(xs, 95).toFixed(0).padStart(5)}`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
