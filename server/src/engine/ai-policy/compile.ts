// The merged `ai` policy with defaults applied and globs compiled, once per Policy.
import { globMatcher, type PathMatcher } from '../text/globs';
import type { PolicyView } from '../config/types';
import type { ResolvedAiPolicy, ResolvedForbidden, ResolvedUseCase } from './merge';

export interface CompiledUseCase extends ResolvedUseCase {
  applies: PathMatcher;
}

export interface CompiledForbidden extends ResolvedForbidden {
  /** The first glob that matches a path, for messages. */
  matching(relPath: string): string | undefined;
}

export interface CompiledAiPolicy {
  /** Undefined: use cases are not governed (no file defines `useCases`). */
  useCases?: Map<string, CompiledUseCase>;
  forbidden: CompiledForbidden[];
  excluded: { glob: string; origin: string; applies: PathMatcher }[];
  review: {
    /** Whether blocks in a path need a review. */
    requiredFor: PathMatcher;
    /** A short description of where review is required, for messages. */
    requiredWhere: string;
    allowSelfReview: boolean;
    maxUnreviewedDays?: number;
  };
  unclassified: 'allow' | 'forbid';
}

/** The defaults, i.e. the policy of a rule-file chain without any `ai` section. */
export const AI_POLICY_DEFAULTS = {
  reviewRequired: false,
  /** `required` when a `review` section exists but does not set it. */
  reviewRequiredWithSection: true,
  allowSelfReview: false,
  unclassified: 'allow',
} as const;

const cache = new WeakMap<PolicyView, CompiledAiPolicy>();

/** The AI policy of a Policy (compiled on first use, cached for the Policy's lifetime). */
export function aiPolicyOf(policy: PolicyView): CompiledAiPolicy {
  let compiled = cache.get(policy);
  if (!compiled) {
    compiled = compileAiPolicy(policy.resolved.ai);
    cache.set(policy, compiled);
  }
  return compiled;
}

export function compileAiPolicy(ai: ResolvedAiPolicy | undefined): CompiledAiPolicy {
  const review = ai?.review;
  const required = review?.required ?? (review ? AI_POLICY_DEFAULTS.reviewRequiredWithSection : AI_POLICY_DEFAULTS.reviewRequired);
  const requiredFor: PathMatcher = typeof required === 'boolean' ? () => required : globMatcher(required.paths);
  return {
    useCases:
      ai?.useCases &&
      new Map([...ai.useCases].map(([name, u]) => [name, { ...u, applies: globMatcher(u.paths) }])),
    forbidden: (ai?.forbidden ?? []).map((f) => {
      const matchers = f.paths.map((g) => ({ g, m: globMatcher([g]) }));
      return { ...f, matching: (p: string) => matchers.find((x) => x.m(p))?.g };
    }),
    excluded: (ai?.excluded ?? []).map((e) => ({ ...e, applies: globMatcher([e.glob]) })),
    review: {
      requiredFor,
      requiredWhere: typeof required === 'boolean' ? (required ? 'everywhere' : 'nowhere') : `in ${required.paths.join(', ')}`,
      allowSelfReview: review?.allowSelfReview ?? AI_POLICY_DEFAULTS.allowSelfReview,
      maxUnreviewedDays: review?.maxUnreviewedDays,
    },
    unclassified: ai?.unclassified ?? AI_POLICY_DEFAULTS.unclassified,
  };
}
