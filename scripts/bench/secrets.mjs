// Benchmark: conductor:secrets (dist/cli.js check) vs secretlint (+ @secretlint/secretlint-rule-preset-recommend)
// on one corpus: a real tree copied from node_modules (the unplanted part: every finding there is a
// false-positive candidate) plus one planted file per credential type, with format-valid fake values built
// at run time by the unit tests' generator (out/test/unit/rulesets/secret-cases.js).
//
//   node scripts/build.mjs && npx tsc -p . (for out/) && node scripts/bench/secrets.mjs [--runs 3] [--keep]
//
// Prints recall on the planted set (by file: the tools use different rule ids), findings on the real tree
// (values always masked), and wall time (median of --runs runs each, interleaved). Always exits 0.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import os from 'os';
import path from 'path';
import { fileURLToPath } from 'url';
import { fmtMs, median, timedRun } from './util.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const RUNS = argv.includes('--runs') ? Math.max(1, Number(argv[argv.indexOf('--runs') + 1]) || 3) : 3;
const KEEP = argv.includes('--keep');
const MAX_MB = 5; // same limit for both tools: larger files are not copied, and the CLI gets --max-file-size 5
const MAX_BYTES = MAX_MB * 1024 * 1024;
const MAX_FILES = 3000; // secretlint costs ~25–40 ms per file here, so 6,000 files made one of its runs take minutes
// Real packages, in this order, until MAX_FILES text files: TypeScript's compiler and lib .d.ts files, lint
// tooling, lodash/zod/ajv, the MCP SDK and hono (with source maps), then the Azure SDK (connection strings,
// keys and SAS examples in docs and code: the likeliest place for false positives).
const PACKAGES = ['typescript', '@typescript-eslint', 'eslint', 'lodash', 'zod', 'ajv', 'mocha', '@types', 'js-yaml', '@modelcontextprotocol', 'hono', '@azure'];
const TEXT_EXT = /\.(?:[cm]?js|[cm]?ts|json|md|txt|ya?ml|map)$/i;

const log = (...a) => console.log(...a);
const mask = (v) => (v == null ? '' : `${String(v).slice(0, 4)}…(${String(v).length} chars)`);

