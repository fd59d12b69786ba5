import type { RuleMeta } from './rule-meta';
import { SUPPRESSION_RULES } from './suppression-rules';
import { PROVENANCE_RULES } from './provenance-rules';
import { ORG_RULES } from '../org-policy/rules';
import { SECTIONS } from '../sections';

/** Every rule implemented in code: the engine's own, then each section's. Rule-file patterns live in the rulesets. */
const CODE_RULES: RuleMeta[] = [...SUPPRESSION_RULES, ...PROVENANCE_RULES, ...SECTIONS.flatMap((s) => s.rules), ...ORG_RULES];

const BY_ID = new Map(CODE_RULES.map((r) => [r.id, r]));

export function codeRule(id: string): RuleMeta | undefined {
  return BY_ID.get(id);
}

export function codeRules(): readonly RuleMeta[] {
  return CODE_RULES;
}
