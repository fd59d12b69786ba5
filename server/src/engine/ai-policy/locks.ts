import type { ResolvedAiPolicy, ResolvedUseCase } from './merge';
import { globContains } from '../text/globs';
import type { AiPolicyConfig, AiReviewConfig, AiUseCaseConfig } from './schema';
import type { SectionEntry } from '../config/section-source';
import { reportLocked, sameSet, type LockContext } from '../org-policy/lock-context';

// Locked `ai` sections. A lower layer may make AI policy stricter (more forbidden or excluded paths,
// fewer or narrower use cases, a stricter review) but not looser. `base` is the org layer's merged
// `ai` (built-ins it extends + the org ruleset), `full` the merge of every layer.

/** Review requirement, strongest first: everywhere, only in some paths, nowhere. */
type Required = true | string[] | false;

function required(review: AiReviewConfig | undefined): Required {
  if (!review) {
    return false;
  }
  const r = review.required ?? true; // "true once a review section exists"
  return typeof r === 'boolean' ? r : r.paths;
}

/** Whether `lower` requires review in fewer places than `floor`. */
function requiredWeaker(lower: Required, floor: Required): boolean {
  if (floor === false || lower === true) {
    return false;
  }
  if (floor === true || lower === false) {
    return true;
  }
  return !floor.every((p) => lower.some((q) => globContains(q, p)));
}

function strongerRequired(a: Required, b: Required): Required {
  if (a === true || b === true) {
    return true;
  }
  if (a === false) {
    return b;
  }
  if (b === false) {
    return a;
  }
  return [...a, ...b.filter((p) => !a.includes(p))];
}

function useCaseWeaker(lower: Pick<AiUseCaseConfig, 'paths' | 'maxLines' | 'requiresTest'>, floor: ResolvedUseCase): string | undefined {
  const wider = lower.paths.filter((p) => !floor.paths.some((f) => globContains(f, p)));
  if (wider.length > 0) {
    return `allow it in ${wider.map((p) => `"${p}"`).join(', ')}`;
  }
  if (floor.maxLines !== undefined && (lower.maxLines === undefined || lower.maxLines > floor.maxLines)) {
    return `raise its maxLines above ${floor.maxLines}`;
  }
  if (floor.requiresTest && !lower.requiresTest) {
    return 'drop requiresTest';
  }
  return undefined;
}

export function checkAiLocks(ctx: LockContext, lower: readonly SectionEntry<AiPolicyConfig>[], base: ResolvedAiPolicy | undefined): void {
  const { locks } = ctx;
  for (const { source: file, value: ai } of lower) {
    if (!base) {
      continue; // an org layer without `ai` has nothing to protect: any lower `ai` is stricter
    }
    if (locks.isSectionLocked('ai.useCases') && ai.useCases && base.useCases) {
      for (const [name, uc] of Object.entries(ai.useCases)) {
        if (uc === null) {
          continue; // removing a use case approves less
        }
        const floor = base.useCases.get(name);
        const what = floor ? useCaseWeaker(uc, floor) : undefined;
        if (!floor) {
          reportLocked(ctx, file, ['ai', 'useCases', name], `add the AI use case "${name}" (ai.useCases is locked)`, true);
        } else if (what) {
          reportLocked(ctx, file, ['ai', 'useCases', name], `widen the AI use case "${name}": ${what}`, true);
        }
      }
    }
    if (locks.isSectionLocked('ai.review') && ai.review && base.review) {
      const r = ai.review;
      if (r.required !== undefined && requiredWeaker(required({ required: r.required }), required(base.review))) {
        reportLocked(ctx, file, ['ai', 'review', 'required'], 'require human review of AI code in fewer places (ai.review is locked)');
      }
      if (r.allowSelfReview === true && !base.review.allowSelfReview) {
        reportLocked(ctx, file, ['ai', 'review', 'allowSelfReview'], 'allow self-review of AI code (ai.review is locked)');
      }
      const days = base.review.maxUnreviewedDays;
      if (r.maxUnreviewedDays !== undefined && days !== undefined && r.maxUnreviewedDays > days) {
        reportLocked(ctx, file, ['ai', 'review', 'maxUnreviewedDays'], `raise ai.review.maxUnreviewedDays above ${days}`);
      }
    }
    if (locks.isSectionLocked('ai.unclassified') && ai.unclassified === 'allow' && base.unclassified === 'forbid') {
      reportLocked(ctx, file, ['ai', 'unclassified'], 'allow AI code without a use case (ai.unclassified is locked)');
    }
  }
}

/** Undoes, in the merged `ai`, whatever the lower layers loosened in a locked section. */
export function enforceAiLocks(ctx: LockContext, base: ResolvedAiPolicy | undefined, full: ResolvedAiPolicy | undefined): void {
  if (!base || !full) {
    return;
  }
  const { locks } = ctx;
  // forbidden and excluded are concatenated along the chain, so lower layers can only add; this
  // keeps it so even if the merge changes.
  if (locks.isSectionLocked('ai.forbidden')) {
    for (const f of base.forbidden) {
      if (!full.forbidden.some((x) => x.reason === f.reason && sameSet(x.paths, f.paths))) {
        full.forbidden.push(f);
      }
    }
  }
  if (locks.isSectionLocked('ai.excluded')) {
    for (const e of base.excluded) {
      if (!full.excluded.some((x) => x.glob === e.glob)) {
        full.excluded.push(e);
      }
    }
  }
  if (locks.isSectionLocked('ai.useCases') && base.useCases) {
    const kept = new Map<string, ResolvedUseCase>();
    for (const [name, uc] of full.useCases ?? []) {
      const floor = base.useCases.get(name);
      if (floor) {
        kept.set(name, useCaseWeaker(uc, floor) ? floor : uc); // added use cases are dropped
      }
    }
    full.useCases = kept;
  }
  if (locks.isSectionLocked('ai.review') && base.review) {
    const b = base.review;
    const f = full.review ?? {};
    const req = strongerRequired(required(b), required(f));
    const days = [b.maxUnreviewedDays, f.maxUnreviewedDays].filter((d): d is number => d !== undefined);
    full.review = {
      required: Array.isArray(req) ? { paths: req } : req,
      ...((b.allowSelfReview !== undefined || f.allowSelfReview !== undefined) && { allowSelfReview: !!b.allowSelfReview && !!f.allowSelfReview }),
      ...(days.length > 0 && { maxUnreviewedDays: Math.min(...days) }),
    };
  }
  if (locks.isSectionLocked('ai.unclassified') && base.unclassified === 'forbid') {
    full.unclassified = 'forbid';
  }
}
