// Streaming parser of the first-parent history as `git log -p -U0 --format=COMMIT_FORMAT` prints
// it: commits with their files and zero-context hunks (added lines kept as text, removed lines only
// counted). The report replays these commits (report/history.ts).
import { diffHeaderPaths, unquote } from './quote';

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
      const [a, b] = diffHeaderPaths(s.slice(11));
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
