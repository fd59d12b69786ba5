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
  const off = knownRuleIds(policy).filter((id) => !rules.has(id));
  return { inForce, off };
}

/** Every rule id the policy knows, patterns and code rules, sorted. */
export function knownRuleIds(policy: Policy): string[] {
  return [...new Set([...policy.resolved.patterns.keys(), ...codeRules().map((r) => r.id)])].sort();
}

/** A rule as defined, whether or not it is in force. */
export interface RuleDefinition {
  id: string;
  kind: 'pattern' | 'code';
  /** A pattern's message template, or a code rule's description. */
  description: string;
  /** The severity the rule is defined with. */
  defaultSeverity: Severity | 'off';
  fixable: boolean;
  /** Where a pattern is defined (absolute rule file path); `built-in` for code rules. */
  origin: string;
  /** A pattern's `docs` URL. */
  docs?: string;
}

/** Undefined for an id the policy does not know. */
export function ruleDefinition(policy: Policy, id: string): RuleDefinition | undefined {
  const p = policy.resolved.patterns.get(id);
  if (p) {
    return { id, kind: 'pattern', description: p.message, defaultSeverity: p.severity, fixable: p.fix !== undefined, origin: p.origin, ...(p.docs && { docs: p.docs }) };
  }
  const meta = codeRule(id);
  return meta && { id, kind: 'code', description: meta.description, defaultSeverity: meta.defaultSeverity, fixable: meta.fixable, origin: 'built-in' };
}
