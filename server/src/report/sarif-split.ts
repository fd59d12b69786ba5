// Pure: any scanner's findings split by AI vs human lines. A result is on AI lines when its start line
// is in an `@ai-generated` block (marker lines included, as for Conductor's own findings in
// policy.aiRegions); rates are per 1,000 AI lines and per 1,000 human lines of the report.
import * as path from 'path';
import type { AiRegion } from '../engine';
import type { SarifFinding, SarifLevel } from './sarif-read';
import type { SarifSplit, SplitCounts } from './schema';
import { per1000 } from './stats';

/** The AI blocks of a file (relative posix path) at a revision (undefined: the working tree); undefined when the file is not in scope there. */
export type RegionLookup = (relPath: string, revision: string | undefined) => readonly AiRegion[] | undefined;

type Side = 'ai' | 'human';
type Unattributed = keyof Omit<SarifSplit['unattributed'], 'total'>;

/** Which side a result is on, or why it cannot be said. */
export function attribute(f: SarifFinding, root: string, lookup: RegionLookup): Side | Unattributed {
  if (f.file === undefined) {
    return 'noFile';
  }
  const rel = path.relative(root, f.file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    return 'outsideRoot';
  }
  const regions = lookup(rel.split(path.sep).join('/'), f.revision);
  if (regions === undefined) {
    return 'notInScope';
  }
  if (f.line === undefined) {
    // A file-level result is human when the file has no AI block; otherwise it cannot be placed.
    return regions.length === 0 ? 'human' : 'noLine';
  }
  const line = f.line - 1;
  return regions.some((r) => line >= r.beginLine && line <= r.endLine) ? 'ai' : 'human';
}

interface Tally {
  ai: number;
  human: number;
}

const bump = (m: Map<string, Tally>, key: string, side: Side): void => {
  const t = m.get(key) ?? { ai: 0, human: 0 };
  t[side]++;
  m.set(key, t);
};

export function splitSarif(
  inputs: { file: string; findings: readonly SarifFinding[] }[],
  o: { root: string; lookup: RegionLookup; aiLines: number; humanLines: number },
): SarifSplit {
  const counts = (t: Tally): SplitCounts => ({ ai: t.ai, human: t.human, aiPer1000: per1000(t.ai, o.aiLines), humanPer1000: per1000(t.human, o.humanLines) });
  const total: Tally = { ai: 0, human: 0 };
  const unattributed = { total: 0, noFile: 0, outsideRoot: 0, notInScope: 0, noLine: 0 };
  const tools = new Map<string, Tally>();
  const rules = new Map<string, Tally>();
  const levels = new Map<string, Tally>();
  const revisions = new Set<string>();
  let results = 0;
  for (const input of inputs) {
    for (const f of input.findings) {
      results++;
      if (f.revision !== undefined) {
        revisions.add(f.revision);
      }
      const side = attribute(f, o.root, o.lookup);
      if (side !== 'ai' && side !== 'human') {
        unattributed.total++;
        unattributed[side]++;
        continue;
      }
      total[side]++;
      bump(tools, f.tool, side);
      bump(rules, `${f.tool}\u0000${f.ruleId}`, side);
      bump(levels, f.level, side);
    }
  }
  const byCount = <T extends Tally>([a, x]: [string, T], [b, y]: [string, T]): number => y.ai + y.human - (x.ai + x.human) || (a < b ? -1 : a > b ? 1 : 0);
  const levelOrder: readonly SarifLevel[] = ['error', 'warning', 'note', 'none'];
  return {
    files: inputs.map((i) => i.file),
    revisions: [...revisions].sort(),
    lines: { ai: o.aiLines, human: o.humanLines },
    results,
    ...counts(total),
    unattributed,
    byTool: [...tools.entries()].sort(byCount).map(([tool, t]) => ({ tool, ...counts(t) })),
    byRule: [...rules.entries()].sort(byCount).map(([key, t]) => {
      const [tool, ruleId] = key.split('\u0000');
      return { tool, ruleId, ...counts(t) };
    }),
    byLevel: levelOrder.filter((l) => levels.has(l)).map((level) => ({ level, ...counts(levels.get(level) as Tally) })),
  };
}
