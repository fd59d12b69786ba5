// Applies edits with the engine's own applyEdits, and fails loudly where edits would overlap.
import * as assert from 'node:assert/strict';
import type { TextEdit } from '../../../server/src/engine/types';
import { LineIndex } from '../../../server/src/engine/text/positions';
import { applyEdits as applyEngineEdits, nonOverlapping } from '../../../server/src/engine/check/edits';

export function applyEdits(text: string, edits: TextEdit[]): string {
  assert.equal(nonOverlapping(edits).length, edits.length, 'edits overlap');
  return applyEngineEdits(text, edits);
}

/** The text a range covers, for comparing region contents. */
export function textOf(text: string, range: TextEdit['range']): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}
