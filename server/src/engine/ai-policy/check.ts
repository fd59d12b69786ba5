// Checks every AI region of a document against the `ai` policy. Findings sit on the block's begin
// marker (`beginRange`): one line to underline however long the block, the line the quick fixes
// edit, and a line a `conductor-disable-next-line` comment can precede. applyAiContext leaves them
// alone (it only touches findings on content lines); they carry `properties.ai` themselves.
import type { Finding, Severity } from '../types';
import { SEVERITY_RANK } from '../types';
import type { DocumentContext } from '../check/document-context';
import type { AiRegion, UnpairedBlock } from '../provenance';
import { DIRECTIVE, isKnownKey, isMarkerTime, KEY_PROPERTY, tokenize } from '../provenance/marker-grammar';
import { aiPolicyOf, type CompiledAiPolicy, type CompiledUseCase } from './compile';
import { approvedUseCases, minuteOf, samePerson, type AiAction } from './actions';
import { inferUseCase, isTestFile, testFileCandidates } from './infer';
import { UNCLASSIFIED } from './schema';
import * as R from './rules';

export interface AiCheckOptions {
  docsUrl(ruleId: string): string | undefined;
  /** Whether a workspace-relative file exists; without it `ai/missing-test` is not checked. */
  fileExists?: (relPath: string) => boolean;
  /** The current time for review ages; defaults to the clock. */
  now?: Date;
}

const DAY_MS = 86_400_000;
/** `reviewed-at` may be this far in the future before it counts as impossible (clock skew). */
export const REVIEW_CLOCK_SKEW_MS = 10 * 60_000;

/** How a block's use case was determined. */
export type UseCaseSource = 'marker' | 'inferred' | 'none';

/** Facts about the block, in every AI-policy finding's `properties.ai` (applyAiContext's shape plus two). */
export interface AiFindingFacts {
  blockId: string;
  tool: string;
  useCase: string | null;
  reviewed: boolean;
  /** The use case the policy judged: the marker's, an inferred one, or `unclassified`. */
  effectiveUseCase: string;
  useCaseSource: UseCaseSource;
}

export function checkAiPolicy(ctx: DocumentContext, options: AiCheckOptions): Finding[] {
  const { regions, unpaired = [] } = ctx.provenance;
  if (regions.length === 0 && unpaired.length === 0) {
    return [];
  }
  const checker = new RegionChecker(ctx, options);
  for (const region of regions) {
    checker.check(region);
  }
  // A broken marker does not take code out of the policy (fail closed): unknown use case, unreviewed.
  for (const block of unpaired) {
    checker.check(unpairedRegion(block), true);
  }
  return checker.findings;
}

const UNPAIRED_NOTE =
  'Its begin marker cannot be read or paired (provenance/invalid-marker), so the lines up to the next marker (or the end of the file) count as unreviewed AI code of unknown use case. Fix the marker.';

/** An unpaired block as a region with nothing known: tool unknown, no use case, no review. */
function unpairedRegion(block: UnpairedBlock): AiRegion {
  const at = block.beginRange.start;
  return {
    id: block.id ?? `at line ${block.beginLine + 1}`,
    tool: 'unknown',
    extra: {},
    beginLine: block.beginLine,
    endLine: block.endLine,
    contentRange: { start: { line: block.beginLine + 1, character: 0 }, end: { line: block.endLine, character: 0 } },
    beginRange: block.beginRange,
    endRange: block.beginRange,
    fieldsEnd: at,
  };
}

class RegionChecker {
  readonly findings: Finding[] = [];
  private readonly ai: CompiledAiPolicy;
  private readonly relPath: string;
  private readonly now: Date;
  private testLookup?: { found: boolean; candidates: string[] };
  /** Use cases approved for the file (the same for every block). */
  private approved?: string[];

  constructor(
    private readonly ctx: DocumentContext,
    private readonly options: AiCheckOptions,
  ) {
    this.ai = aiPolicyOf(ctx.policy);
    this.relPath = ctx.doc.relPath;
    this.now = options.now ?? new Date();
  }

