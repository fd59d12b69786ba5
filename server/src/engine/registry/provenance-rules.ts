import type { RuleMeta } from './rule-meta';

export const INVALID_MARKER = 'provenance/invalid-marker';
export const UNKNOWN_MARKER_KEY = 'provenance/unknown-marker-key';

export const PROVENANCE_RULES: RuleMeta[] = [
  {
    id: INVALID_MARKER,
    description: 'An `@ai-generated` marker is unbalanced, duplicated, nested or malformed, so AI regions cannot be trusted.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  {
    id: UNKNOWN_MARKER_KEY,
    description: 'An `@ai-generated` marker carries a field this version does not know (kept as is).',
    defaultSeverity: 'hint',
    fixable: false,
  },
];
