// Benchmark 3: checkDocument alone, in this process, on the editor benchmark's file and rules:
// the engine's share of the editor round trip. Also splits one check into its phases.
import { performance } from 'perf_hooks';
import { diskHost } from './engine.mjs';
import { median, summarize } from './util.mjs';

export function benchEngineCheck(engine, { repo, root, relPath, text, runs = 200, warmup = 20 }) {
  engine.enableLinearRegexFallback(); // as dist/server.js does at startup
  const loaded = engine.loadWorkspaceConfig(root, diskHost(repo));
  if (!loaded.policy) {
    throw new Error(`bench rule file does not load: ${loaded.problems[0]?.message}`);
  }
  const policy = loaded.policy;
  const doc = { relPath, text, languageId: 'typescript' };
  const opts = { docsUrl: () => undefined };
  let findings = [];
  for (let i = 0; i < warmup; i++) {
    findings = engine.checkDocument(doc, policy, opts);
  }
  const times = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    // A fresh string each run, as the server's TextDocument hands over a new text after every edit.
    const d = { ...doc, text: (i & 1 ? ' ' : '\t') + text.slice(1) };
    const t0 = performance.now();
    findings = engine.checkDocument(d, policy, opts);
    times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuMsPerCheck = (cpu.user + cpu.system) / 1000 / runs;
  const byRule = {};
  for (const f of engine.checkDocument(doc, policy, opts)) {
    byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  }
  return { ...summarize(times), cpuMsPerCheck, findings: findings.length, byRule, phases: phases(engine, policy, doc), patterns: policy.patternsFor(relPath).length };
}

/**
 * Median time of each phase of one check (20 repetitions each): context, lexing, the keywords screen,
 * and the regex scans checkPatterns actually runs (patterns the keywords screen skips are left out).
 */
function phases(engine, policy, doc) {
  const reps = 20;
  const time = (fn) => {
    const xs = [];
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      fn();
      xs.push(performance.now() - t0);
    }
    return median(xs);
  };
  const out = {};
  out['DocumentContext (line index, rulesFor, syntax)'] = time(() => new engine.DocumentContext(doc, policy));
  if (engine.lexer?.lex) {
    out['lex (comments/strings)'] = time(() => engine.lexer.lex(doc.text, engine.syntaxFor(doc.languageId, doc.relPath)));
  }
  const screen = engine.secretScreen?.patternScreen;
  const patterns = policy.patternsFor(doc.relPath);
  let running = patterns;
  if (screen) {
    out['keywords screen (lower-case copy + keyword scan)'] = time(() => {
      const ctx = new engine.DocumentContext(doc, policy);
      for (const p of patterns) {
        screen(ctx, p);
      }
    }) - out['DocumentContext (line index, rulesFor, syntax)'];
    const ctx = new engine.DocumentContext(doc, policy);
    running = patterns.filter((p) => screen(ctx, p).runs);
  }
  const regexTotal = [];
  for (const p of running) {
    const re = p.compiled;
    const ms = time(() => {
      re.lastIndex = 0;
      let m;
      while ((m = re.exec(doc.text)) !== null) {
        if (m[0].length === 0) {
          re.lastIndex++;
        }
      }
    });
    regexTotal.push(ms);
    out[`regex ${p.id}`] = ms;
  }
  out['regex scans, all patterns'] = regexTotal.reduce((a, b) => a + b, 0);
  out.patternsRun = running.length;
  out.patternsApplicable = patterns.length;
  return out;
}
