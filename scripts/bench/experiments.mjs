// Micro-experiments behind the profile's recommendations (not run by `npm run bench`):
//   node scripts/bench/experiments.mjs        (after `npm run bench`, which builds .bench/engine.cjs)
// Each compares the current code with a candidate change on the same inputs and checks that the
// results are identical: lexing, Policy.patternsFor, text decoding, LineIndex, the keywords screen.
import { readdirSync, readFileSync, statSync } from 'fs';
import { isUtf8 } from 'buffer';
import { createRequire } from 'module';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { fileURLToPath } from 'url';
import { diskHost } from './engine.mjs';
import { generateTypeScript } from './gen-file.mjs';
import { median } from './util.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const engine = require(path.join(repo, '.bench', 'engine.cjs'));
const { Minimatch } = require('minimatch');

const time = (fn, reps = 5) => {
  const xs = [];
  let out;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    out = fn();
    xs.push(performance.now() - t0);
  }
  return { ms: median(xs), out };
};
const show = (label, a, b) =>
  console.log(`${label.padEnd(58)} current ${a.ms.toFixed(1).padStart(8)} ms   candidate ${b.ms.toFixed(1).padStart(8)} ms   ${(a.ms / b.ms).toFixed(1)}×`);

// Inputs: the editor benchmark's file and node_modules' texts (≤ 5 MiB, no NUL in the first 8 KB).
const files = [];
(function walk(d) {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) {
      walk(p);
    } else if (e.isFile() && statSync(p).size <= 5 * 1048576) {
      files.push(path.relative(repo, p));
    }
  }
})(path.join(repo, 'node_modules'));
const bufs = files.map((f) => readFileSync(path.join(repo, f)));
const texts = bufs.filter((b) => !b.subarray(0, 8192).includes(0)).map((b) => b.toString('utf8'));
const big = generateTypeScript(5000).text;
console.log(`${files.length} files, ${texts.length} texts, ${(texts.reduce((a, t) => a + t.length, 0) / 1048576).toFixed(1)} M chars; editor file ${(big.length / 1024).toFixed(0)} KB`);

// 1. lex: its main loop tests every character against a Set of opener characters to skip plain code.
// Candidate: jump to the next opener with a sticky negated-class regex. The rest of lex() (what it does
// at an opener) is unchanged, so the saving is the difference between the two ways of finding openers.
function openerCodes(syntax) {
  const out = new Set();
  for (const s of [syntax.lineComment, syntax.blockComment?.[0], ...syntax.multilineQuotes, ...syntax.quotes, syntax.regexLiterals ? '/' : undefined]) {
    if (s) {
      out.add(s.charCodeAt(0));
    }
  }
  return out;
}
function findOpenersSet(text, openers) {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (openers.has(text.charCodeAt(i))) {
      count += i;
    }
  }
  return count;
}
function findOpenersRegex(text, openers) {
  const skip = openers.size ? new RegExp(`[^${[...openers].map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]+`, 'y') : /[^]+/y;
  let count = 0;
  let i = 0;
  while (i < text.length) {
    skip.lastIndex = i;
    if (skip.test(text)) {
      i = skip.lastIndex;
      if (i >= text.length) {
        break;
      }
    }
    count += i;
    i++;
  }
  return count;
}
{
  const ts = engine.syntaxFor('typescript', 'a.ts');
  const open = openerCodes(ts);
  const total = time(() => engine.lexer.lex(big, ts), 21);
  const a = time(() => findOpenersSet(big, open), 21);
  const b = time(() => findOpenersRegex(big, open), 21);
  console.log(`lex() on the editor file: ${total.ms.toFixed(2)} ms in all`);
  show(`  finding opener characters, editor file`, a, b);
  console.log(`  same openers: ${a.out === b.out}; expected lex() after the change ≈ ${(total.ms - a.ms + b.ms).toFixed(2)} ms`);
  const syn = files.map((f) => engine.syntaxFor(undefined, f));
  const opens = syn.map(openerCodes);
  const t2 = time(() => texts.map((t, i) => engine.lexer.lex(t, syn[i])), 1);
  const c = time(() => texts.map((t, i) => findOpenersSet(t, opens[i])), 1);
  const d = time(() => texts.map((t, i) => findOpenersRegex(t, opens[i])), 1);
  console.log(`lex() on every node_modules text: ${t2.ms.toFixed(0)} ms in all`);
  show('  finding opener characters, node_modules', c, d);
  console.log(`  same openers: ${c.out.every((x, i) => x === d.out[i])}; expected lex() after ≈ ${(t2.ms - c.ms + d.ms).toFixed(0)} ms`);
}

