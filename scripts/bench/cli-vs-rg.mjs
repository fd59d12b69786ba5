// Benchmark 2: `conductor check` (dist/cli.js) over the repo's node_modules vs ripgrep with the same
// regex set over the same files. Both skip files > 5 MiB and binary files, write JSON to a file,
// and are timed from spawn to exit (Node start-up is part of the CLI's cost, as in CI).
import { spawnSync } from 'child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import * as path from 'path';
import { jsToRust } from './js-to-rust-regex.mjs';
import { snapshotRulesets } from './rulesets.mjs';
import { median, timedRun } from './util.mjs';
import { performance } from 'perf_hooks';

export const MAX_MB = 5;
const MAX_BYTES = MAX_MB * 1024 * 1024; // the CLI's --max-file-size and rg's --max-filesize 5M are both MiB
export const CAP = 500; // MAX_FINDINGS_PER_RULE in server/src/engine/check/pattern-check.ts

/** Regular files under dir, symlinks not followed, dotfiles included (what both tools walk). */
export function treeStats(dir) {
  let files = 0;
  let bytes = 0;
  let largeFiles = 0;
  let largeBytes = 0;
  const visit = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        visit(p);
      } else if (e.isFile()) {
        const size = statSync(p).size;
        files++;
        bytes += size;
        if (size > MAX_BYTES) {
          largeFiles++;
          largeBytes += size;
        }
      }
    }
  };
  visit(dir);
  return { files, bytes, largeFiles, largeBytes, searchedBytes: bytes - largeBytes };
}

function rgCompiles(regexes, multiline, emptyFile) {
  const args = ['--no-config', ...(multiline ? ['-U'] : []), ...regexes.flatMap((r) => ['-e', r]), '--', emptyFile];
  const r = spawnSync('rg', args, { encoding: 'utf8' });
  return { ok: r.status !== 2, error: r.stderr.trim().split('\n')[0] };
}

/**
 * The fair regex set: every pattern of the active rulesets that ripgrep can run with the same meaning.
 * rg's line mode when every regex compiles there; otherwise multiline mode (-U), where a regex sees the
 * whole file as the CLI's regexes do.
 */
export function regexSet(policy, benchDir) {
  const emptyFile = path.join(benchDir, 'empty.txt');
  writeFileSync(emptyFile, '');
  const kept = [];
  const excluded = [];
  for (const p of policy.resolved.patterns.values()) {
    const t = jsToRust(p.regex, p.flags ?? '');
    if (t.error) {
      excluded.push({ id: p.id, reason: t.error });
      continue;
    }
    const c = rgCompiles([t.regex], true, emptyFile);
    if (!c.ok) {
      excluded.push({ id: p.id, reason: `rg: ${c.error}` });
      continue;
    }
    kept.push({ id: p.id, js: p.regex, flags: p.flags ?? '', rust: t.regex, in: p.in, paths: p.paths });
  }
  const lineModeOk = rgCompiles(kept.map((k) => k.rust), false, emptyFile).ok;
  const combined = rgCompiles(kept.map((k) => k.rust), !lineModeOk, emptyFile);
  if (!combined.ok) {
    throw new Error(`rg rejects the combined regex set: ${combined.error}`);
  }
  const result = { patterns: kept, excluded, multiline: !lineModeOk };
  if (!lineModeOk) {
    // rg's best case for the same intent: in line mode a trailing "eat the line break" group is `$`.
    const rewritten = kept.map((k) => k.rust.replace(/(?:\((?:\?:)?\\r\?\\n\|\$\)|\\r\?\\n|\\n)$/, '\\r?$'));
    if (rgCompiles(rewritten, false, emptyFile).ok) {
      result.lineRewrite = rewritten;
    }
  }
  return result;
}

/** A rule file with only these regexes, matched anywhere (`in: any`, no `paths`), like rg. */
export function fairRuleFile(set) {
  const patterns = set.patterns.map((p) => ({
    id: p.id,
    regex: p.js,
    ...(p.flags ? { flags: p.flags } : {}),
    message: 'match',
    severity: 'warning',
    in: 'any',
  }));
  return JSON.stringify({ name: 'bench-fair', patterns }, null, 2) + '\n';
}

