// What a host offers on an AI-policy finding (`properties.aiActions`), and the edits for each.
// Pure functions over the document text: the language server turns them into code actions and
// applies the returned edits as one workspace edit.
import type { PolicyView } from '../config/types';
import type { TextEdit } from '../types';
import { formatMarkerTime, isMarkerTime, markerProvenance, removeMarkers, setMarkerField, type AiRegion } from '../provenance';
import { aiPolicyOf } from './compile';
import { isSignificantLine, lineHash } from '../attribution/line-hash';
import type { OwnershipRecord } from '../attribution/ownership-log';

/**
 * Plain data in `Finding.properties.aiActions`, in the order to offer them:
 *   markReviewed   ask who reviews (e.g. git user.name), then `markReviewedEdits`
 *   setUseCase     let the user pick one of `choices` (use cases approved for this file), then `setUseCaseEdits`
 *   takeOwnership  a human takes over the code: `takeOwnershipEdits` deletes both markers
 *   createTest     offer to create `path` (the first conventional test location for the source)
 *   explain        open `docsUrl`, the rule's documentation page
 */
export type AiAction =
  | { kind: 'markReviewed'; regionId: string }
  | { kind: 'setUseCase'; regionId: string; choices: string[] }
  | { kind: 'takeOwnership'; regionId: string }
  | { kind: 'createTest'; regionId: string; path: string }
  | { kind: 'explain'; docsUrl: string };

export type MarkReviewedResult = { edits: TextEdit[] } | { refused: string };

/** Names are compared the way people type them: trimmed, case-insensitive. */
export function samePerson(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Edits that record a review in the block's begin marker: `reviewed-by=<reviewer>` and
 * `reviewed-at=<date, minute precision UTC>`, replacing earlier (or malformed) values. Refuses,
 * with a reason for the user, when:
 *   - the reviewer is empty or cannot be written into a marker;
 *   - the reviewer accepted the block (`accepted-by`) and the policy does not allow self-review;
 *   - the date is invalid or before the block was generated (`at`);
 *   - the file is excluded from AI assistants (ai.excluded): a review does not make AI code there
 *     acceptable, the block has to go.
 */
export function markReviewedEdits(text: string, region: AiRegion, reviewer: string, date: Date, policy: PolicyView, relPath: string): MarkReviewedResult {
  const ai = aiPolicyOf(policy);
  const who = reviewer.trim();
  if (who === '') {
    return { refused: 'A review needs the reviewer\'s name.' };
  }
  if (isExcludedFromAi(policy, relPath)) {
    return { refused: `${relPath} is excluded from AI assistants; reviewing the block does not make it acceptable. Remove it instead.` };
  }
  if (!ai.review.allowSelfReview && region.acceptedBy !== undefined && samePerson(who, region.acceptedBy)) {
    return { refused: `${who} accepted this block and cannot review it too: the policy requires a second person (ai.review.allowSelfReview is false).` };
  }
  if (Number.isNaN(date.getTime())) {
    return { refused: 'The review date is invalid.' };
  }
  const at = formatMarkerTime(date);
  if (region.at !== undefined && isMarkerTime(region.at) && minuteOf(date.getTime()) < minuteOf(Date.parse(region.at))) {
    return { refused: `The review date ${at} is before the block was generated (${region.at}).` };
  }
  try {
    return { edits: mergeInserts([setMarkerField(text, region, 'reviewed-by', who), setMarkerField(text, region, 'reviewed-at', at)]) };
  } catch (e) {
    return { refused: e instanceof Error ? e.message : String(e) };
  }
}

/** Times compared at marker precision: `reviewed-at` is written to the minute. */
export function minuteOf(ms: number): number {
  return Math.floor(ms / 60_000);
}

/** Sets (or replaces) the block's `use=` field. Throws RangeError for a name a marker cannot hold. */
export function setUseCaseEdits(text: string, region: AiRegion, useCase: string): TextEdit[] {
  return [setMarkerField(text, region, 'use', useCase)];
}

/** A human takes ownership of the code: both markers go, the code stays. */
export function takeOwnershipEdits(text: string, region: AiRegion): TextEdit[] {
  return removeMarkers(text, region);
}

/**
 * The record of a Take ownership, for `.conductor/ownership.jsonl`: the CI accepts the removed markers
 * of an unreviewed block (ai/attribution-removed) when a record's line hashes cover its code.
 */
export function ownershipRecord(relPath: string, text: string, region: AiRegion, by: string, date: Date, why: string): OwnershipRecord {
  const lines = text.split(/\r?\n/).slice(region.beginLine + 1, region.endLine);
  const hashes = lines.map((l) => l.trim()).filter(isSignificantLine).map(lineHash);
  return { file: relPath, block: region.id, tool: region.tool, by: by.trim(), at: formatMarkerTime(date), why, lines: [...new Set(hashes)] };
}

/**
 * The use cases approved for a file, in definition order: those whose `paths` match, or none when
 * the file is forbidden or excluded. Empty too when the policy does not govern use cases at all
 * (no `useCases`), where any use case is accepted.
 */
export function approvedUseCases(policy: PolicyView, relPath: string): string[] {
  const ai = aiPolicyOf(policy);
  if (!ai.useCases || isExcludedFromAi(policy, relPath) || ai.forbidden.some((f) => f.matching(relPath) !== undefined)) {
    return [];
  }
  return [...ai.useCases.values()].filter((u) => u.applies(relPath)).map((u) => u.name);
}

/** Whether a file must never be used with an AI assistant (ai.excluded), e.g. for a status item. */
export function isExcludedFromAi(policy: PolicyView, relPath: string): boolean {
  return aiPolicyOf(policy).excluded.some((e) => e.applies(relPath));
}

/** The region with this id in a text, as the LSP needs it to compute an action's edits. */
export function findRegion(relPath: string, text: string, regionId: string, languageId?: string): AiRegion | undefined {
  return markerProvenance.regionsFor(relPath, text, languageId).regions.find((r) => r.id === regionId.toLowerCase());
}

/** Inserts at one position become one edit, so every client keeps their order. */
function mergeInserts(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const last = out[out.length - 1];
    if (last && isEmpty(last) && isEmpty(e) && samePos(last.range.start, e.range.start)) {
      out[out.length - 1] = { range: last.range, newText: last.newText + e.newText };
    } else {
      out.push(e);
    }
  }
  return out;
}

function isEmpty(e: TextEdit): boolean {
  return samePos(e.range.start, e.range.end);
}

function samePos(a: TextEdit['range']['start'], b: TextEdit['range']['start']): boolean {
  return a.line === b.line && a.character === b.character;
}
