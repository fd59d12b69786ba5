// The full seeded fuzz of the language server (test/lsp/fuzz-driver.ts): random and hostile edits and
// rule-file changes through the built dist/server.js, then the final diagnostics against a fresh
// `conductor check --format json`. Usage (after npm run build && npm run compile):
//   node scripts/fuzz-lsp.mjs [SEED=1] [OPS=10000]
// Exits 1 on a crash, output on stderr, or a difference from the CLI.
import { createRequire } from 'module';

const require = createRequire(import.meta.url);
const { runFuzz } = require('../out/test/lsp/fuzz-driver.js');

const seed = Number(process.argv[2] ?? 1);
const ops = Number(process.argv[3] ?? 10_000);
const r = await runFuzz(seed, ops, (line) => console.log(line));
const missing = r.cli.filter((k) => !r.server.includes(k));
const extra = r.server.filter((k) => !r.cli.includes(k));
const ok = r.exitCode === undefined && r.stderr === '' && missing.length === 0 && extra.length === 0 && r.server.length === r.cli.length;
console.log(
  `fuzz-lsp seed ${seed}: ${r.ops} ops in ${(r.ms / 1000).toFixed(1)} s, ${r.ruleEdits} rule-file edits (${r.invalidRuleEdits} invalid), ` +
    `final text ${r.finalBytes} bytes, ${r.server.length} server diagnostics vs ${r.cli.length} CLI findings: ${ok ? 'PASS' : 'FAIL'}`,
);
if (!ok) {
  console.log(JSON.stringify({ exitCode: r.exitCode, stderr: r.stderr.slice(-2000), missing: missing.slice(0, 20), extra: extra.slice(0, 20) }, null, 2));
  process.exitCode = 1;
}