// ---------------------------------------------------------------- corpus
function copyTree(srcRoot, dstRoot, budget) {
  const copied = [];
  const walk = (rel) => {
    let entries;
    try {
      entries = readdirSync(path.join(srcRoot, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return;
    }
    for (const e of entries) {
      if (copied.length >= budget) {
        return;
      }
      const r = path.join(rel, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== '.git') {
          walk(r);
        }
      } else if (e.isFile() && TEXT_EXT.test(e.name)) {
        const st = statSync(path.join(srcRoot, r));
        if (st.size > 0 && st.size <= MAX_BYTES) {
          mkdirSync(path.join(dstRoot, rel), { recursive: true });
          copyFileSync(path.join(srcRoot, r), path.join(dstRoot, r));
          copied.push({ rel: r, size: st.size });
        }
      }
    }
  };
  walk('');
  return copied;
}

function buildRealTree(corpus) {
  const perPkg = [];
  let files = 0;
  let bytes = 0;
  for (const pkg of PACKAGES) {
    const src = path.join(repo, 'node_modules', pkg);
    if (!existsSync(src) || files >= MAX_FILES) {
      continue;
    }
    const got = copyTree(src, path.join(corpus, 'vendor', pkg), MAX_FILES - files);
    const b = got.reduce((s, f) => s + f.size, 0);
    perPkg.push({ pkg, files: got.length, bytes: b });
    files += got.length;
    bytes += b;
  }
  return { perPkg, files, bytes };
}

/**
 * The planted set: every case from secretCases() as the generator builds it, plus "real-format" variants
 * where the generator's value is format-valid for Conductor but shorter/simpler than what the service
 * actually issues (so a tool that checks the real structure is not penalised for it).
 */
function plantedCases() {
  const mod = path.join(repo, 'out', 'test', 'unit', 'rulesets', 'secret-cases.js');
  if (!existsSync(mod)) {
    throw new Error(`${path.relative(repo, mod)} is missing: compile the tests first (npx tsc -p .)`);
  }
  const { secretCases } = require(mod);
  const cases = secretCases().map((c) => ({ ...c, slug: c.id.replace(/^secrets\//, '') + (c.path === 'src/key.ts' ? '-pkcs8-in-string' : ''), variant: 'generator' }));
  const pick = (slug) => cases.find((c) => c.slug === slug);
  const extra = [];
  const variant = (slug, from, transform) => {
    const c = pick(from);
    if (c) {
      extra.push({ ...c, slug, variant: 'real-format', text: transform(c.text, c) });
    }
  };
  // DER private keys start 0x30 0x82 → base64 "MII…"; OpenSSH keys start "openssh-key-v1\0" → "b3BlbnNzaC1rZXktdjE".
  const firstLine = (c) => (c.fragments ?? [c.secret])[0];
  variant('private-key-rsa-real-format', 'private-key', (t, c) => t.replace(firstLine(c), 'MIIEow' + firstLine(c).slice(6)));
  variant('private-key-pkcs8-real-format', 'private-key-pkcs8-in-string', (t, c) => t.replace(firstLine(c), 'MIIEvQ' + firstLine(c).slice(6)));
  variant('openssh-private-key-real-format', 'openssh-private-key', (t, c) => t.replace(firstLine(c), 'b3BlbnNzaC1rZXktdjEAAAAA' + firstLine(c).slice(24)));
  // Hugging Face user access tokens are hf_ + 34 letters; OpenAI project keys carry the T3BlbkFJ marker.
  variant('huggingface-token-real-format', 'huggingface-token', (t, c) => t.replace(c.secret, 'hf_' + c.secret.slice(3).replace(/[0-9]/g, (d) => 'QWERTYUIOP'[d])));
  variant('openai-api-key-real-format', 'openai-api-key', (t, c) => {
    const body = c.secret.slice('sk-proj-'.length);
    const mid = (body + body.split('').reverse().join('')).slice(0, 74);
    return t.replace(c.secret, `sk-proj-${mid}T3BlbkFJ${mid.split('').reverse().join('')}`);
  });
  return [...cases, ...extra];
}

function plant(corpus, cases) {
  const planted = [];
  for (const c of cases) {
    const rel = path.join('planted', c.slug, c.path);
    mkdirSync(path.dirname(path.join(corpus, rel)), { recursive: true });
    writeFileSync(path.join(corpus, rel), c.text);
    planted.push({ file: rel.split(path.sep).join('/'), type: c.id.replace(/^secrets\//, ''), slug: c.slug, variant: c.variant });
  }
  return planted;
}

// Conductor types whose credential the secretlint recommend preset claims to detect (by its rule list:
// aws, gcp, privatekey, npm, basicauth, slack, sendgrid, shopify, github, gitlab, grafana, openai, anthropic,
// groq, huggingface, linear, notion, 1password, database-connection-string, hashicorp-vault, vercel,
// databricks, docker, figma).
const SECRETLINT_CLAIMS = new Set([
  'aws-access-key-id', 'aws-secret-access-key', 'gcp-service-account-key', 'private-key', 'openssh-private-key', 'pgp-private-key',
  'npm-token', 'npmrc-auth-token', 'url-basic-auth', 'slack-bot-token', 'slack-user-token', 'slack-app-token', 'slack-legacy-token',
  'slack-webhook-url', 'sendgrid-api-key', 'shopify-token', 'github-classic-token', 'github-oauth-token', 'github-app-token',
  'github-refresh-token', 'github-fine-grained-token', 'gitlab-personal-access-token', 'gitlab-token', 'grafana-token', 'openai-api-key',
  'anthropic-api-key', 'groq-api-key', 'huggingface-token', 'linear-api-key', 'notion-token', 'postgres-url-password',
  'mysql-url-password', 'mongodb-url-password', 'vault-token', 'vercel-token', 'databricks-token', 'docker-hub-token', 'figma-token',
]);

// ---------------------------------------------------------------- tools
function parseConductor(file) {
  const j = JSON.parse(readFileSync(file, 'utf8'));
  const findings = [];
  for (const r of j.results) {
    for (const f of r.findings) {
      findings.push({ file: r.path.split(path.sep).join('/'), rule: f.ruleId, line: f.line, masked: f.properties?.secret?.masked ?? '(not a secret rule)' });
    }
  }
  return { findings, skipped: j.skipped ?? [] };
}

function parseSecretlint(file, corpus) {
  const j = JSON.parse(readFileSync(file, 'utf8'));
  const findings = [];
  for (const r of j) {
    const rel = path.relative(corpus, r.filePath).split(path.sep).join('/');
    for (const m of r.messages) {
      const raw = r.sourceContent && m.range ? r.sourceContent.slice(m.range[0], m.range[1]) : undefined;
      findings.push({ file: rel, rule: m.ruleId.replace('@secretlint/secretlint-rule-', 'sl/') + (m.messageId ? `:${m.messageId}` : ''), line: m.loc?.start?.line, masked: mask(raw) });
    }
  }
  return { findings, files: j.length };
}

// ---------------------------------------------------------------- main
async function main() {
  const cli = path.join(repo, 'dist', 'cli.js');
  const slBin = path.join(repo, 'node_modules', '.bin', 'secretlint');
  for (const [what, p] of [['dist/cli.js (node scripts/build.mjs)', cli], ['secretlint (devDependency)', slBin]]) {
    if (!existsSync(p)) {
      log(`secrets bench: skipped, ${what} is missing`);
      return;
    }
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'conductor-secrets-bench-'));
  const corpus = path.join(work, 'corpus');
  const cfgDir = path.join(work, 'config'); // outside the corpus: neither tool scans its own config
  mkdirSync(corpus);
  mkdirSync(cfgDir);
  try {
    const t0 = Date.now();
    const real = buildRealTree(corpus);
    const cases = plantedCases();
    const planted = plant(corpus, cases);
    const plantedFiles = new Set(planted.map((p) => p.file));
    log(`secrets bench: corpus ${corpus} (built in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    log(`  real tree: ${real.files.toLocaleString('en-US')} text files, ${(real.bytes / 1048576).toFixed(1)} MiB (≤ ${MAX_MB} MiB each; .js/.ts/.json/.md/.yml/.txt/.map), from node_modules/:`);
    log('    ' + real.perPkg.map((p) => `${p.pkg} ${p.files}`).join(', '));
    log(`  planted: ${planted.length} files (${planted.filter((p) => p.variant === 'generator').length} from secretCases(), ${planted.filter((p) => p.variant !== 'generator').length} real-format variants), ${new Set(planted.map((p) => p.type)).size} types`);

    const rules = path.join(cfgDir, 'rules.json');
    writeFileSync(rules, JSON.stringify({ extends: ['conductor:secrets'] }));
    const slrc = path.join(cfgDir, '.secretlintrc.json');
    writeFileSync(slrc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
    const conductorOut = path.join(work, 'conductor.json');
    const secretlintOut = path.join(work, 'secretlint.json');
    const tools = [
      {
        key: 'conductor',
        label: 'conductor check (conductor:secrets)',
        cmd: process.execPath,
        args: [cli, 'check', '--format', 'json', '--fail-on', 'never', '--no-gitignore', '--max-file-size', String(MAX_MB), '--cwd', corpus, '--config', rules],
        out: conductorOut,
      },
      {
        key: 'secretlint',
        label: 'secretlint "**/*" (preset-recommend)',
        cmd: slBin,
        args: ['**/*', '--format', 'json', '--no-color', '--no-terminalLink', '--secretlintrc', slrc],
        out: secretlintOut,
      },
    ];
    const times = { conductor: [], secretlint: [] };
    const cpu = { conductor: [], secretlint: [] };
    for (let i = 0; i < RUNS; i++) {
      for (const t of tools) {
        const r = await timedRun(t.cmd, t.args, { cwd: corpus, stdoutFile: t.out, cpuFile: path.join(work, `${t.key}.cpu`) });
        // secretlint exits 1 when it finds something; anything else (2 = fatal) is an error.
        if (!(r.code === 0 || (t.key === 'secretlint' && r.code === 1))) {
          throw new Error(`${t.label} exited ${r.code}: ${r.stderr.slice(0, 2000)}`);
        }
        times[t.key].push(r.ms);
        if (r.cpuMs !== undefined) {
          cpu[t.key].push(r.cpuMs);
        }
        log(`  run ${i + 1}/${RUNS} ${t.key.padEnd(10)} ${fmtMs(r.ms)} ms`);
      }
    }

    const c = parseConductor(conductorOut);
    const s = parseSecretlint(secretlintOut, corpus);
    const result = { conductor: c.findings, secretlint: s.findings };

    // (a) recall on the planted set, by file
    log('\n(a) recall on planted files (a planted file counts as found if the tool reports anything in it)');
    const foundIn = (findings) => new Set(findings.filter((f) => plantedFiles.has(f.file)).map((f) => f.file));
    const hit = { conductor: foundIn(c.findings), secretlint: foundIn(s.findings) };
    const claimed = planted.filter((p) => SECRETLINT_CLAIMS.has(p.type));
    const row = (cols) => log('  ' + cols.map((x, i) => String(x).padEnd([36, 16, 16][i] ?? 12)).join(''));
    row(['planted subset', 'conductor', 'secretlint']);
    for (const [name, set] of [
      [`all (${planted.length} files)`, planted],
      [`generator only (${planted.filter((p) => p.variant === 'generator').length})`, planted.filter((p) => p.variant === 'generator')],
      [`types secretlint claims (${claimed.length})`, claimed],
    ]) {
      row([name, ...['conductor', 'secretlint'].map((k) => `${set.filter((p) => hit[k].has(p.file)).length}/${set.length} ${((100 * set.filter((p) => hit[k].has(p.file)).length) / set.length).toFixed(0)}%`)]);
    }
    const exact = planted.filter((p) => c.findings.some((f) => f.file === p.file && f.rule === `secrets/${p.type}`)).length;
    log(`  conductor with the expected rule id: ${exact}/${planted.length}`);
    for (const k of ['conductor', 'secretlint']) {
      const missed = planted.filter((p) => !hit[k].has(p.file));
      const missedClaimed = missed.filter((p) => k === 'conductor' || SECRETLINT_CLAIMS.has(p.type));
      log(`  ${k} misses${k === 'secretlint' ? ' (types it claims)' : ''}: ${missedClaimed.length ? missedClaimed.map((p) => p.slug).join(', ') : 'none'}`);
      if (k === 'secretlint') {
        log(`  secretlint misses (types outside its preset): ${missed.filter((p) => !SECRETLINT_CLAIMS.has(p.type)).length} — ${missed.filter((p) => !SECRETLINT_CLAIMS.has(p.type)).map((p) => p.slug).join(', ')}`);
        const bonus = planted.filter((p) => hit.secretlint.has(p.file) && !SECRETLINT_CLAIMS.has(p.type));
        if (bonus.length) {
          log(`  secretlint also found (outside its claimed types): ${bonus.map((p) => `${p.slug} [${s.findings.find((f) => f.file === p.file).rule}]`).join(', ')}`);
        }
      }
    }

    // (b) findings on the real (unplanted) tree
    log('\n(b) findings on the real tree (false-positive candidates; values masked)');
    for (const k of ['conductor', 'secretlint']) {
      const fp = result[k].filter((f) => !f.file.startsWith('planted/'));
      const byRule = {};
      for (const f of fp) {
        byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
      }
      log(`  ${k}: ${fp.length} findings in ${new Set(fp.map((f) => f.file)).size} files; by rule: ${Object.entries(byRule).sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ') || '-'}`);
      const seen = new Set();
      const examples = fp.filter((f) => (seen.has(f.rule) ? false : seen.add(f.rule))).slice(0, 6);
      for (const f of examples) {
        log(`    e.g. ${f.rule}  ${f.file}:${f.line}  ${f.masked}`);
      }
    }
    const skipReasons = {};
    for (const x of c.skipped) {
      const r = String(x.reason).replace(/\s*\(.*\)$/, '');
      skipReasons[r] = (skipReasons[r] ?? 0) + 1;
    }
    log(`  files: secretlint reported on ${s.files.toLocaleString('en-US')}; conductor skipped ${c.skipped.length}${c.skipped.length ? ` (${Object.entries(skipReasons).map(([r, n]) => `${r}: ${n}`).join(', ')})` : ''}`);

    // (c) wall time
    log(`\n(c) wall time, median of ${RUNS} runs (interleaved), ${os.cpus().length} cores`);
    const med = { conductor: median(times.conductor), secretlint: median(times.secretlint) };
    for (const t of tools) {
      const cpuNote = cpu[t.key].length ? `, cpu ${fmtMs(median(cpu[t.key]))} ms` : '';
      log(`  ${t.label.padEnd(42)} ${fmtMs(med[t.key]).padStart(7)} ms  [${times[t.key].map(fmtMs).join(', ')}]${cpuNote}`);
    }
    const ratio = med.secretlint / med.conductor;
    log(`  ratio secretlint/conductor: ${ratio.toFixed(1)}×`);

    const recallC = claimed.filter((p) => hit.conductor.has(p.file)).length;
    const recallS = claimed.filter((p) => hit.secretlint.has(p.file)).length;
    log(`\nverdict: speed ${ratio >= 5 ? 'MET' : 'NOT MET'} (target ≥ 5×, got ${ratio.toFixed(1)}×); recall ${recallC >= recallS ? 'MET' : 'NOT MET'} (conductor ${recallC} ≥ secretlint ${recallS} on the types secretlint claims; all types: ${hit.conductor.size} vs ${hit.secretlint.size})`);
  } finally {
    if (KEEP) {
      log(`(kept ${work})`);
    } else {
      rmSync(work, { recursive: true, force: true });
    }
  }
}

main().catch((e) => {
  console.error(`secrets bench failed: ${e.stack ?? e}`);
}).finally(() => {
  process.exitCode = 0;
});
