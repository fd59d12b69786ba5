import type { Severity, SeveritySetting } from '../types';
import type { RuleSettingConfig } from './schema';

export interface RuleSetting {
  severity: SeveritySetting;
  aiSeverity?: Severity;
  /** Report only inside AI-generated regions (AI policy; honoured by pattern-check.ts). */
  aiOnly?: boolean;
  options?: Record<string, unknown>;
}

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
