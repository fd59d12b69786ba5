import type { ConfigProblem } from '../types';
import type { SectionSource } from '../config/section-source';

// What every lock check shares (rules here, sections in ai-policy/locks.ts and boundaries/locks.ts).
// A leaf: the sections' lock checks import it, and org-policy/locks.ts imports the sections.

/** What a section's lock checks ask of the org's locks (org-policy/locks.ts implements it). */
export interface SectionLocks {
  readonly reason?: string;
  /** `ai.review` is locked by `ai.review` or by `ai`. */
  isSectionLocked(section: string): boolean;
}

/** What the lock checks share: the locks, and how to word and place a "locked by" problem. */
export interface LockContext<L extends SectionLocks = SectionLocks> {
  orgName: string;
  locks: L;
  problems: ConfigProblem[];
}

/** Where a problem goes: a lower layer's file (the team's rule file and the non-built-in files it extends). */
export type LockPlace = Pick<SectionSource, 'file' | 'rangeOf'>;

/**
 * Reports an attempt to weaken something locked, at its place in the lower file:
 * "locked by org ruleset acme-2026.11: cannot disable security/no-eval". A warning, not an error:
 * the attempt has no effect (or, for `effect`, a narrower one), and the rest of the file stays in force.
 */
export function reportLocked(
  ctx: LockContext,
  place: LockPlace,
  at: (string | number)[],
  what: string,
  key = false,
  by?: string,
  effect = "This setting has no effect; the org's stays in force.",
): void {
  const reason = ctx.locks.reason ? ` (${ctx.locks.reason})` : '';
  const via = by ? ` through ${by}` : '';
  ctx.problems.push({
    file: place.file,
    range: place.rangeOf(at, key),
    message: `locked by org ruleset ${ctx.orgName}${via}: cannot ${what}${reason}. ${effect}`,
    severity: 'warning',
  });
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));
}
