// A parsed record against the current text: tamper check, then re-anchoring.
import { gitBlobId } from './git-blob-id';
import { lineHashOf } from './line-hash';
import type { RejectedBlock } from './parse-record';
import { reanchor, type LineRun } from './reanchor';
import type { SidecarBlock, SidecarRecord } from './record';

export interface AnchoredBlock {
  block: SidecarBlock;
  /** Where its lines are now; never empty (dropped blocks are only counted). */
  runs: LineRun[];
}

export interface AnchoredRecord {
  blocks: AnchoredBlock[];
  /** Blocks that cannot be trusted: the parser's, plus those that do not match an unchanged file. */
  rejected: RejectedBlock[];
  /** Blocks whose lines are all gone. */
  dropped: number;
}

/**
 * While the file is byte-for-byte what was recorded (same git blob id), every block must sit exactly at
 * its recorded lines: a mismatch means the record was edited by hand, and the block is not trusted.
 */
export function anchorRecord(record: SidecarRecord, rejected: readonly RejectedBlock[], text: string, lines: readonly string[]): AnchoredRecord {
  const out: AnchoredRecord = { blocks: [], rejected: [...rejected], dropped: 0 };
  const unchanged = gitBlobId(text) === record.blob;
  const trusted: SidecarBlock[] = [];
  for (const b of record.blocks) {
    if (unchanged && !matchesAt(b, lines)) {
      out.rejected.push({
        id: b.id,
        first: b.startLine,
        last: b.startLine + b.lines.length - 1,
        reason: `block ${b.id} does not match lines ${b.startLine + 1}–${b.startLine + b.lines.length} of the unchanged file (edited by hand?)`,
      });
    } else {
      trusted.push(b);
    }
  }
  // Unchanged file: every trusted block was just verified at its recorded lines.
  const runs = unchanged ? trusted.map((b) => [{ first: b.startLine, last: b.startLine + b.lines.length - 1 }]) : reanchor(trusted, lines);
  trusted.forEach((block, i) => {
    if (runs[i].length === 0) {
      out.dropped++;
    } else {
      out.blocks.push({ block, runs: runs[i] });
    }
  });
  return out;
}

function matchesAt(b: SidecarBlock, lines: readonly string[]): boolean {
  return b.startLine + b.lines.length <= lines.length && b.lines.every((h, k) => lineHashOf(lines[b.startLine + k]) === h);
}
