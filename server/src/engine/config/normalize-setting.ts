import type { RuleSettingConfig } from './rule-schemas';
import type { RuleSetting } from './types';

export function normalizeSetting(s: RuleSettingConfig): RuleSetting {
  if (typeof s === 'string') {
    return { severity: s };
  }
  if (Array.isArray(s)) {
    return { severity: s[0], options: s[1] };
  }
  // aiOnly only when set, so settings without it keep their exact shape.
  return { severity: s.severity, aiSeverity: s.aiSeverity, ...(s.aiOnly !== undefined && { aiOnly: s.aiOnly }), options: s.options };
}
