import { SEVERITY_RANK, type Severity } from '../types';
import type { EffectiveRule, PolicyView } from '../config/types';
import type { OrgLocks } from './locks';

/** What a Policy needs to know about the org layer it was built with. */
export interface OrgInfo {
  /** The org ruleset's `name` (e.g. `acme-2026.11`), used in every "locked by" message. */
  name: string;
  /** Where the verified copy is presented (problems and origins point here). */
  file: string;
  /** Display name of the org file in Finding.origin / EffectiveRule.origin. */
  origin: string;
  locks: OrgLocks;
}

/** What enforcement needs of the org layer alone: its rules per path, its ignore globs, its merged config. */
export interface RuleFloor extends Pick<PolicyView, 'rulesFor' | 'resolved'> {
  readonly isIgnored: (relPath: string) => boolean;
}

/**
 * The org layer's hold on a Policy: `isLocked` for suppressions and baselines, and `enforce`, which
 * makes sure no lower layer weakened a locked rule for a file. `floor` is the policy of the org layer
 * alone (the org ruleset and the built-in rulesets it extends): for a locked rule, a file gets the
 * stronger of the floor's setting and the merged one, so a lower layer can raise but never lower.
 */
export class OrgEnforcement {
  constructor(
    readonly info: OrgInfo,
    readonly floor: RuleFloor,
  ) {}

  get name(): string {
    return this.info.name;
  }

  isLocked(ruleId: string): boolean {
    return this.info.locks.isRuleLocked(ruleId);
  }

  /** Whether any rule is locked (a locked `ignore` section alone locks none). */
  get locksRules(): boolean {
    return this.info.locks.locksRules;
  }

  /** Puts back the org layer's setting of every locked rule that `rules` (merged, for `relPath`) weakened. */
  enforce(relPath: string, rules: Map<string, EffectiveRule>): void {
    for (const [id, floor] of this.floor.rulesFor(relPath)) {
      if (this.isLocked(id)) {
        rules.set(id, strongest(floor, rules.get(id)));
      }
    }
  }
}

const rank = (s: Severity): number => SEVERITY_RANK[s];
const max = (a: Severity, b: Severity): Severity => (rank(a) >= rank(b) ? a : b);

/** The stronger of the org layer's setting and a lower layer's (undefined: turned off). */
export function strongest(floor: EffectiveRule, merged: EffectiveRule | undefined): EffectiveRule {
  if (!merged) {
    return floor;
  }
  const severity = max(floor.severity, merged.severity);
  const aiSeverity =
    floor.aiSeverity !== undefined || merged.aiSeverity !== undefined
      ? max(floor.aiSeverity ?? floor.severity, merged.aiSeverity ?? merged.severity)
      : undefined;
  // aiOnly narrows a rule to AI code: it stays narrowed only when both layers narrow it.
  const aiOnly = floor.aiOnly === undefined && merged.aiOnly === undefined ? undefined : !!floor.aiOnly && !!merged.aiOnly;
  const raised = rank(merged.severity) > rank(floor.severity) || (aiSeverity !== undefined && aiSeverity !== (floor.aiSeverity ?? floor.severity));
  return {
    id: floor.id,
    severity,
    ...(aiSeverity !== undefined && { aiSeverity }),
    ...(aiOnly !== undefined && { aiOnly }),
    origin: raised ? merged.origin : floor.origin,
  };
}
