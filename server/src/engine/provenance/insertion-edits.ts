// What to write after an AI completion is accepted: grow a neighbouring block or wrap a new one.
import type { Range, TextEdit } from '../types';
import type { LanguageSyntax } from '../text/languages';
import { LineIndex } from '../text/positions';
import { deleteLines, insertLineBefore } from './line-edits';
import type { AiRegion, MarkerFields } from './types';
import { canInsertLinesAt, coveredLines, removeMarkerField, wrapInMarkers } from './write-markers';

/**
 * Edits that mark `insertedRange` (in `text`, after the insertion) as AI-written, given the
 * regions parsed from that same text:
 * - inside an existing block: nothing new, but a reviewed block loses its review, since it now
 *   holds code nobody reviewed;
 * - on the line before or after a block from the same tool and use case that is not reviewed:
 *   that block's marker moves to take the new lines in;
 * - otherwise a new block wraps the lines.
 * Returns no edits when no marker placement is safe (see `wrapInMarkers`), or when the lines
 * straddle a marker, which only a hand edit of the markers can resolve.
 */
export function insertionEdits(
  text: string,
  syntax: LanguageSyntax,
  insertedRange: Range,
  fields: MarkerFields,
  existing: AiRegion[],
): TextEdit[] {
  const lines = new LineIndex(text);
  const covered = coveredLines(lines, insertedRange);
  if (!covered) {
    return [];
  }
  const { first, last } = covered;
  const within = existing.find((r) => first > r.beginLine && last < r.endLine);
  if (within) {
    return isReviewed(within) ? clearReview(text, within) : [];
  }
  if (existing.some((r) => first <= r.endLine && last >= r.beginLine)) {
    return [];
  }
  const neighbour = existing.find((r) => (r.endLine === first - 1 || r.beginLine === last + 1) && !isReviewed(r) && sameOrigin(r, fields));
  if (!neighbour) {
    return wrapInMarkers(text, insertedRange, fields, syntax);
  }
  const [moved, to] = neighbour.endLine < first ? [neighbour.endLine, last + 1] : [neighbour.beginLine, first];
  if (!canInsertLinesAt(text, syntax, lines, [to])) {
    return [];
  }
  return [deleteLines(lines, moved, moved), insertLineBefore(lines, to, lines.lineText(moved))];
}

function isReviewed(r: AiRegion): boolean {
  return r.reviewedBy !== undefined || r.reviewedAt !== undefined;
}

function sameOrigin(r: AiRegion, fields: MarkerFields): boolean {
  return r.tool === fields.tool && r.useCase === fields.useCase;
}

function clearReview(text: string, r: AiRegion): TextEdit[] {
  return ['reviewed-by', 'reviewed-at'].flatMap((key) => removeMarkerField(text, r, key) ?? []);
}
