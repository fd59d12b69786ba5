import type { RuleMeta } from '../registry/rule-meta';

/** Reported at a `conductor-disable-next-line` that names a rule locked by the org ruleset (it has no effect). */
export const LOCKED_SUPPRESSION = 'conductor/locked-suppression';

export const ORG_RULES: RuleMeta[] = [
  {
    id: LOCKED_SUPPRESSION,
    description: 'A `conductor-disable-next-line` comment names a rule that the org ruleset locks: it suppresses nothing.',
    defaultSeverity: 'warning',
    fixable: false,
  },
];
