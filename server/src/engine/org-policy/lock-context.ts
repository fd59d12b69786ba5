import type { ConfigProblem } from '../types';
import type { JsonPath, ParsedRuleFile } from '../config/parse-rule-file';
import type { RuleFile } from '../config/schema';
import type { OrgLocks } from './locks';

/** A rule file of a lower layer (the team's rule file and the non-built-in files it extends). */
export interface LowerFile {
  parsed: ParsedRuleFile;
  value: RuleFile;
}

/** What the lock checks share: the locks, and how to word and place a "locked by" problem. */
export interface LockContext {
  orgName: string;
  locks: OrgLocks;
  problems: ConfigProblem[];
}

/**
 * Reports an attempt to weaken something locked, at its place in the lower file:
 * "locked by org ruleset acme-2026.11: cannot disable security/no-eval". A warning, not an error:
 * the attempt has no effect (or, for `effect`, a narrower one), and the rest of the file stays in force.
 */
export function reportLocked(
  ctx: LockContext,
  file: LowerFile,
  at: JsonPath,
  what: string,
  key = false,
  by?: string,
  effect = "This setting has no effect; the org's stays in force.",
): void {
  const reason = ctx.locks.reason ? ` (${ctx.locks.reason})` : '';
  const via = by ? ` through ${by}` : '';
  ctx.problems.push({
    file: file.parsed.file,
    range: file.parsed.rangeOf(at, key),
    message: `locked by org ruleset ${ctx.orgName}${via}: cannot ${what}${reason}. ${effect}`,
    severity: 'warning',
  });
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return false;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
