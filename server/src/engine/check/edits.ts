import type { Finding, Position, TextEdit } from '../types';
import { LineIndex } from '../text/positions';

/** Keeps edits in document order, dropping any that overlap an earlier one (fix-all must not conflict). */
export function nonOverlapping(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => compare(a.range.start, b.range.start));
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && compare(e.range.start, last.range.end) < 0) {
      continue;
    }
    out.push(e);
  }
  return out;
}

/** The edits `source.fixAll` and `conductor fix` apply: each finding's first safe fix, without conflicts. */
export function safeFixEdits(findings: Finding[]): TextEdit[] {
  return nonOverlapping(findings.flatMap((f) => f.fixes.find((x) => x.safe)?.edits ?? []));
}

/** Applies non-overlapping edits to a text (what an editor does, for the CLI and tests). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const index = new LineIndex(text);
  let out = text;
  for (const e of nonOverlapping(edits).reverse()) {
    out = out.slice(0, index.offsetAt(e.range.start)) + e.newText + out.slice(index.offsetAt(e.range.end));
  }
  return out;
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
