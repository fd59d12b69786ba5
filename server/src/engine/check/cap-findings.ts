import { SEVERITY_RANK, type Finding } from '../types';

/** Findings listed per file (all rules together); the rest are summed up in one finding. */
export const MAX_FINDINGS_PER_FILE = 1000;

/**
 * Keeps the first `max` of position-sorted findings and adds one summary finding for the rest. The
 * summary carries the rule and the severity of the most severe finding left out, so a gate that fails
 * on that severity still fails.
 */
export function capFindings(sorted: Finding[], max = MAX_FINDINGS_PER_FILE): Finding[] {
  if (sorted.length <= max) {
    return sorted;
  }
  const left = sorted.slice(max);
  const worst = left.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a));
  const summary: Finding = {
    ...worst,
    message: `${left.length} more finding(s) in this file are not listed (only the first ${max} are); the first ${worst.severity} left out: ${worst.message}`,
    fixes: [],
  };
  return [...sorted.slice(0, max), summary];
}
