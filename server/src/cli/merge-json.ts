import { SEVERITY_RANK, type Severity } from '../engine';
import type { FailOn } from './format/report';
import { UsageError } from './cli-config';
import type { Shard } from './shard';

/** The parts of a `check --format json` report (format/json.ts) that a merge reads. */
export interface JsonReport {
  version: 1;
  results: { path: string; findings: { severity: Severity }[] }[];
  skipped: { path: string }[];
  summary: Record<string, number>;
  changes?: { mode: string; ref?: string; files: number };
  baseline?: { file: string; known: number; stale: { path: string }[] };
  policy?: { sha256: string };
  shard?: Shard;
}

export interface Merged {
  text: string;
  /** Whether a finding is at or above --fail-on. */
  fails: boolean;
}

/** The full run's JSON report from its shards: files in path order, counts summed, no shard field. */
export function mergeJsonReports(reports: JsonReport[], failOn: FailOn): Merged {
  const first = reports[0];
  for (const r of reports) {
    if (r.changes?.mode !== first.changes?.mode || r.changes?.ref !== first.changes?.ref || r.baseline?.file !== first.baseline?.file) {
      throw new UsageError('the reports were made with different --changed-since/--staged or --baseline options');
    }
  }
  const results = reports.flatMap((r) => r.results).sort((a, b) => byCodeUnit(a.path, b.path));
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of results) {
    for (const x of f.findings) {
      if (!(x.severity in counts)) {
        throw new UsageError(`unknown severity "${String(x.severity)}" in ${f.path}`);
      }
      counts[x.severity]++;
    }
  }
  const known = sum(reports.map((r) => r.baseline?.known ?? 0));
  const stale = reports.flatMap((r) => r.baseline?.stale ?? []).sort((a, b) => byCodeUnit(a.path, b.path));
  const merged = {
    version: 1,
    results,
    skipped: reports.flatMap((r) => r.skipped).sort((a, b) => byCodeUnit(a.path, b.path)),
    summary: {
      errors: counts.error,
      warnings: counts.warning,
      infos: counts.info,
      hints: counts.hint,
      ...(first.baseline ? { known, stale: stale.length } : {}),
    },
    ...(first.changes ? { changes: { ...first.changes, files: sum(reports.map((r) => r.changes?.files ?? 0)) } } : {}),
    ...(first.baseline ? { baseline: { file: first.baseline.file, known, stale } } : {}),
    ...(first.policy ? { policy: first.policy } : {}),
  };
  const fails = failOn !== 'never' && results.some((f) => f.findings.some((x) => SEVERITY_RANK[x.severity] >= SEVERITY_RANK[failOn]));
  return { text: JSON.stringify(merged, null, 2) + '\n', fails };
}

export function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
}

export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
