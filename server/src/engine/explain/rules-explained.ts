import type { Severity } from '../types';
import type { Policy } from '../config/policy';
import { codeRule, codeRules } from '../registry/registry';
import { parseCategory, type RuleCategory } from '../registry/rule-category';

/** One rule in force for a path: how severe, where the setting comes from, and whether the org ruleset locks it. */
export interface RuleExplained {
  id: string;
  kind: 'pattern' | 'code';
  severity: Severity;
  aiSeverity?: Severity;
  aiOnly?: boolean;
  /** The rule file (absolute path), `built-in`, or the override that set it (EffectiveRule.origin). */
  origin: string;
  locked: boolean;
  /** A pattern's message template, or a code rule's description. */
  description: string;
  /** A pattern's `category`; a `secret` pattern without one counts as `secrets`. */
  category?: RuleCategory;
}

export interface RulesExplained {
  /** In force for the path, by id. */
  inForce: RuleExplained[];
  /** Known rules (patterns and code rules) not in force for the path, by id. */
  off: string[];
}

/** The rules in force for a workspace-relative path (`''`: file-wide, no overrides). */
export function explainRules(policy: Policy, relPath: string): RulesExplained {
  const rules = policy.rulesFor(relPath);
  const patterns = policy.resolved.patterns;
  const inForce = [...rules.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((r): RuleExplained => {
      const p = patterns.get(r.id);
      const category = p?.category !== undefined ? parseCategory(p.category) : p?.secret ? { family: 'secrets' as const } : undefined;
      return {
        id: r.id,
        kind: p ? 'pattern' : 'code',
        severity: r.severity,
        ...(r.aiSeverity && { aiSeverity: r.aiSeverity }),
        ...(r.aiOnly && { aiOnly: true }),
        origin: r.origin,
        locked: policy.isLocked(r.id),
        description: p ? p.message : (codeRule(r.id)?.description ?? ''),
        ...(category && { category }),
      };
    });
  const known = new Set([...patterns.keys(), ...codeRules().map((r) => r.id)]);
  const off = [...known].filter((id) => !rules.has(id)).sort();
  return { inForce, off };
}
