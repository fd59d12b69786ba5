// The AI-policy rules (registered in rules/registry.ts). Docs: rules/docs/ai/<name>.md.
import type { Severity } from '../types';
import type { RuleMeta } from '../registry/rule-meta';

export const FORBIDDEN_PATH = 'ai/forbidden-path';
export const USE_CASE_NOT_APPROVED = 'ai/use-case-not-approved';
export const UNKNOWN_USE_CASE = 'ai/unknown-use-case';
export const BLOCK_TOO_LARGE = 'ai/block-too-large';
export const MISSING_TEST = 'ai/missing-test';
export const UNREVIEWED = 'ai/unreviewed';
export const SELF_REVIEW = 'ai/self-review';
export const MALFORMED_REVIEW = 'ai/malformed-review';
export const EXCLUDED_PATH = 'ai/excluded-path';
export const ATTRIBUTION_REMOVED = 'ai/attribution-removed';

export interface AiRuleMeta extends RuleMeta {
  /**
   * The severity a CI gate (`conductor check` in a pipeline) should give this rule's findings at
   * least, when it differs from the editor severity. `ai/unreviewed` is a warning while you work —
   * review comes after writing, so an error would only be noise — but unreviewed AI code must not
   * merge, so the gate fails on it. The CLI applies `max(finding severity, ciSeverity)` unless the
   * user opts out; a rule file that sets the rule `off` still turns it off.
   */
  ciSeverity?: Severity;
}

/** The CI-gate severity of `ai/unreviewed` (see AiRuleMeta.ciSeverity). */
export const UNREVIEWED_CI_SEVERITY: Severity = 'error';

export const AI_RULES: AiRuleMeta[] = [
  {
    id: FORBIDDEN_PATH,
    description: 'AI-written code in a path where the policy (ai.forbidden) allows none, e.g. auth, payments, crypto.',
    defaultSeverity: 'error',
    fixable: false,
  },
  {
    id: USE_CASE_NOT_APPROVED,
    description: "An AI block's use case is not approved for its path (ai.useCases), or it has none and ai.unclassified is forbid.",
    defaultSeverity: 'error',
    fixable: true,
  },
  {
    id: UNKNOWN_USE_CASE,
    description: 'An AI marker names a use case (use=) that the policy does not define.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  {
    id: BLOCK_TOO_LARGE,
    description: "An AI block is longer than its use case's maxLines.",
    defaultSeverity: 'warning',
    fixable: false,
  },
  {
    id: MISSING_TEST,
    description: 'An AI block whose use case requires a test has no test file next to its source.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  {
    id: UNREVIEWED,
    description: 'An AI block has no human review (reviewed-by=) where ai.review requires one; an error once older than maxUnreviewedDays.',
    defaultSeverity: 'warning',
    fixable: true,
    ciSeverity: UNREVIEWED_CI_SEVERITY,
  },
  {
    id: SELF_REVIEW,
    description: 'An AI block was reviewed by the person who accepted it, and ai.review.allowSelfReview is false.',
    defaultSeverity: 'error',
    fixable: true,
  },
  {
    id: MALFORMED_REVIEW,
    description: "An AI block's review record is incomplete or invalid: reviewed-by without reviewed-at, a bad or impossible date.",
    defaultSeverity: 'warning',
    fixable: true,
  },
  {
    id: EXCLUDED_PATH,
    description: 'An AI block in a path excluded from AI assistants altogether (ai.excluded: secrets, customer data, regulated code).',
    defaultSeverity: 'error',
    fixable: false,
  },
  {
    id: ATTRIBUTION_REMOVED,
    description:
      'A change deleted the markers of an unreviewed AI block and kept its code, without a recorded Take ownership (`conductor check --changed-since`).',
    defaultSeverity: 'error',
    fixable: false,
  },
];

/** The severity a CI gate should use for a finding at least (its own severity when no ciSeverity). */
export function ciSeverityOf(ruleId: string): Severity | undefined {
  return AI_RULES.find((r) => r.id === ruleId)?.ciSeverity;
}
