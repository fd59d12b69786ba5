import type { Policy } from '../config/policy';
import { aiPolicyOf } from '../ai-policy/compile';
import { approvedUseCases } from '../ai-policy/actions';
import { EXCLUDED_PATH, FORBIDDEN_PATH, UNREVIEWED, USE_CASE_NOT_APPROVED } from '../ai-policy/rules';

export interface UseCaseExplained {
  name: string;
  description?: string;
  paths: string[];
  maxLines?: number;
  requiresTest?: boolean;
  /** Approved for the path asked about (never where AI code is forbidden or excluded). */
  approvedHere: boolean;
}

/** The `ai` section as it applies to a path: each part with whether its rule is in force there. */
export interface AiExplained {
  /** A rule file in the chain has an `ai` section. */
  declared: boolean;
  forbidden: { paths: string[]; reason: string; origin: string; /** The first glob matching the path. */ matching?: string }[];
  /** In declaration order; a glob two files exclude appears twice. */
  excluded: { glob: string; origin: string; appliesHere: boolean }[];
  /** Undefined: use cases are not governed (any block is allowed). */
  useCases?: UseCaseExplained[];
  unclassified: 'allow' | 'forbid';
  /** `unclassified` is set by a rule file, not the default. */
  unclassifiedDeclared: boolean;
  review: {
    /** A rule file has a `review` section. */
    declared: boolean;
    /** `true` everywhere, `false` nowhere, or the globs where review is required. */
    required: boolean | string[];
    /** "everywhere", "nowhere", "in src/a/**, …". */
    where: string;
    requiredHere: boolean;
    allowSelfReview: boolean;
    maxUnreviewedDays?: number;
  };
  /** Which of the AI rules are in force for the path. */
  enforced: { forbidden: boolean; excluded: boolean; useCases: boolean; review: boolean };
}

export function explainAi(policy: Policy, relPath: string, inForce: (id: string) => boolean): AiExplained {
  const ai = aiPolicyOf(policy);
  const declared = policy.resolved.ai;
  const approved = new Set(approvedUseCases(policy, relPath));
  const required = declared?.review?.required ?? ai.review.requiredWhere === 'everywhere';
  return {
    declared: declared !== undefined,
    forbidden: ai.forbidden.map((f) => {
      const matching = f.matching(relPath);
      return { paths: f.paths, reason: f.reason, origin: f.origin, ...(matching !== undefined && { matching }) };
    }),
    excluded: ai.excluded.map((e) => ({ glob: e.glob, origin: e.origin, appliesHere: e.applies(relPath) })),
    ...(ai.useCases && {
      useCases: [...ai.useCases.values()].map((u) => ({
        name: u.name,
        ...(u.description && { description: u.description }),
        paths: u.paths,
        ...(u.maxLines !== undefined && { maxLines: u.maxLines }),
        ...(u.requiresTest && { requiresTest: true }),
        approvedHere: approved.has(u.name),
      })),
    }),
    unclassified: ai.unclassified,
    unclassifiedDeclared: declared?.unclassified !== undefined,
    review: {
      declared: declared?.review !== undefined,
      required: typeof required === 'boolean' ? required : required.paths,
      where: ai.review.requiredWhere,
      requiredHere: ai.review.requiredFor(relPath),
      allowSelfReview: ai.review.allowSelfReview,
      ...(ai.review.maxUnreviewedDays !== undefined && { maxUnreviewedDays: ai.review.maxUnreviewedDays }),
    },
    enforced: { forbidden: inForce(FORBIDDEN_PATH), excluded: inForce(EXCLUDED_PATH), useCases: inForce(USE_CASE_NOT_APPROVED), review: inForce(UNREVIEWED) },
  };
}
