import { UsageError } from './cli-config';
import type { FailOn } from './format/report';
import { byCodeUnit, sum, type Merged } from './merge-json';
import type { Shard } from './shard';

type Level = 'error' | 'warning' | 'note';

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: Level;
  locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[];
}

interface SarifRun {
  tool: { driver: { name: string; version?: string; rules: ({ id: string; defaultConfiguration?: { level?: Level } } & Record<string, unknown>)[] } & Record<string, unknown> };
  invocations?: { toolExecutionNotifications?: unknown[] }[];
  automationDetails?: { id: string };
  results: SarifResult[];
  properties?: {
    conductor?: { policySha256?: string; shard?: Shard; baseline?: { known: number; stale: number }; changes?: { mode: string; ref?: string; files: number } };
  };
}

/** The parts of a `check --format sarif` log (format/sarif.ts) that a merge reads; the rest passes through. */
export interface SarifLog {
  version: '2.1.0';
  runs: [SarifRun & Record<string, unknown>];
}

const RANK: Record<Level, number> = { note: 1, warning: 2, error: 3 };
const FAILS: Record<FailOn, Level[]> = { error: ['error'], warning: ['error', 'warning'], never: [] };

/**
 * One run as the full check would print it: the rules of every shard (each at its most severe level),
 * results in path order with their rule index renumbered, baseline and change counts summed, and no
 * automationDetails (the merged log is the whole repository's, not a shard's category).
 */
export function mergeSarifReports(logs: SarifLog[], failOn: FailOn): Merged {
  const runs = logs.map((l) => l.runs[0]);
  const base = runs[0];
  const version = base.tool.driver.version;
  if (runs.some((r) => r.tool.driver.version !== version)) {
    throw new UsageError('the SARIF logs were made by different Conductor versions');
  }
  const rules = new Map<string, SarifRun['tool']['driver']['rules'][number]>();
  for (const r of runs) {
    for (const rule of r.tool.driver.rules) {
      const prev = rules.get(rule.id);
      if (!prev || levelRank(rule.defaultConfiguration?.level) > levelRank(prev.defaultConfiguration?.level)) {
        rules.set(rule.id, rule);
      }
    }
  }
  const ruleIds = [...rules.keys()].sort(byCodeUnit);
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const uri = (x: SarifResult): string => x.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
  const results = runs
    .flatMap((r) => r.results)
    .map((x, order) => ({ x, order }))
    .sort((a, b) => byCodeUnit(uri(a.x), uri(b.x)) || a.order - b.order)
    .map(({ x }) => {
      const i = index.get(x.ruleId);
      if (i === undefined) {
        throw new UsageError(`a result of rule ${x.ruleId} has no rule descriptor`);
      }
      return { ...x, ruleIndex: i };
    });
  const notes = runs.flatMap((r) => r.invocations?.[0]?.toolExecutionNotifications ?? []);
  const props = runs.map((r) => r.properties?.conductor ?? {});
  const first = props[0];
  const conductor = {
    ...(first.baseline ? { baseline: { known: sum(props.map((p) => p.baseline?.known ?? 0)), stale: sum(props.map((p) => p.baseline?.stale ?? 0)) } } : {}),
    ...(first.changes ? { changes: { ...first.changes, files: sum(props.map((p) => p.changes?.files ?? 0)) } } : {}),
    ...(first.policySha256 ? { policySha256: first.policySha256 } : {}),
  };
  const rest: Record<string, unknown> = { ...base };
  delete rest.automationDetails;
  delete rest.properties;
  const run = {
    ...rest,
    tool: { ...base.tool, driver: { ...base.tool.driver, rules: ruleIds.map((id) => rules.get(id)) } },
    invocations: [{ executionSuccessful: true, ...(notes.length > 0 ? { toolExecutionNotifications: notes } : {}) }],
    results,
    ...(Object.keys(conductor).length > 0 ? { properties: { conductor } } : {}),
  };
  const fails = results.some((x) => FAILS[failOn].includes(x.level));
  return { text: JSON.stringify({ ...logs[0], runs: [run] }, null, 2) + '\n', fails };
}

function levelRank(level: Level | undefined): number {
  return level ? (RANK[level] ?? 0) : 0;
}
