import type { Severity } from '../types';

/** What the engine knows about a rule that is implemented in code (not a rule-file pattern). */
export interface RuleMeta {
  id: string;
  description: string;
  /** Severity when no rule file configures it; `off` rules run only when a ruleset turns them on. */
  defaultSeverity: Severity | 'off';
  fixable: boolean;
}
