import type { RuleMeta } from './rule-meta';
import { SUPPRESSION_RULES } from './suppression-rules';
import { PROVENANCE_RULES } from './provenance-rules';
import { AI_RULES } from '../ai-policy/rules';
import { BOUNDARY_RULES } from '../boundaries/rules';
import { ORG_RULES } from '../org-policy/rules';

/** Every rule implemented in code. Rule-file patterns are rules too, but live in the rulesets. */
const CODE_RULES: RuleMeta[] = [...SUPPRESSION_RULES, ...PROVENANCE_RULES, ...AI_RULES, ...BOUNDARY_RULES, ...ORG_RULES];

const BY_ID = new Map(CODE_RULES.map((r) => [r.id, r]));

export function codeRule(id: string): RuleMeta | undefined {
  return BY_ID.get(id);
}

export function codeRules(): readonly RuleMeta[] {
  return CODE_RULES;
}
