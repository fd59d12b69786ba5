import type { RuleMeta } from './rule-meta';

export const MISSING_REASON = 'conductor/suppression-missing-reason';
export const UNUSED_SUPPRESSION = 'conductor/unused-suppression';
export const UNKNOWN_SUPPRESSED_RULE = 'conductor/suppression-unknown-rule';

export const SUPPRESSION_RULES: RuleMeta[] = [
  {
    id: MISSING_REASON,
    description: 'A `conductor-disable-next-line` comment must give a reason after `--`.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  {
    id: UNUSED_SUPPRESSION,
    description: 'A `conductor-disable-next-line` comment that suppresses nothing should be removed.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  {
    id: UNKNOWN_SUPPRESSED_RULE,
    description: 'A suppression names a rule id that no loaded ruleset defines.',
    defaultSeverity: 'warning',
    fixable: false,
  },
];
