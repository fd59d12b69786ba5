// "Attribution removed": AI lines that were inside an unreviewed `@ai-generated` block at the base
// of a change, are still in the file, and are no longer inside any block: the markers were deleted
// and the code kept. Lines are matched by trimmed content through hash maps (linear time), so code
// moved up or down by edits elsewhere still matches.
import { markerProvenance, type ParsedProvenance, type ProvenanceSource } from '../provenance';
import { isSignificantLine, lineHash } from './line-hash';
import type { OwnershipRecord } from './ownership-log';

export interface RemovedBlock {
  blockId?: string;
  tool: string;
  /** 0-based lines of the current text that held the block's code at the base, ascending. */
  lines: number[];
  /** A Take ownership record covers these lines. */
  owned: boolean;
}

export interface AttributionInput {
  /** Workspace-relative posix path now (ownership records name it). */
  relPath: string;
  /** The file at the base of the change. */
  before: string;
  /** The file now. */
  after: string;
  /** Ownership records for this file. */
  records: readonly OwnershipRecord[];
  languageId?: string;
  /** Where regions come from at the base and now (the sidecar store: records at the base and now); default markers. */
  provenance?: { before: ProvenanceSource; after: ProvenanceSource };
}

/** Unreviewed blocks at the base whose code is still here but no longer marked, one entry per block. */
export function removedAttributions(input: AttributionInput): RemovedBlock[] {
  const beforeLines = input.before.split(/\r?\n/);
  const base = (input.provenance?.before ?? markerProvenance).regionsFor(input.relPath, input.before, input.languageId);
  const blocks = [
    ...base.regions.filter((r) => r.reviewedBy === undefined).map((r) => ({ id: r.id as string | undefined, tool: r.tool, from: r.beginLine + 1, to: r.endLine })),
    ...(base.unpaired ?? []).map((b) => ({ id: b.id, tool: 'unknown', from: b.beginLine + 1, to: b.endLine })),
  ];
  if (blocks.length === 0) {
    return [];
  }
  // Lines outside every block at the base: that many copies of a line were human code already.
  const wasFree = countFree(beforeLines, attributedLines(base, beforeLines.length));
  const afterLines = input.after.split(/\r?\n/);
  const now = attributedLines((input.provenance?.after ?? markerProvenance).regionsFor(input.relPath, input.after, input.languageId), afterLines.length);
  const free = new Map<string, number[]>();
  afterLines.forEach((l, i) => {
    const t = l.trim();
    if (!now[i] && isSignificantLine(t)) {
      const list = free.get(t);
      if (list) {
        list.push(i);
      } else {
        free.set(t, [i]);
      }
    }
  });
  // Copies of a line beyond those that were free at the base are code that left a block.
  const used = new Map<string, number>();
  const out: RemovedBlock[] = [];
  for (const b of blocks) {
    const lines: number[] = [];
    const hashes: string[] = [];
    for (let i = b.from; i < b.to && i < beforeLines.length; i++) {
      const t = beforeLines[i].trim();
      const list = isSignificantLine(t) ? free.get(t) : undefined;
      const n = list ? (used.get(t) ?? wasFree.get(t) ?? 0) : 0;
      if (list && n < list.length) {
        lines.push(list[n]);
        hashes.push(lineHash(t));
        used.set(t, n + 1);
      }
    }
    if (lines.length > 0) {
      lines.sort((x, y) => x - y);
      out.push({ blockId: b.id, tool: b.tool, lines, owned: isOwned(input.relPath, b.id, hashes, input.records) });
    }
  }
  return out;
}

/** Lines inside a block or unpaired block, and marker lines. */
function attributedLines(p: ParsedProvenance, lineCount: number): Uint8Array {
  const mask = new Uint8Array(lineCount);
  const mark = (from: number, to: number): void => {
    mask.fill(1, Math.max(0, from), Math.min(lineCount, to));
  };
  for (const r of p.regions) {
    mark(r.beginLine, r.endLine + 1);
  }
  for (const b of p.unpaired ?? []) {
    mark(b.beginLine, b.endLine);
  }
  for (const problem of p.problems) {
    mark(problem.range.start.line, problem.range.start.line + 1);
  }
  return mask;
}

function countFree(lines: string[], attributed: Uint8Array): Map<string, number> {
  const out = new Map<string, number>();
  lines.forEach((l, i) => {
    const t = l.trim();
    if (!attributed[i] && isSignificantLine(t)) {
      out.set(t, (out.get(t) ?? 0) + 1);
    }
  });
  return out;
}

/** A record for this file and block whose line hashes include every line that left the block. */
function isOwned(relPath: string, blockId: string | undefined, hashes: string[], records: readonly OwnershipRecord[]): boolean {
  if (blockId === undefined) {
    return false;
  }
  return records.some((r) => {
    if (r.file !== relPath || r.block.toLowerCase() !== blockId) {
      return false;
    }
    const recorded = new Set(r.lines);
    return hashes.every((h) => recorded.has(h));
  });
}
