// Checks every AI region of a document against the `ai` policy. Findings sit on the block's begin
// marker (`beginRange`): one line to underline however long the block, the line the quick fixes
// edit, and a line a `conductor-disable-next-line` comment can precede. applyAiContext leaves them
// alone (it only touches findings on content lines); they carry `properties.ai` themselves.
import type { Finding, Severity } from '../types';
import { SEVERITY_RANK } from '../types';
import type { DocumentContext } from '../check/document-context';
import type { SectionCheckOptions } from '../config/section';
import type { AiRegion, UnpairedBlock } from '../provenance';
import { aiPolicyOf, type CompiledAiPolicy } from './compile';
import { approvedUseCases, type AiAction } from './actions';
import { inferUseCase, testFileCandidates } from './infer';
import { UNCLASSIFIED } from './schema';
import { checkUseCase, type ReportBlock, type UseCaseEnv, type UseCaseSource } from './check-use-case';
import { checkReview, type ReviewEnv } from './check-review';
import * as R from './rules';

/** `fileExists`: without it `ai/missing-test` is not checked; `now`: the time review ages are measured at. */
export type AiCheckOptions = SectionCheckOptions;

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
  private readonly useCaseEnv: UseCaseEnv;
  private readonly reviewEnv: ReviewEnv;

  constructor(
    private readonly ctx: DocumentContext,
    private readonly options: AiCheckOptions,
  ) {
    this.ai = aiPolicyOf(ctx.policy);
    this.relPath = ctx.doc.relPath;
    // Per file, computed on first need: the approved use cases and the test-file lookup.
    let approved: string[] | undefined;
    let testLookup: { found: boolean; candidates: string[] } | undefined;
    const exists = options.fileExists;
    this.useCaseEnv = {
      ai: this.ai,
      relPath: this.relPath,
      approved: () => (approved ??= approvedUseCases(ctx.policy, this.relPath)),
      testLookup: exists && (() => (testLookup ??= lookupTest(this.relPath, exists))),
    };
    this.reviewEnv = { review: this.ai.review, relPath: this.relPath, now: options.now ?? new Date(), doc: ctx };
  }

  /** `unpaired`: a block whose marker is broken; the quick fixes (which edit the marker) are not offered. */
  check(region: AiRegion, unpaired = false): void {
    const { useCase, source } = unpaired ? { useCase: UNCLASSIFIED, source: 'none' as const } : this.useCaseOf(region);
    const report: ReportBlock = (ruleId, message, actions, severity) =>
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
    checkUseCase(region, useCase, source, this.useCaseEnv, report);
    checkReview(region, this.reviewEnv, report);
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

function lookupTest(relPath: string, exists: (relPath: string) => boolean): { found: boolean; candidates: string[] } {
  const candidates = testFileCandidates(relPath);
  return { found: candidates.some((c) => exists(c)), candidates };
}
