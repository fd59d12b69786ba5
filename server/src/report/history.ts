// Pure history replay for the rework and lead-time metrics (docs/metrics.md, "Rework").
//
// Input: the first-parent history's commits as host/git/log-parser.ts reads them from
// `git log --reverse -p -U0`. The replay keeps, per file, one number per line: which commit added it and
// whether that line was inside an @ai-generated block of that commit's version of the file; marker
// lines are kept as references into a marker table. Each diff hunk removes old lines (a line removed
// within the window of the commit that added it is "reworked") and inserts new ones. No file
// content is stored, only these numbers.
import type { FileChange, LogCommit } from '../host/git/log-parser';
import { readMarkerLine } from './marker-line';

// Line values: 0 = unknown origin; v > 0 = ((commit index + 1) << 1) | aiBit; v < 0 = marker line -(table index + 1).
const UNKNOWN = 0;

interface FileModel {
  lines: number[];
  markers: number;
}

export interface ReplayOptions {
  /** Whether a path counts (not ignored by the rule file). Uncounted files are replayed but not measured. */
  counted: (relPath: string) => boolean;
  /** Rework window, in seconds. */
  windowSeconds: number;
}

export interface BlockHistory {
  /** Index of the commit whose added lines first hold the block's begin marker. */
  first: number;
  /** Index of the first commit adding a begin marker of the block with `reviewed-by`. */
  reviewed?: number;
}

export interface ReworkFigures {
  ai: { added: number; reworked: number };
  human: { added: number; reworked: number };
  pending: { ai: number; human: number };
}

/** Replays first-parent commits in order; see the file comment. */
export class HistoryReplay {
  readonly commits: { sha: string; time: number }[] = [];
  /** All lines of counted text files after each commit (index = commit index). */
  readonly totals: number[] = [];
  /** By block id (lowercase). */
  readonly blocks = new Map<string, BlockHistory>();
  private readonly files = new Map<string, FileModel>();
  private readonly markerKind: number[] = []; // 1 begin, 0 end
  private readonly markerId: string[] = [];
  private readonly countedCache = new Map<string, boolean>();
  private total = 0;
  // Per origin commit index.
  private readonly addedAi: number[] = [];
  private readonly addedHuman: number[] = [];
  private readonly reworkedAi: number[] = [];
  private readonly reworkedHuman: number[] = [];

  constructor(private readonly o: ReplayOptions) {}

  private counted(p: string | undefined): boolean {
    if (p === undefined) {
      return false;
    }
    let c = this.countedCache.get(p);
    if (c === undefined) {
      c = this.o.counted(p);
      this.countedCache.set(p, c);
    }
    return c;
  }

  apply(commit: LogCommit): void {
    const k = this.commits.length;
    this.commits.push({ sha: commit.sha, time: commit.time });
    this.addedAi.push(0);
    this.addedHuman.push(0);
    this.reworkedAi.push(0);
    this.reworkedHuman.push(0);
    for (const f of commit.files) {
      this.applyFile(k, commit.time, f);
    }
    this.totals.push(this.total);
  }

  private applyFile(k: number, time: number, f: FileChange): void {
    const old = f.oldPath !== undefined ? this.files.get(f.oldPath) : undefined;
    if (f.oldPath !== undefined) {
      if (old && this.counted(f.oldPath)) {
        this.total -= old.lines.length;
      }
      if (f.oldPath !== f.newPath) {
        this.files.delete(f.oldPath);
      }
    }
    if (f.special || f.binary || f.newPath === undefined) {
      // Deleted files: their lines go, and count as reworked when young (the hunks say which).
      if (!f.special && !f.binary && old) {
        this.applyHunks(k, time, f, old, undefined);
      }
      if (f.newPath !== undefined) {
        this.files.delete(f.newPath);
      }
      return;
    }
    const base: FileModel = old ?? { lines: [], markers: 0 };
    const next = this.applyHunks(k, time, f, base, f.newPath);
    this.files.set(f.newPath, next);
    if (this.counted(f.newPath)) {
      this.total += next.lines.length;
    }
  }