// 2. Policy.patternsFor: Minimatch.match per pattern per file. Candidate: most `paths` globs are
// `**/*.ext` or `**/*.{a,b}`, which depend on the extension alone, so their answer is cached per extension.
{
  const policy = engine.loadWorkspaceConfig(repo, diskHost(repo), '.bench/scan-shipped.jsonc').policy;
  if (policy) {
    const patterns = [...policy.resolved.patterns.values()];
    const EXT_GLOB = /^\*\*\/\*\.(?:\{([\w,]+)\}|(\w+))$/;
    const extsOf = (globs) => {
      const out = new Set();
      for (const g of globs) {
        const m = EXT_GLOB.exec(g);
        if (!m) {
          return undefined;
        }
        (m[1] ?? m[2]).split(',').forEach((e) => out.add(e));
      }
      return out;
    };
    const mm = (globs) => {
      const ms = (globs ?? []).map((g) => new Minimatch(g, { dot: true, matchBase: !g.includes('/') }));
      return (rel) => ms.some((m) => m.match(rel));
    };
    const plan = patterns.map((p) => {
      const inc = p.paths ? extsOf(p.paths) : null; // null: no paths, applies everywhere
      const exc = p.exclude?.length ? extsOf(p.exclude) : null;
      const byExt = inc !== undefined && exc !== undefined;
      return { p, byExt, inc, exc, slowInc: p.paths ? mm(p.paths) : () => true, slowExc: mm(p.exclude) };
    });
    const slowPlan = plan.filter((x) => !x.byExt);
    const cache = new Map();
    const fast = (rel) => {
      const base = rel.slice(rel.lastIndexOf('/') + 1);
      const dot = base.lastIndexOf('.');
      const ext = dot > 0 ? base.slice(dot + 1) : '';
      let extOnly = cache.get(ext);
      if (!extOnly) {
        extOnly = plan.filter((x) => x.byExt && (!x.inc || x.inc.has(ext)) && !(x.exc && x.exc.has(ext)));
        cache.set(ext, extOnly);
      }
      const rest = slowPlan.filter((x) => x.slowInc(rel) && !x.slowExc(rel));
      return rest.length ? [...extOnly, ...rest] : extOnly;
    };
    const a = time(() => files.map((f) => policy.patternsFor(f).length), 3);
    const b = time(() => files.map((f) => fast(f).length), 3);
    show(`patternsFor × ${files.length} files (${patterns.length} patterns, ${plan.filter((x) => x.byExt).length} by extension)`, a, b);
    console.log(`  identical: ${a.out.every((n, i) => n === b.out[i])}`);
  }
}

// 3. Decoding: isUtf8 + toString('utf8') (two passes) vs a fatal TextDecoder (one pass).
{
  const dec = new TextDecoder('utf-8', { fatal: true });
  const a = time(() => bufs.map((b) => (isUtf8(b) ? b.toString('utf8').length : -1)), 3);
  const b = time(
    () =>
      bufs.map((buf) => {
        try {
          return dec.decode(buf).length;
        } catch {
          return -1;
        }
      }),
    3,
  );
  show('decode all files', a, b);
  console.log(`  identical: ${a.out.every((n, i) => n === b.out[i] || (n !== -1 && bufs[i][0] === 0xef))}`);
}

// 4. LineIndex for every checked file (built eagerly in DocumentContext; needed only for findings).
{
  const a = time(() => texts.map((t) => new engine.LineIndex(t).lineCount), 3);
  console.log(`${'LineIndex for every text (cost of building it eagerly)'.padEnd(58)} ${a.ms.toFixed(1).padStart(8)} ms`);
}

// 5. Keywords screen: lower-casing every text then scanning it vs one case-insensitive scan of the original.
{
  const policy = engine.loadWorkspaceConfig(repo, diskHost(repo), '.bench/scan-shipped.jsonc').policy;
  const keywords = [...new Set([...(policy?.resolved.patterns.values() ?? [])].flatMap((p) => (p.keywords ?? []).map((k) => k.toLowerCase())))];
  if (keywords.length) {
    const alt = keywords.sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|');
    const lower = new RegExp(alt, 'g');
    const insensitive = new RegExp(alt, 'gi');
    const hits = (re, t) => {
      const s = new Set();
      re.lastIndex = 0;
      let m;
      while ((m = re.exec(t)) !== null) {
        s.add(m[0].toLowerCase());
      }
      return s.size;
    };
    const a = time(() => texts.map((t) => hits(lower, t.toLowerCase())), 3);
    const b = time(() => texts.map((t) => hits(insensitive, t)), 3);
    show(`keywords: toLowerCase + scan vs /i scan (${keywords.length} keywords)`, a, b);
    console.log(`  identical keyword sets: ${a.out.every((n, i) => n === b.out[i])}`);
  }
}
