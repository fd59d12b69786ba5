// Human review of an AI block (`ai.review`): self-review, missing or stale review, and a review
// record that cannot be trusted. Called per block by check.ts.
import type { AiRegion } from '../provenance';
import { DIRECTIVE, isKnownKey, isMarkerTime, KEY_PROPERTY, tokenize } from '../provenance/marker-grammar';
import type { LineIndex } from '../text/positions';
import type { CompiledAiPolicy } from './compile';
import { minuteOf, samePerson, type AiAction } from './actions';
import type { ReportBlock } from './check-use-case';
import * as R from './rules';

const DAY_MS = 86_400_000;
/** `reviewed-at` may be this far in the future before it counts as impossible (clock skew). */
export const REVIEW_CLOCK_SKEW_MS = 10 * 60_000;

/** What the review check reads besides the block. */
export interface ReviewEnv {
  review: CompiledAiPolicy['review'];
  relPath: string;
  now: Date;
  /** The document (its line index is built on first use). */
  doc: { readonly lines: LineIndex; readonly text: string };
}

export function checkReview(region: AiRegion, env: ReviewEnv, report: ReportBlock): void {
  const { review } = env;
  const markReviewed: AiAction[] = [{ kind: 'markReviewed', regionId: region.id }];
  const selfReview = region.reviewedBy !== undefined && region.acceptedBy !== undefined && samePerson(region.reviewedBy, region.acceptedBy);
  if (selfReview && !review.allowSelfReview) {
    report(
      R.SELF_REVIEW,
      `AI block ${region.id} was reviewed by ${region.reviewedBy}, who also accepted it: the policy requires a review by a second person (ai.review.allowSelfReview is false).`,
      markReviewed,
    );
  } else if (region.reviewedBy === undefined && review.requiredFor(env.relPath)) {
    const age = ageInDays(region.at, env.now);
    const max = review.maxUnreviewedDays;
    const stale = max !== undefined && age !== undefined && age > max;
    const when = age === undefined ? '' : ` It was generated ${Math.floor(age)} day(s) ago${max !== undefined ? ` (limit: ${max})` : ''}.`;
    report(
      R.UNREVIEWED,
      `AI block ${region.id} (${region.tool}) has not been reviewed by a human; the policy requires a review ${review.requiredWhere}.${when} Review it and mark it reviewed (reviewed-by=, reviewed-at=).`,
      markReviewed,
      stale ? 'error' : undefined,
    );
  }
  for (const problem of reviewRecordProblems(region, env)) {
    report(R.MALFORMED_REVIEW, `AI block ${region.id}: ${problem} Mark it reviewed again to rewrite the record.`, markReviewed);
  }
}

/** What is wrong with the block's review record, if anything. */
function reviewRecordProblems(region: AiRegion, env: ReviewEnv): string[] {
  const rawAt = rawField(region, 'reviewed-at', env);
  const problems: string[] = [];
  if (rawAt !== undefined && !isMarkerTime(rawAt)) {
    problems.push(`reviewed-at="${rawAt}" is not a valid ISO-8601 UTC time such as 2026-11-24T10:31Z.`);
  } else if (region.reviewedBy !== undefined && rawAt === undefined) {
    problems.push(`reviewed-by=${region.reviewedBy} has no reviewed-at: when was it reviewed?`);
  }
  if (rawAt !== undefined && region.reviewedBy === undefined) {
    problems.push('reviewed-at without reviewed-by: who reviewed it?');
  }
  if (region.reviewedAt !== undefined) {
    const reviewed = Date.parse(region.reviewedAt);
    if (region.at !== undefined && minuteOf(reviewed) < minuteOf(Date.parse(region.at))) {
      problems.push(`reviewed-at ${region.reviewedAt} is before the block was generated (at=${region.at}).`);
    }
    if (reviewed > env.now.getTime() + REVIEW_CLOCK_SKEW_MS) {
      problems.push(`reviewed-at ${region.reviewedAt} is in the future.`);
    }
  }
  return problems;
}

/** A begin-marker field as written, even when the parser rejected its value. First one counts. */
function rawField(region: AiRegion, key: string, { doc }: ReviewEnv): string | undefined {
  const { lines, text } = doc;
  const end = lines.offsetAt(region.fieldsEnd);
  const directive = text.indexOf(DIRECTIVE, lines.offsetAt(region.beginRange.start));
  if (directive === -1 || directive >= end) {
    // No marker text (a sidecar record, or an unpaired block): its fields were validated when read.
    return isKnownKey(key) ? region[KEY_PROPERTY[key]] : region.extra[key];
  }
  for (const t of tokenize(text, directive + DIRECTIVE.length, end)) {
    if (t.kind === 'field' && t.key === key) {
      return t.value;
    }
  }
  return undefined;
}

function ageInDays(at: string | undefined, now: Date): number | undefined {
  if (at === undefined || !isMarkerTime(at)) {
    return undefined;
  }
  return Math.max(0, (now.getTime() - Date.parse(at)) / DAY_MS);
}
