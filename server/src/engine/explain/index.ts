// "Policy explained": what applies to a path, why (rule file, org lock, override) and what is allowed
// instead, as plain data. Show Effective Rules, the instruction files and the MCP tools render it.
import type { Policy } from '../config/policy';
import { explainAi, type AiExplained } from './ai-explained';
import { explainImports, type ImportsExplained } from './imports-explained';
import { explainRules, type RuleExplained } from './rules-explained';

export type { AiExplained, UseCaseExplained } from './ai-explained';
export type { ImportsExplained, LayerExplained } from './imports-explained';
export { explainRules, knownRuleIds, ruleDefinition, type RuleDefinition, type RuleExplained, type RulesExplained } from './rules-explained';

export interface PolicyExplained {
  /** Workspace-relative posix path; `''` for file-wide settings (no overrides). */
  path: string;
  /** Matches the rule file's `ignore`: never checked. */
  ignored: boolean;
  /** In force for the path, by id. */
  rules: RuleExplained[];
  /** Known rules not in force for the path, by id. */
  off: string[];
  ai: AiExplained;
  /** Undefined when no rule file has a `boundaries` section. */
  imports?: ImportsExplained;
}

export function explainPolicy(policy: Policy, relPath = ''): PolicyExplained {
  const { inForce, off } = explainRules(policy, relPath);
  const ids = new Set(inForce.map((r) => r.id));
  const on = (id: string): boolean => ids.has(id);
  const imports = explainImports(policy, relPath, on);
  return { path: relPath, ignored: policy.isIgnored(relPath), rules: inForce, off, ai: explainAi(policy, relPath, on), ...(imports && { imports }) };
}

/** Whether a rule is in force for the explained path. */
export function inForce(x: PolicyExplained, id: string): boolean {
  return x.rules.some((r) => r.id === id);
}
