import type { Severity, SeveritySetting } from '../types';
import type { RuleSettingConfig } from './schema';

export interface RuleSetting {
  severity: SeveritySetting;
  aiSeverity?: Severity;
  options?: Record<string, unknown>;
}

export function normalizeSetting(s: RuleSettingConfig): RuleSetting {
  if (typeof s === 'string') {
    return { severity: s };
  }
  if (Array.isArray(s)) {
    return { severity: s[0], options: s[1] };
  }
  return { severity: s.severity, aiSeverity: s.aiSeverity, options: s.options };
}
