// Pure history replay for the rework and lead-time metrics (docs/metrics.md, "Rework").
//
// Input: the first-parent history as `git log --reverse -p -U0` prints it (LogParser turns the
// lines into commits). The replay keeps, per file, one number per line: which commit added it and
// whether that line was inside an @ai-generated block of that commit's version of the file; marker
// lines are kept as references into a marker table. Each diff hunk removes old lines (a line removed
// within the window of the commit that added it is "reworked") and inserts new ones. No file
// content is stored, only these numbers.
import { unquote } from '../host/git/changes';
import { readMarkerLine } from './marker-line';

export interface Hunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  /** The added lines' text, in order. */
  added: string[];
}

export interface FileChange {
  /** Undefined for an added file. */
  oldPath?: string;
  /** Undefined for a deleted file. */
  newPath?: string;
  /** A binary file: its lines are not known, it leaves the replay. */
  binary: boolean;
  /** A submodule or symlink: not a file the scan reads. */
  special: boolean;
  hunks: Hunk[];
}

export interface LogCommit {
  sha: string;
  /** Committer time, seconds since the epoch. */
  time: number;
  files: FileChange[];
}

/** The header line `git log --format=%x01%H %ct` prints for each commit. */
export const COMMIT_FORMAT = '%x01%H %ct';
const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
const SPECIAL_MODE = /\b(120000|160000)$/;

/** Streaming parser of `git log -p -U0 --format=COMMIT_FORMAT` output, one line at a time. */
export class LogParser {
  private commit: LogCommit | undefined;
  private file: (FileChange & { header: boolean }) | undefined;
  private hunk: Hunk | undefined;
  private remOld = 0;
  private remNew = 0;

  /** `prefix`: the report root's path inside the repository (`git rev-parse --show-prefix`), stripped from paths. */
  constructor(
    private readonly onCommit: (c: LogCommit) => void,
    private readonly prefix = '',
  ) {}

  line(s: string): void {
    if (this.remOld > 0 || this.remNew > 0) {
      const c = s.charCodeAt(0);
      if (c === 45 /* - */ && this.remOld > 0) {
        this.remOld--;
        return;
      }
      if (c === 43 /* + */ && this.remNew > 0) {
        this.remNew--;
        this.hunk!.added.push(s.slice(1));
        return;
      }
      if (c === 92 /* \ */) {
        return;
      }
      // A truncated hunk: stop counting and read the line as a header.
      this.remOld = this.remNew = 0;
    }
    if (s.charCodeAt(0) === 1) {
      this.flushCommit();
      const sp = s.indexOf(' ');
      this.commit = { sha: s.slice(1, sp), time: Number(s.slice(sp + 1)), files: [] };
      return;
    }
    if (s.startsWith('diff --git ')) {
      this.flushFile();
      const [a, b] = headerPaths(s.slice(11));
      this.file = { oldPath: this.path(a, 'a/'), newPath: this.path(b, 'b/'), binary: false, special: false, hunks: [], header: true };
      return;
    }
    const f = this.file;
    if (!f) {
      return;
    }
    if (s.startsWith('@@')) {
      const m = HUNK.exec(s);
      if (m) {
        f.header = false;
        this.hunk = { oldStart: Number(m[1]), oldCount: m[2] === undefined ? 1 : Number(m[2]), newStart: Number(m[3]), newCount: m[4] === undefined ? 1 : Number(m[4]), added: [] };
        f.hunks.push(this.hunk);
        this.remOld = this.hunk.oldCount;
        this.remNew = this.hunk.newCount;
      }
      return;
    }
    if (!f.header) {
      return;
    }
    if (s.startsWith('new file mode ')) {
      f.oldPath = undefined;
      f.special ||= SPECIAL_MODE.test(s);
    } else if (s.startsWith('deleted file mode ')) {
      f.newPath = undefined;
      f.special ||= SPECIAL_MODE.test(s);
    } else if (s.startsWith('index ') || s.startsWith('new mode ') || s.startsWith('old mode ')) {
      f.special ||= SPECIAL_MODE.test(s);
    } else if (s.startsWith('rename from ')) {
      f.oldPath = this.path(unquote(s.slice(12)), '');
    } else if (s.startsWith('rename to ')) {
      f.newPath = this.path(unquote(s.slice(10)), '');
    } else if (s.startsWith('--- ')) {
      f.oldPath = s === '--- /dev/null' ? undefined : this.path(unquote(s.slice(4)), 'a/');
    } else if (s.startsWith('+++ ')) {
      f.newPath = s === '+++ /dev/null' ? undefined : this.path(unquote(s.slice(4)), 'b/');
    } else if (s.startsWith('Binary files ')) {
      f.binary = true;
    }
  }

  /** Call once after the last line. */
  finish(): void {
    this.flushCommit();
  }

  /** A repository path as a path relative to the report root; undefined outside it. */
  private path(p: string | undefined, side: string): string | undefined {
    if (p === undefined) {
      return undefined;
    }
    const rel = side && p.startsWith(side) ? p.slice(side.length) : p;
    if (!this.prefix) {
      return rel;
    }
    return rel.startsWith(this.prefix) ? rel.slice(this.prefix.length) : undefined;
  }

  private flushFile(): void {
    if (this.file) {
      const { header: _header, ...change } = this.file;
      void _header;
      if (change.oldPath !== undefined || change.newPath !== undefined) {
        this.commit?.files.push(change);
      }
    }
    this.file = undefined;
    this.hunk = undefined;
    this.remOld = this.remNew = 0;
  }

  private flushCommit(): void {
    this.flushFile();
    if (this.commit) {
      this.onCommit(this.commit);
    }
    this.commit = undefined;
  }
}

/** The two paths of `diff --git a/X b/Y` (each possibly quoted); for unquoted names with spaces, X = Y is assumed. */
function headerPaths(rest: string): [string | undefined, string | undefined] {
  if (rest.startsWith('"')) {
    let i = 1;
    while (i < rest.length && rest[i] !== '"') {
      i += rest[i] === '\\' ? 2 : 1;
    }
    return [unquote(rest.slice(0, i + 1)), unquote(rest.slice(i + 2))];
  }
  const q = rest.indexOf(' "');
  if (q !== -1) {
    return [rest.slice(0, q), unquote(rest.slice(q + 1))];
  }
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest.slice(2, half) === rest.slice(half + 3)) {
    return [rest.slice(0, half), rest.slice(half + 1)];
  }
  const b = rest.indexOf(' b/');
  return b === -1 ? [undefined, undefined] : [rest.slice(0, b), rest.slice(b + 1)];
}

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
