// Profile of the CLI scan, by phase: walk, stat, read, decode, check (and inside the check: context,
// regex scans, lexing), JSON formatting, GC. It runs the same bundled code as dist/cli.js (walkFiles,
// decodeText, checkDocument, formatJson), in a child process so V8 flags can differ per run:
//   node scripts/bench/scan-phases.mjs <repo> <rule file> <target> [--regex=cli|off|<backtrack limit>]
// It also measures a what-if: skipping a regex on files that lack a literal the regex requires.
import { readFileSync, statSync } from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { performance, PerformanceObserver } from 'perf_hooks';
import { setFlagsFromString } from 'v8';
import { diskHost } from './engine.mjs';
import { requiredLiterals } from './required-literals.mjs';

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * regexMode: 'cli' (the CLI's flags: linear-engine fallback after 20,000 backtracks), 'off' (no
 * fallback), or a number: the fallback after that many backtracks. V8 applies these flags when a
 * regex is first executed, so they are set after the rule file (which enables the fallback) loads.
 */
export async function profileScan({ engine, repo, configFile, target, regexMode = 'cli' }) {
  engine.enableLinearRegexFallback();
  let gcMs = 0;
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcMs += e.duration;
    }
  });
  obs.observe({ entryTypes: ['gc'] });
  const t = {};
  const add = (k, ms) => (t[k] = (t[k] ?? 0) + ms);
  let t0 = performance.now();
  const loaded = engine.loadWorkspaceConfig(repo, diskHost(repo), configFile);
  const policy = loaded.policy;
  if (!policy) {
    throw new Error(`rule file does not load: ${loaded.problems[0]?.message}`);
  }
  add('load rule file', performance.now() - t0);
  if (regexMode === 'off') {
    setFlagsFromString('--no-enable-experimental-regexp-engine-on-excessive-backtracks');
  } else if (typeof regexMode === 'number') {
    setFlagsFromString(`--regexp-backtracks-before-fallback=${regexMode}`);
  }

  const scanStart = performance.now();
  t0 = performance.now();
  const relPaths = engine.walk.walkFiles(repo, [target], { gitignore: false, isIgnored: (p) => policy.isIgnored(p) });
  add('walk (readdir, sort, ignore checks)', performance.now() - t0);

  const files = [];
  const skipped = [];
  const texts = [];
  let bytes = 0;
  for (const relPath of relPaths) {
    const abs = path.join(repo, relPath);
    t0 = performance.now();
    const size = statSync(abs).size;
    let t1 = performance.now();
    add('stat', t1 - t0);
    if (size > MAX_BYTES) {
      skipped.push({ path: relPath, reason: 'too large' });
      continue;
    }
    const buf = readFileSync(abs);
    t0 = performance.now();
    add('read (readFileSync)', t0 - t1);
    const dec = engine.readText.decodeText(buf);
    t1 = performance.now();
    add('decode (NUL check, isUtf8, toString)', t1 - t0);
    bytes += buf.length;
    if ('skipped' in dec) {
      skipped.push({ path: relPath, reason: dec.skipped });
      continue;
    }
    const findings = engine.checkDocument({ relPath, text: dec.text }, policy, { docsUrl: () => undefined });
    add('checkDocument (all of it)', performance.now() - t1);
    if (findings.length > 0) {
      files.push({ relPath, findings });
    }
    texts.push({ relPath, text: dec.text });
  }
  t0 = performance.now();
  const json = formatJson(engine, files, skipped);
  add('formatJson', performance.now() - t0);
  const scanMs = performance.now() - scanStart;
  await new Promise((resolve) => setTimeout(resolve, 10)); // GC entries arrive asynchronously
  const gcDuringScan = gcMs;

  // Attribution inside checkDocument, re-run separately over the same texts (not part of scanMs).
  const attribution = {};
  const addA = (k, ms) => (attribution[k] = (attribution[k] ?? 0) + ms);
  const patterns = [...policy.resolved.patterns.values()];
  const literals = new Map(patterns.map((p) => [p.id, requiredLiterals(p.regex, p.flags ?? '')]));
  const counts = { regex: 0, prefiltered: 0, regexRunsSkipped: 0, regexRuns: 0, skippedByKeywords: 0, withLiterals: [...literals.values()].filter(Boolean).length };
  const screen = engine.secretScreen?.patternScreen;
  const slow = [];
  for (const { relPath, text } of texts) {
    t0 = performance.now();
    const ctx = new engine.DocumentContext({ relPath, text }, policy);
    let t1 = performance.now();
    addA('DocumentContext (LineIndex + rulesFor + syntaxFor)', t1 - t0);
    const applicable = policy.patternsFor(relPath);
    t0 = performance.now();
    addA('policy.patternsFor (minimatch on paths)', t0 - t1);
    for (const p of applicable) {
      if (screen) {
        t1 = performance.now();
        const runs = screen(ctx, p).runs;
        addA('keywords screen (lower-cased text, includes)', performance.now() - t1);
        if (!runs) {
          counts.skippedByKeywords++;
          continue; // checkPatterns does not run this regex on this file either
        }
      }
      t1 = performance.now();
      const n = countMatches(p.compiled, text);
      t0 = performance.now();
      const regexMs = t0 - t1;
      counts.regex += n;
      addA(`regex ${p.id}`, regexMs);
      if (regexMs > 20) {
        slow.push({ id: p.id, file: relPath, kb: text.length / 1024, ms: regexMs });
      }
      // What-if: the literal check, plus the regex time just measured when the check lets it run.
      const lits = literals.get(p.id);
      counts.regexRuns++;
      const skip = lits && !lits.some((l) => text.includes(l));
      const checkMs = performance.now() - t0;
      if (skip) {
        counts.regexRunsSkipped++;
      } else {
        counts.prefiltered += n;
      }
      addA('what-if: all regexes behind a required-literal prefilter', checkMs + (skip ? 0 : regexMs));
    }
    if (engine.lexer?.lex) {
      t0 = performance.now();
      engine.lexer.lex(text, engine.syntaxFor(undefined, relPath));
      addA('lex every file (upper bound; the CLI lexes only files with an in≠any match)', performance.now() - t0);
    }
  }
  obs.disconnect();
  const regexTotal = Object.entries(attribution).filter(([k]) => k.startsWith('regex ')).reduce((a, [, v]) => a + v, 0);
  return {
    regexMode,
    patterns: patterns.length,
    files: relPaths.length,
    checked: texts.length,
    bytes,
    skipped: skipped.length,
    scanMs,
    gcMsDuringScan: gcDuringScan,
    phases: t,
    attribution: { ...attribution, 'regex scans, all patterns': regexTotal },
    literals: Object.fromEntries(literals),
    prefilterCheck: counts,
    slowestExecs: slow.sort((a, b) => b.ms - a.ms).slice(0, 200),
    jsonBytes: json.length,
  };
}

/** The CLI's JSON formatter, whichever signature it has today (files + skipped, or one report object). */
function formatJson(engine, files, skipped) {
  const f = engine.jsonFormat?.formatJson;
  for (const attempt of [() => f({ files, skipped, findings: files.flatMap((x) => x.findings) }), () => f(files, skipped)]) {
    try {
      const out = f && attempt();
      if (typeof out === 'string') {
        return out;
      }
    } catch {
      // try the other signature
    }
  }
  return JSON.stringify({ version: 1, results: files, skipped });
}

function countMatches(re, text) {
  let n = 0;
  re.lastIndex = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
    }
    n++;
  }
  return n;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [repo, configFile, target] = process.argv.slice(2);
  const require = createRequire(import.meta.url);
  const engine = require(path.join(repo, '.bench', 'engine.cjs'));
  const mode = process.argv.find((a) => a.startsWith('--regex='))?.slice(8) ?? 'cli';
  const out = await profileScan({ engine, repo, configFile, target, regexMode: /^\d+$/.test(mode) ? Number(mode) : mode });
  process.stdout.write(JSON.stringify(out));
}
