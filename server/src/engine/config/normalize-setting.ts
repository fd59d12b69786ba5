import type { RuleSettingConfig } from './rule-schemas';
import type { RuleSetting } from './types';

export function normalizeSetting(s: RuleSettingConfig): RuleSetting {
  if (typeof s === 'string') {
    return { severity: s };
  }
  // aiOnly only when set, so settings without it keep their exact shape.
  return { severity: s.severity, aiSeverity: s.aiSeverity, ...(s.aiOnly !== undefined && { aiOnly: s.aiOnly }) };
}