  /** `unpaired`: a block whose marker is broken; the quick fixes (which edit the marker) are not offered. */
  check(region: AiRegion, unpaired = false): void {
    const { useCase, source } = unpaired ? { useCase: UNCLASSIFIED, source: 'none' as const } : this.useCaseOf(region);
    const report = (ruleId: string, message: string, actions: AiAction[], severity?: Severity): void =>
      unpaired
        ? this.report(region, { useCase, source }, ruleId, `${message} ${UNPAIRED_NOTE}`, [], severity)
        : this.report(region, { useCase, source }, ruleId, message, actions, severity);

    // Excluded and forbidden paths end the check: nothing else matters until the block is gone.
    const excluded = this.ai.excluded.find((e) => e.applies(this.relPath));
    if (excluded) {
      report(
        R.EXCLUDED_PATH,
        `${this.relPath} is excluded from AI assistants (ai.excluded "${excluded.glob}" in ${excluded.origin}): no AI-generated code may be here, and its content must not be sent to an assistant. Write this code without AI help.`,
        [],
      );
      return;
    }
    const forbidden = this.ai.forbidden.find((f) => f.matching(this.relPath) !== undefined);
    if (forbidden) {
      report(
        R.FORBIDDEN_PATH,
        `AI-written code is forbidden in ${this.relPath}: ${forbidden.reason} (ai.forbidden "${forbidden.matching(this.relPath)}" in ${forbidden.origin}). No AI use case is allowed here; rewrite it yourself and take ownership of the block.`,
        [{ kind: 'takeOwnership', regionId: region.id }],
      );
      return;
    }
    this.checkUseCase(region, useCase, source, report);
    this.checkReview(region, report);
  }

  private checkUseCase(
    region: AiRegion,
    name: string,
    source: UseCaseSource,
    report: (ruleId: string, message: string, actions: AiAction[], severity?: Severity) => void,
  ): void {
    const useCases = this.ai.useCases;
    this.approved ??= approvedUseCases(this.ctx.policy, this.relPath);
    const approved = this.approved;
    const approvedHere = approved.length > 0 ? `Approved here: ${approved.join(', ')}.` : 'No use case is approved for this file.';
    const setUseCase: AiAction[] = approved.length > 0 ? [{ kind: 'setUseCase', regionId: region.id, choices: approved }] : [];
    if (name === UNCLASSIFIED) {
      if (this.ai.unclassified === 'forbid') {
        report(
          R.USE_CASE_NOT_APPROVED,
          `AI block ${region.id} has no use case (no use= in its marker, none inferred) and the policy forbids unclassified AI code (ai.unclassified). ${approvedHere}`,
          [...setUseCase, { kind: 'takeOwnership', regionId: region.id }],
        );
      }
      return;
    }
    if (!useCases) {
      return; // use cases are not governed
    }
    const useCase = useCases.get(name);
    if (!useCase) {
      report(
        R.UNKNOWN_USE_CASE,
        `AI block ${region.id} names use case "${name}", which the policy does not define (defined: ${[...useCases.keys()].join(', ') || 'none'}). ${approvedHere}`,
        setUseCase,
      );
      return;
    }
    if (!useCase.applies(this.relPath)) {
      const inferred = source === 'inferred' ? ' (inferred)' : '';
      report(
        R.USE_CASE_NOT_APPROVED,
        `Use case "${name}"${inferred} is not approved for ${this.relPath}; it is approved only in ${useCase.paths.join(', ')}${describe(useCase)}. ${approvedHere}`,
        [...setUseCase, { kind: 'takeOwnership', regionId: region.id }],
      );
      return;
    }
    const lines = region.endLine - region.beginLine - 1;
    if (useCase.maxLines !== undefined && lines > useCase.maxLines) {
      const bigger = approved.filter((n) => n !== name && (useCases.get(n)?.maxLines ?? Infinity) >= lines);
      report(
        R.BLOCK_TOO_LARGE,
        `AI block ${region.id} has ${lines} lines; use case "${name}" allows at most ${useCase.maxLines} per block${describe(useCase)}. Split it into smaller reviewed blocks or take ownership of it.`,
        [...(bigger.length > 0 ? [{ kind: 'setUseCase' as const, regionId: region.id, choices: bigger }] : []), { kind: 'takeOwnership', regionId: region.id }],
      );
    }
    if (useCase.requiresTest && this.options.fileExists && !isTestFile(this.relPath)) {
      const lookup = this.lookupTest();
      if (!lookup.found) {
        const shown = lookup.candidates.slice(0, 3).join(', ');
        const more = lookup.candidates.length > 3 ? ` and ${lookup.candidates.length - 3} other conventional places` : '';
        report(
          R.MISSING_TEST,
          `Use case "${name}" requires a test for AI-written code, but ${this.relPath} has none: looked for ${shown}${more}. Add a test.`,
          [{ kind: 'createTest', regionId: region.id, path: lookup.candidates[0] }],
        );
      }
    }
  }

