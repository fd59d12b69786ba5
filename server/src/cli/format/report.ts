import { SEVERITY_RANK, type Finding, type Severity, type SkippedFile } from '../../engine';
import type { StaleEntry } from '../../engine/baseline/baseline';
import type { FileResult } from '../../scan/parallel-scan';
import type { Shard } from '../shard';

/** Everything a report format prints: the findings left after the baseline and the change filter. */
export interface GateReport {
  files: (FileResult & { fingerprints?: string[] })[];
  skipped: SkippedFile[];
  /** Present when a baseline file was applied. */
  baseline?: { file: string; known: number; stale: StaleEntry[] };
  /** Present with --changed-since / --staged. */
  changes?: { mode: 'since' | 'staged'; ref?: string; files: number };
  /** SHA-256 of the rule set (see policy-fingerprint.ts), so `merge` can refuse mixed ones. */
  policySha256?: string;
  /** Present with --shard: this report covers only the paths shard `index` of `count` owns. */
  shard?: Shard;
}

export type FailOn = 'error' | 'warning' | 'never';

export function countBySeverity(files: GateReport['files']): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of files) {
    for (const x of f.findings) {
      counts[x.severity]++;
    }
  }
  return counts;
}

/** Whether a finding fails the run (exit code 1) under --fail-on. */
export function failsGate(x: Finding, failOn: FailOn): boolean {
  return failOn !== 'never' && SEVERITY_RANK[x.severity] >= SEVERITY_RANK[failOn];
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