  /** The file after the hunks; counts removed young lines (reworked) and added lines (AI or human). */
  private applyHunks(k: number, time: number, f: FileChange, old: FileModel, newPath: string | undefined): FileModel {
    const src = old.lines;
    const out: number[] = [];
    const addedAt: number[] = [];
    const countOld = this.counted(f.oldPath);
    let markers = old.markers;
    let pos = 0;
    for (const h of f.hunks) {
      const start = h.oldCount === 0 ? h.oldStart : h.oldStart - 1;
      for (let i = pos; i < start; i++) {
        out.push(i < src.length ? src[i] : UNKNOWN);
      }
      for (let i = start; i < start + h.oldCount; i++) {
        const v = i < src.length ? src[i] : UNKNOWN;
        if (v < 0) {
          markers--;
        } else if (v > 0 && countOld) {
          const origin = (v >> 1) - 1;
          if (time - this.commits[origin].time <= this.o.windowSeconds) {
            if (v & 1) {
              this.reworkedAi[origin]++;
            } else {
              this.reworkedHuman[origin]++;
            }
          }
        }
      }
      pos = Math.max(pos, start + h.oldCount);
      if (newPath === undefined) {
        continue;
      }
      for (const text of h.added) {
        const m = text.includes('@ai-generated') ? readMarkerLine(text, newPath) : undefined;
        if (m) {
          this.markerKind.push(m.kind === 'begin' ? 1 : 0);
          this.markerId.push(m.id);
          out.push(-this.markerId.length);
          markers++;
          if (m.kind === 'begin' && this.counted(newPath)) {
            this.noteBlock(k, m.id, m.reviewed);
          }
        } else {
          addedAt.push(out.length);
          out.push((k + 1) << 1);
        }
      }
    }
    for (let i = pos; i < src.length; i++) {
      out.push(src[i]);
    }
    if (newPath === undefined || addedAt.length === 0) {
      return { lines: out, markers };
    }
    let ai = 0;
    if (markers > 0) {
      const inBlock = this.blockMask(out);
      for (const i of addedAt) {
        if (inBlock[i]) {
          out[i] |= 1;
          ai++;
        }
      }
    }
    if (this.counted(newPath)) {
      this.addedAi[k] += ai;
      this.addedHuman[k] += addedAt.length - ai;
    }
    return { lines: out, markers };
  }

  /**
   * Lines strictly between a begin marker and the next end marker of the same id (innermost open
   * block of that id). A begin without an end makes no block, as in the parser.
   */
  private blockMask(lines: number[]): Uint8Array {
    const mask = new Uint8Array(lines.length);
    const open: { id: string; at: number }[] = [];
    for (let i = 0; i < lines.length; i++) {
      const v = lines[i];
      if (v >= 0) {
        continue;
      }
      const idx = -v - 1;
      const id = this.markerId[idx];
      if (this.markerKind[idx] === 1) {
        open.push({ id, at: i });
        continue;
      }
      for (let j = open.length - 1; j >= 0; j--) {
        if (open[j].id === id) {
          mask.fill(1, open[j].at + 1, i);
          open.splice(j, 1);
          break;
        }
      }
    }
    return mask;
  }

  private noteBlock(k: number, id: string, reviewed: boolean): void {
    let b = this.blocks.get(id);
    if (!b) {
      b = { first: k };
      this.blocks.set(id, b);
    }
    if (reviewed && b.reviewed === undefined) {
      b.reviewed = k;
    }
  }

  /** Time of the last replayed commit (HEAD), seconds; undefined before any commit. */
  get headTime(): number | undefined {
    return this.commits.at(-1)?.time;
  }

  /**
   * Rework over the cohort of commits at or after `since` whose window has closed by `reference`
   * (both seconds); younger commits' lines are `pending`.
   */
  rework(since: number | undefined, reference: number): ReworkFigures {
    const r: ReworkFigures = { ai: { added: 0, reworked: 0 }, human: { added: 0, reworked: 0 }, pending: { ai: 0, human: 0 } };
    this.commits.forEach((c, k) => {
      if (since !== undefined && c.time < since) {
        return;
      }
      if (c.time + this.o.windowSeconds > reference) {
        r.pending.ai += this.addedAi[k];
        r.pending.human += this.addedHuman[k];
        return;
      }
      r.ai.added += this.addedAi[k];
      r.ai.reworked += this.reworkedAi[k];
      r.human.added += this.addedHuman[k];
      r.human.reworked += this.reworkedHuman[k];
    });
    return r;
  }

  /** Lead times (seconds) of the blocks first seen at or after `since`, and how many are still unreviewed. */
  leadTimes(since: number | undefined): { seconds: number[]; pending: number; blocks: number } {
    const seconds: number[] = [];
    let pending = 0;
    let blocks = 0;
    for (const b of this.blocks.values()) {
      const first = this.commits[b.first].time;
      if (since !== undefined && first < since) {
        continue;
      }
      blocks++;
      if (b.reviewed === undefined) {
        pending++;
      } else {
        seconds.push(Math.max(0, this.commits[b.reviewed].time - first));
      }
    }
    return { seconds, pending, blocks };
  }
}