  private checkReview(region: AiRegion, report: (ruleId: string, message: string, actions: AiAction[], severity?: Severity) => void): void {
    const review = this.ai.review;
    const markReviewed: AiAction[] = [{ kind: 'markReviewed', regionId: region.id }];
    const selfReview = region.reviewedBy !== undefined && region.acceptedBy !== undefined && samePerson(region.reviewedBy, region.acceptedBy);
    if (selfReview && !review.allowSelfReview) {
      report(
        R.SELF_REVIEW,
        `AI block ${region.id} was reviewed by ${region.reviewedBy}, who also accepted it: the policy requires a review by a second person (ai.review.allowSelfReview is false).`,
        markReviewed,
      );
    } else if (region.reviewedBy === undefined && review.requiredFor(this.relPath)) {
      const age = this.ageInDays(region.at);
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
    for (const problem of this.reviewRecordProblems(region)) {
      report(R.MALFORMED_REVIEW, `AI block ${region.id}: ${problem} Mark it reviewed again to rewrite the record.`, markReviewed);
    }
  }

  /** What is wrong with the block's review record, if anything. */
  private reviewRecordProblems(region: AiRegion): string[] {
    const rawAt = this.rawField(region, 'reviewed-at');
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
      if (reviewed > this.now.getTime() + REVIEW_CLOCK_SKEW_MS) {
        problems.push(`reviewed-at ${region.reviewedAt} is in the future.`);
      }
    }
    return problems;
  }

  /** A begin-marker field as written, even when the parser rejected its value. First one counts. */
  private rawField(region: AiRegion, key: string): string | undefined {
    const { lines, text } = this.ctx;
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

  private ageInDays(at: string | undefined): number | undefined {
    if (at === undefined || !isMarkerTime(at)) {
      return undefined;
    }
    return Math.max(0, (this.now.getTime() - Date.parse(at)) / DAY_MS);
  }

  private useCaseOf(region: AiRegion): { useCase: string; source: UseCaseSource } {
    if (region.useCase !== undefined) {
      return { useCase: region.useCase, source: 'marker' };
    }
    const inferred = inferUseCase(this.relPath, region, this.ctx.lines, () => this.ctx.spans);
    // An inferred use case counts only when the policy defines it (or does not govern use cases).
    if (inferred && (!this.ai.useCases || this.ai.useCases.has(inferred))) {
      return { useCase: inferred, source: 'inferred' };
    }
    return { useCase: UNCLASSIFIED, source: 'none' };
  }

  private lookupTest(): { found: boolean; candidates: string[] } {
    if (!this.testLookup) {
      const candidates = testFileCandidates(this.relPath);
      const exists = this.options.fileExists as (relPath: string) => boolean;
      this.testLookup = { found: candidates.some((c) => exists(c)), candidates };
    }
    return this.testLookup;
  }

  private report(
    region: AiRegion,
    judged: { useCase: string; source: UseCaseSource },
    ruleId: string,
    message: string,
    actions: AiAction[],
    atLeast?: Severity,
  ): void {
    const rule = this.ctx.rules.get(ruleId);
    if (!rule) {
      return; // off for this file
    }
    const docsUrl = this.options.docsUrl(ruleId);
    const severity = atLeast && SEVERITY_RANK[atLeast] > SEVERITY_RANK[rule.severity] ? atLeast : rule.severity;
    const ai: AiFindingFacts = {
      blockId: region.id,
      tool: region.tool,
      useCase: region.useCase ?? null,
      reviewed: region.reviewedBy !== undefined,
      effectiveUseCase: judged.useCase,
      useCaseSource: judged.source,
    };
    const aiActions: AiAction[] = docsUrl ? [...actions, { kind: 'explain', docsUrl }] : actions;
    this.findings.push({
      ruleId,
      severity,
      message,
      range: region.beginRange,
      fixes: [],
      docsUrl,
      origin: rule.origin,
      properties: { ai, aiActions },
    });
  }
}

function describe(u: CompiledUseCase): string {
  return u.description ? ` (${u.description})` : '';
}
