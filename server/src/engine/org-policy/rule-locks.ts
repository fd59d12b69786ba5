import { SEVERITY_RANK, type Severity } from '../types';
import type { EffectiveRule, ResolvedConfig, RuleSetting } from '../config/types';
import { normalizeSetting } from '../config/normalize-setting';
import type { RuleFileEntry } from '../config/rule-file-chain';
import { reportLocked, type LockContext } from './lock-context';
import type { RuleFloor } from './enforcement';
import type { OrgLocks } from './locks';

// Locked rules in the lower layers' files: `rules`, `overrides`, `patterns` and `ignore`. The problems
// are reported here, per entry; the effect is undone in the merged config (patterns, ignore) and,
// file by file, in Policy.rulesFor (severity, see enforcement.ts).

const rank = (s: Severity): number => SEVERITY_RANK[s];

/**
 * How a lower layer's setting weakens the org layer's (undefined: it does not), and which key of the
 * `{ severity, aiSeverity, aiOnly }` form says so (for the problem's place).
 */
export function weakening(id: string, floor: EffectiveRule, s: RuleSetting): { what: string; key: string } | undefined {
  if (s.severity === 'off') {
    return { what: `disable ${id}`, key: 'severity' };
  }
  if (rank(s.severity) < rank(floor.severity)) {
    return { what: `lower ${id} from ${floor.severity} to ${s.severity}`, key: 'severity' };
  }
  const floorAi = floor.aiSeverity ?? floor.severity;
  if (s.aiSeverity !== undefined && rank(s.aiSeverity) < rank(floorAi)) {
    return { what: `lower ${id} in AI-generated code from ${floorAi} to ${s.aiSeverity}`, key: 'aiSeverity' };
  }
  if (s.aiOnly === true && !floor.aiOnly) {
    return { what: `limit ${id} to AI-generated code`, key: 'aiOnly' };
  }
  return undefined;
}

export function checkRuleLocks(ctx: LockContext<OrgLocks>, lower: readonly RuleFileEntry[], floor: RuleFloor): void {
  // The org layer's file-wide settings. Per-file org overrides are enforced file by file in
  // Policy.rulesFor; here a lower setting is compared with the file-wide one.
  const global = floor.rulesFor('');
  const check = (file: RuleFileEntry, id: string, s: RuleSetting, at: (string | number)[]): void => {
    if (!ctx.locks.isRuleLocked(id)) {
      return;
    }
    const f = global.get(id);
    const w = f ? weakening(id, f, s) : undefined;
    if (w) {
      // Points at the key in the object form; a string or tuple setting falls back to the whole value.
      reportLocked(ctx, file.parsed, [...at, w.key], w.what, false, ctx.locks.lockedBy(id));
    }
  };
  for (const file of lower) {
    for (const [id, s] of Object.entries(file.value.rules ?? {})) {
      check(file, id, normalizeSetting(s), ['rules', id]);
    }
    file.value.overrides?.forEach((o, i) => {
      for (const [id, s] of Object.entries(o.rules)) {
        check(file, id, normalizeSetting(s), ['overrides', i, 'rules', id]);
      }
    });
    file.value.patterns?.forEach((p, i) => {
      if (ctx.locks.isRuleLocked(p.id) && floor.resolved.patterns.has(p.id)) {
        reportLocked(ctx, file.parsed, ['patterns', i, 'id'], `redefine the pattern of ${p.id} (raise its severity in "rules" instead)`, false, ctx.locks.lockedBy(p.id));
      }
    });
    file.value.ignore?.forEach((glob, i) => {
      if (floor.resolved.ignore.includes(glob)) {
        return;
      }
      if (ctx.locks.isSectionLocked('ignore')) {
        reportLocked(ctx, file.parsed, ['ignore', i], `add the ignore glob "${glob}" (ignore is locked)`);
      } else if (ctx.locks.locksRules) {
        // Taken for the team's own rules (Policy.rulesFor); reported because it reads as if it silenced everything.
        reportLocked(ctx, file.parsed, ['ignore', i], `ignore "${glob}" for locked rules`, false, undefined, 'The glob applies to this file\'s own rules only; locked rules still run there.');
      }
    });
    if (file.value.locked) {
      ctx.problems.push({
        file: file.parsed.file,
        range: file.parsed.rangeOf(['locked'], true),
        message: '"locked" has an effect only in the org ruleset; it is ignored in this file.',
        severity: 'warning',
      });
    }
  }
}

/** Undoes lower layers' changes to locked patterns and (when locked) to `ignore`, in the merged config. */
export function enforceRuleLocks(ctx: LockContext<OrgLocks>, base: ResolvedConfig, full: ResolvedConfig): void {
  for (const [id, p] of base.patterns) {
    if (ctx.locks.isRuleLocked(id)) {
      full.patterns.set(id, p);
    }
  }
  if (ctx.locks.isSectionLocked('ignore')) {
    full.ignore = full.ignore.filter((g) => base.ignore.includes(g));
  }
}