/**
 * fairPolicy: the rules whose regexes both tools run (conductor:recommended: a few patterns, as in
 * `rg -e p1 -e p2 …`). shipped: the active rulesets as users run them (in/paths/keywords), CLI only —
 * ripgrep has no equivalent, and ~100 regexes joined into one alternation push rg 13 off its fast path.
 */
export async function benchCliVsRg({ repo, distDir = path.join(repo, 'dist'), cliHasJobs = false, benchDir, fairPolicy, shippedRulesets, target = 'node_modules', runs = 5, shippedRuns = 3, deadline = Infinity, log }) {
  const tree = treeStats(path.join(repo, target));
  const set = regexSet(fairPolicy, benchDir);
  const fairConfig = path.join(benchDir, 'scan-fair.jsonc');
  const shippedConfig = path.join(benchDir, 'scan-shipped.jsonc');
  writeFileSync(fairConfig, fairRuleFile(set));
  writeFileSync(shippedConfig, snapshotRulesets(repo, shippedRulesets, path.join(benchDir, 'rules-snapshot')));

  const cliArgs = (config, extra = []) => [
    path.join(distDir, 'cli.js'), 'check', target, ...extra,
    '--cwd', '.', '--config', path.relative(repo, config),
    '--no-gitignore', '--max-file-size', String(MAX_MB), '--format', 'json', '--fail-on', 'never',
  ];
  const rgBase = ['--no-config', '--no-ignore', '--hidden', '--max-filesize', `${MAX_MB}M`, ...(set.multiline ? ['-U'] : [])];
  const rgArgs = (extra = [], base = rgBase, regexes = set.patterns.map((p) => p.rust)) => [...base, ...extra, '--json', ...regexes.flatMap((r) => ['-e', r]), '--', target];
  const rgLineBase = rgBase.filter((a) => a !== '-U');

  const variants = [
    { key: 'cli', label: 'conductor check (fair set, in: any)', cmd: process.execPath, args: cliArgs(fairConfig), out: 'out-cli.json', runs },
    { key: 'rg', label: `rg${set.multiline ? ' -U' : ''} (default threads)`, cmd: 'rg', args: rgArgs(), out: 'out-rg.json', runs },
    ...(cliHasJobs ? [{ key: 'cli1', label: 'conductor check --jobs 1 (one thread)', cmd: process.execPath, args: cliArgs(fairConfig, ['--jobs', '1']), out: 'out-cli1.json', runs }] : []),
    { key: 'rg1', label: `rg${set.multiline ? ' -U' : ''} -j1 (one thread)`, cmd: 'rg', args: rgArgs(['-j1']), out: 'out-rg1.json', runs },
    ...(set.lineRewrite
      ? [{ key: 'rgLine', label: 'rg line mode, trailing (\\r?\\n|$) → \\r?$', cmd: 'rg', args: rgArgs([], rgLineBase, set.lineRewrite), out: 'out-rg-line.json', runs }]
      : []),
    { key: 'cliShipped', label: `conductor check, shipped ${shippedRulesets.join('+')}`, cmd: process.execPath, args: cliArgs(shippedConfig), out: 'out-cli-shipped.json', runs: shippedRuns, optional: true },
  ];
  const times = Object.fromEntries(variants.map((v) => [v.key, []]));
  const cpu = Object.fromEntries(variants.map((v) => [v.key, []]));
  // One untimed warm-up each (page cache, disk), then interleaved runs so drift hits all alike.
  for (let round = -1; round < runs; round++) {
    for (const v of variants) {
      if (round >= v.runs || (v.optional && round > 0 && performance.now() > deadline)) {
        continue; // the extra variant gives way to the time budget after its first timed run
      }
      if (v.optional && round < 0) {
        continue; // the fair runs have warmed the page cache already
      }
      if (v.error) {
        continue;
      }
      const r = await timedRun(v.cmd, v.args, { cwd: repo, stdoutFile: path.join(benchDir, v.out), cpuFile: path.join(benchDir, `cpu-${v.key}.txt`) });
      if (r.code !== 0 && !(v.key.startsWith('rg') && r.code === 1)) {
        const error = `${v.label} exited with ${r.code}: ${r.stderr.slice(0, 2000)}`;
        if (!v.optional) {
          throw new Error(error);
        }
        v.error = error; // the extra variant may fail (e.g. a ruleset mid-edit); the comparison stands
        log?.(`  ${v.key}: ${error}`);
        continue;
      }
      if (round >= 0) {
        times[v.key].push(r.ms);
        if (r.cpuMs !== undefined) {
          cpu[v.key].push(r.cpuMs);
        }
      }
      log?.(`  ${v.key} round ${round < 0 ? 'warm-up' : round + 1}: ${r.ms.toFixed(0)} ms`);
    }
  }

  const results = {};
  for (const v of variants) {
    const ms = median(times[v.key]);
    results[v.key] = {
      label: v.label,
      command: [v.cmd === process.execPath ? 'node' : v.cmd, ...v.args.map((a) => (a.startsWith(repo + path.sep) ? path.relative(repo, a) : a))].join(' '),
      runsMs: times[v.key],
      medianMs: ms,
      medianCpuMs: cpu[v.key].length ? median(cpu[v.key]) : undefined,
      error: v.error,
      filesPerSec: tree.files / (ms / 1000),
      mbPerSec: tree.searchedBytes / 1048576 / (ms / 1000),
    };
  }
  const counts = compareCounts({ repo, benchDir, set, rgBase, target });
  return {
    tree,
    set: { multiline: set.multiline, lineRewrite: set.lineRewrite, patterns: set.patterns.map(({ id, js, flags, rust }) => ({ id, js, flags, rust })), excluded: set.excluded },
    results,
    ratio: results.cli.medianMs / results.rg.medianMs,
    ratioOneThread: (results.cli1 ?? results.cli).medianMs / results.rg1.medianMs,
    ratioLineMode: results.rgLine ? results.cli.medianMs / results.rgLine.medianMs : undefined,
    cpuRatio: results.cli.medianCpuMs / results.rg.medianCpuMs,
    // Robust to load drifting during the run: each round's CLI time over the same round's rg time.
    ratioPerRound: median(times.cli.map((ms, i) => ms / times.rg[i])),
    counts,
  };
}

