// Re-anchoring: where the lines of each recorded AI range are in the current text.
//
// A record stores, per range, the hash of each line (line-hash.ts) and where the range started when it
// was recorded. The current text is hashed once; then, per range:
// 1. Anchors: recorded lines whose hash occurs exactly once in the file (and once in the range) are
//    those lines, wherever they moved. Without any such line (the range's content is duplicated, e.g.
//    pasted twice), each line takes the occurrence nearest to where it was recorded, kept in order;
//    lines without a letter or digit never anchor (alone, `}` would attach the range to any code).
// 2. Extension: from each anchor, neighbouring recorded lines follow as long as the next current line
//    has the next recorded hash (stepping over one line changed in place); this brings back lines
//    like `}` that never anchor on their own.
// Lines a human changed no longer match: they leave the range, which shrinks or splits into runs of
// consecutive lines. A range whose lines are all gone yields no run (dropped). A line belongs to at
// most one range. Linear in the file plus O(m log n) for the fallback.
import { isAnchorLine, lineHashOf } from './line-hash';

export interface AnchorInput {
  /** 0-based line where the range started when recorded. */
  startLine: number;
  /** The recorded line hashes, in order. */
  lines: readonly number[];
}

/** Current lines of a range, 0-based and inclusive. */
export interface LineRun {
  first: number;
  last: number;
}

/** Per input range (same order), its runs in the current text, sorted; empty when it was dropped. */
export function reanchor(ranges: readonly AnchorInput[], currentLines: readonly string[]): LineRun[][] {
  const n = currentLines.length;
  const hashes = new Array<number>(n);
  const occurrences = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const h = lineHashOf(currentLines[i]);
    hashes[i] = h;
    const list = occurrences.get(h);
    if (list) {
      list.push(i);
    } else {
      occurrences.set(h, [i]);
    }
  }
  const claimed = new Uint8Array(n);
  const file: FileIndex = { hashes, occurrences, claimed, currentLines };
  return ranges.map((r) => anchorOne(r, file));
}

interface FileIndex {
  hashes: number[];
  occurrences: Map<number, number[]>;
  claimed: Uint8Array;
  currentLines: readonly string[];
}

function anchorOne(range: AnchorInput, file: FileIndex): LineRun[] {
  const m = range.lines.length;
  // matched[k] = current line of recorded line k, or -1.
  const matched = new Int32Array(m).fill(-1);
  const anchors = uniqueAnchors(range, file);
  const chosen = anchors.length > 0 ? anchors : nearestAnchors(range, file);
  for (const [k, p] of chosen) {
    matched[k] = p;
    file.claimed[p] = 1;
  }
  for (const [k, p] of chosen) {
    extend(range, file, matched, k, p, 1);
    extend(range, file, matched, k, p, -1);
  }
  const lines: number[] = [];
  for (let k = 0; k < m; k++) {
    if (matched[k] >= 0) {
      lines.push(matched[k]);
    }
  }
  lines.sort((a, b) => a - b);
  return runsOf(lines);
}

/** [recorded index, current line] of lines unique in the file and in the range, not yet claimed. */
function uniqueAnchors(range: AnchorInput, file: FileIndex): [number, number][] {
  const inRange = new Map<number, number>();
  for (const h of range.lines) {
    inRange.set(h, (inRange.get(h) ?? 0) + 1);
  }
  const out: [number, number][] = [];
  range.lines.forEach((h, k) => {
    const occ = file.occurrences.get(h);
    if (occ?.length === 1 && inRange.get(h) === 1 && !file.claimed[occ[0]] && isAnchorLine(file.currentLines[occ[0]])) {
      out.push([k, occ[0]]);
    }
  });
  return out;
}

/**
 * For a range with no unique line: each recorded line's unclaimed occurrence nearest to its recorded
 * position (lines like `}` excepted: alone they would attach the range to any code), then the longest run of them that keeps the recorded order (a longest increasing subsequence).
 */
function nearestAnchors(range: AnchorInput, file: FileIndex): [number, number][] {
  const candidates: [number, number][] = [];
  range.lines.forEach((h, k) => {
    const p = nearestUnclaimed(file.occurrences.get(h), range.startLine + k, file.claimed);
    if (p !== undefined && isAnchorLine(file.currentLines[p])) {
      candidates.push([k, p]);
    }
  });
  return longestIncreasing(candidates);
}

/** How far to look on each side of the nearest occurrence for one not yet claimed. */
const NEAREST_TRIES = 4;

function nearestUnclaimed(occ: number[] | undefined, target: number, claimed: Uint8Array): number | undefined {
  if (!occ) {
    return undefined;
  }
  let lo = 0;
  let hi = occ.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (occ[mid] < target) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  let best: number | undefined;
  for (let i = Math.max(0, lo - NEAREST_TRIES); i < Math.min(occ.length, lo + NEAREST_TRIES); i++) {
    if (!claimed[occ[i]] && (best === undefined || Math.abs(occ[i] - target) < Math.abs(best - target))) {
      best = occ[i];
    }
  }
  return best;
}

/** The longest subsequence with strictly increasing current lines (input sorted by recorded index). */
function longestIncreasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = []; // index into pairs of the smallest tail of each length
  const prev = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([, p], i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]][1] < p) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    prev[i] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = i;
  });
  const out: [number, number][] = [];
  for (let i = tails.length > 0 ? tails[tails.length - 1] : -1; i !== -1; i = prev[i]) {
    out.push(pairs[i]);
  }
  return out.reverse();
}

/**
 * Follows the recorded order from an anchor while the neighbouring current lines match. One line that
 * does not match is stepped over when the line after it matches again: a human changed that line in
 * place, and the AI lines beyond it (often a `}` that cannot anchor itself) are still the block's.
 */
function extend(range: AnchorInput, file: FileIndex, matched: Int32Array, k: number, p: number, step: 1 | -1): void {
  const free = (kk: number, pp: number): boolean =>
    kk >= 0 && kk < matched.length && pp >= 0 && pp < file.hashes.length && matched[kk] === -1 && !file.claimed[pp] && file.hashes[pp] === range.lines[kk];
  for (let kk = k + step, pp = p + step; ; kk += step, pp += step) {
    if (!free(kk, pp)) {
      if (!free(kk + step, pp + step)) {
        return;
      }
      kk += step;
      pp += step;
    }
    matched[kk] = pp;
    file.claimed[pp] = 1;
  }
}

function runsOf(sorted: number[]): LineRun[] {
  const runs: LineRun[] = [];
  for (const line of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.last === line - 1) {
      last.last = line;
    } else {
      runs.push({ first: line, last: line });
    }
  }
  return runs;
}
