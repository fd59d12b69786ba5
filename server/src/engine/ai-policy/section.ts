import type { ConfigSection } from '../config/section';
import { aiPolicySchema } from './schema';
import { mergeAiSections } from './merge';
import { checkAiLocks, enforceAiLocks } from './locks';
import { checkAiPolicy } from './check';
import * as R from './rules';

/** The `ai` section of a rule file (AI policy, issue 5), as config loading, org locks and checks see it. */
export const aiPolicySection: ConfigSection<'ai'> = {
  key: 'ai',
  schema: aiPolicySchema,
  merge: mergeAiSections,
  lockable: {
    useCases: [R.USE_CASE_NOT_APPROVED, R.UNKNOWN_USE_CASE, R.BLOCK_TOO_LARGE, R.MISSING_TEST],
    forbidden: [R.FORBIDDEN_PATH],
    excluded: [R.EXCLUDED_PATH],
    review: [R.UNREVIEWED, R.SELF_REVIEW, R.MALFORMED_REVIEW, R.ATTRIBUTION_REMOVED],
    unclassified: [R.USE_CASE_NOT_APPROVED],
  },
  checkLocks: checkAiLocks,
  enforceLocks: enforceAiLocks,
  rules: R.AI_RULES,
  check: checkAiPolicy,
};