/** Findings per rule from the CLI's JSON vs rg per pattern (one rg per pattern, so alternation does not hide overlaps). */
function compareCounts({ repo, benchDir, set, rgBase, target }) {
  const cli = JSON.parse(readFileSync(path.join(benchDir, 'out-cli.json'), 'utf8'));
  const cliByRule = {};
  const cliFilesWithMatches = cli.results.length;
  for (const f of cli.results) {
    for (const x of f.findings) {
      cliByRule[x.ruleId] = (cliByRule[x.ruleId] ?? 0) + 1;
    }
  }
  const skippedReasons = {};
  const skippedPaths = new Set();
  for (const s of cli.skipped) {
    const reason = s.reason.replace(/\s*\(.*\)$/, '');
    skippedReasons[reason] = (skippedReasons[reason] ?? 0) + 1;
    skippedPaths.add(s.path);
  }
  // rg's combined run: matches (submatches) and matched lines, as its JSON reports them.
  let rgMatches = 0;
  let rgLines = 0;
  const rgFiles = new Set();
  for (const line of readFileSync(path.join(benchDir, 'out-rg.json'), 'utf8').split('\n')) {
    if (line.startsWith('{"type":"match"')) {
      const m = JSON.parse(line);
      rgMatches += m.data.submatches.length;
      rgLines++;
      rgFiles.add(m.data.path.text ?? m.data.path.bytes);
    }
  }
  const perRule = [];
  for (const p of set.patterns) {
    const r = spawnSync('rg', [...rgBase, '--count-matches', '--null', '-e', p.rust, '--', target], { cwd: repo, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    let total = 0;
    let capped = 0;
    let inCliSkipped = 0;
    for (const rec of r.stdout.split('\n')) {
      const nul = rec.indexOf('\0');
      if (nul === -1) {
        continue;
      }
      const n = Number(rec.slice(nul + 1));
      total += n;
      capped += Math.min(n, CAP);
      if (skippedPaths.has(rec.slice(0, nul))) {
        inCliSkipped += n;
      }
    }
    perRule.push({ id: p.id, cli: cliByRule[p.id] ?? 0, rg: total, rgCapped: capped, rgInFilesCliSkipped: inCliSkipped });
  }
  const cliTotal = Object.values(cliByRule).reduce((a, b) => a + b, 0);
  return { cliTotal, cliFilesWithMatches, rgCombined: { matches: rgMatches, lines: rgLines, files: rgFiles.size }, perRule, cliSkipped: skippedReasons };
}
