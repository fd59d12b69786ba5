// Pure: the policy part of the report, from the findings of the gate's scan (cli/gate.ts).
import type { AiRegion, Finding } from '../engine';
import type { GovernanceReport } from './schema';
import { increment, per1000 } from './stats';

/** A rule's layer: the part of its id before the first `/` (`ai`, `boundaries`, `secrets`…), else `other`. */
export function layerOf(ruleId: string): string {
  const slash = ruleId.indexOf('/');
  return slash > 0 ? ruleId.slice(0, slash) : 'other';
}

export interface PolicyAccumulator {
  total: number;
  inside: number;
  outside: number;
  severity: { error: number; warning: number; info: number; hint: number };
  layers: Map<string, number>;
  rules: Map<string, { severity: string; count: number }>;
}

export function newPolicyAccumulator(): PolicyAccumulator {
  return { total: 0, inside: 0, outside: 0, severity: { error: 0, warning: 0, info: 0, hint: 0 }, layers: new Map(), rules: new Map() };
}

/** Adds one file's findings; a finding is inside an AI block when it starts on a line from its begin to its end marker. */
export function addFindings(acc: PolicyAccumulator, findings: readonly Finding[], regions: readonly AiRegion[]): void {
  for (const f of findings) {
    acc.total++;
    acc.severity[f.severity]++;
    increment(acc.layers, layerOf(f.ruleId));
    const r = acc.rules.get(f.ruleId) ?? { severity: f.severity, count: 0 };
    r.count++;
    acc.rules.set(f.ruleId, r);
    const line = f.range.start.line;
    if (regions.some((x) => line >= x.beginLine && line <= x.endLine)) {
      acc.inside++;
    } else {
      acc.outside++;
    }
  }
}

export function policySection(
  acc: PolicyAccumulator,
  o: { checked: number; skipped: number; baselined: number; aiLines: number; humanLines: number },
): GovernanceReport['policy'] {
  const byLayer = [...acc.layers.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).map(([layer, count]) => ({ layer, count }));
  const byRule = [...acc.rules.entries()]
    .sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : 1))
    .map(([ruleId, r]) => ({ ruleId, layer: layerOf(ruleId), severity: r.severity, count: r.count }));
  return {
    files: { checked: o.checked, skipped: o.skipped },
    findings: { total: acc.total, baselined: o.baselined, bySeverity: { ...acc.severity }, byLayer, byRule },
    aiRegions: { inside: acc.inside, outside: acc.outside, insidePer1000: per1000(acc.inside, o.aiLines), outsidePer1000: per1000(acc.outside, o.humanLines) },
    secrets: acc.layers.get('secrets') ?? 0,
    boundaryViolations: acc.layers.get('boundaries') ?? 0,
  };
}
