import { execFileSync } from 'child_process';
import * as path from 'path';
import type { Range } from '../../engine';
import { isRegularFile } from '../read-bounded';

// "Only what changed": which lines of which files a change added or modified, from `git diff -U0`.

export class GitError extends Error {}

/** Sorted, merged, 0-based inclusive line ranges of the new version; `all` for a file that is new as a whole. */
export type ChangedLines = readonly (readonly [number, number])[] | 'all';

export interface ChangeSet {
  mode: 'staged' | 'since';
  /** The ref given to --changed-since. */
  ref?: string;
  /** Files (workspace-relative posix paths, sorted) whose new version has added or changed lines. */
  changed: Map<string, ChangedLines>;
  /** Files the change deleted or renamed away (their baseline entries are stale). */
  removed: string[];
  /** Files in both versions that the change touched, deletions only included: new path → old path. */
  modified: Map<string, string>;
  /** `since`: the commit the change is measured from (the merge base of the ref and HEAD). */
  base?: string;
}

/** One file of a parsed diff. */
export interface DiffFile {
  /** New path (`undefined` when the file was deleted). */
  path?: string;
  /** Old path (`undefined` when the file was added). */
  oldPath?: string;
  /** A submodule or a symlink: not a file to read (the walker does not follow symlinks either). */
  special: boolean;
  /** 0-based line numbers of the new version that are added or changed, ascending. */
  added: number[];
}

/**
 * Lines changed since `ref`: the working tree (committed or not) against the merge base of `ref` and
 * HEAD — in CI, where the working tree is HEAD, exactly what `git diff ref...HEAD` shows.
 */
export function changedSince(root: string, ref: string, o: { includeUntracked?: boolean } = {}): ChangeSet {
  requireRepository(root);
  git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], `Unknown git revision "${ref}"`);
  const diff = git(root, ['diff', '--merge-base', ...DIFF_ARGS, ref, '--']);
  const set = toChangeSet(parseDiff(diff.toString('utf8')), 'since', ref);
  set.base = git(root, ['merge-base', '--end-of-options', ref, 'HEAD']).toString('utf8').trim();
  if (o.includeUntracked) {
    const out = git(root, ['ls-files', '-z', '--others', '--exclude-standard']).toString('utf8');
    for (const p of out.split('\0').filter(Boolean)) {
      if (isRegularFile(path.join(root, p))) {
        set.changed.set(p, 'all'); // symlinks are not followed, as in the walker
      }
    }
    set.changed = sortedMap(set.changed);
  }
  return set;
}

/**
 * Tracked files under `root` that a .gitignore names. Git ignores only untracked files, so a full
 * scan checks these too: a committed .gitignore entry must not hide tracked code from the rules.
 * Empty outside a git work tree (or without git): the walk's .gitignore handling is all there is.
 */
export function trackedIgnoredFiles(root: string): string[] {
  let out: Buffer;
  try {
    out = git(root, ['ls-files', '-z', '--cached', '--ignored', '--exclude-standard', '--', '.']);
  } catch (e) {
    if (e instanceof GitError) {
      return [];
    }
    throw e;
  }
  return out
    .toString('utf8')
    .split('\0')
    .filter((p) => p !== '' && isRegularFile(path.join(root, p)));
}

/** Lines the index changes against HEAD (what `git commit` would record now). */
export function stagedChanges(root: string): ChangeSet {
  requireRepository(root);
  const diff = git(root, ['diff', '--cached', ...DIFF_ARGS, '--']);
  return toChangeSet(parseDiff(diff.toString('utf8')), 'staged');
}

/**
 * The staged content of files (the blobs `git show :path` prints), in one `git cat-file --batch`
 * process instead of one `git show` per file. Paths are relative to `root`.
 */
export function readStagedBlobs(root: string, paths: readonly string[]): Map<string, Buffer> {
  return readBlobs(root, '', paths);
}

/**
 * The content of files at a commit (`rev`, '' for the index), keyed by the given path. With
 * `maxBytes`, larger blobs are left out: git reports every blob's size before its content.
 */
export function readBlobs(root: string, rev: string, paths: readonly string[], maxBytes = Infinity): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const batch = paths.filter((p) => !p.includes('\n'));
  if (batch.length > 0) {
    const small = Number.isFinite(maxBytes) ? blobsUpTo(root, rev, batch, maxBytes) : batch;
    const raw = small.length > 0 ? git(root, ['cat-file', '--batch'], undefined, small.map((p) => `${rev}:./${p}\n`).join('')) : Buffer.alloc(0);
    let pos = 0;
    for (const p of small) {
      const nl = raw.indexOf(10, pos);
      const header = raw.subarray(pos, nl).toString('utf8');
      const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
      if (!m) {
        pos = nl + 1; // "<name> missing": not in the index (e.g. removed with `git rm --cached`)
        continue;
      }
      const size = Number(m[2]);
      if (m[1] === 'blob') {
        out.set(p, raw.subarray(nl + 1, nl + 1 + size));
      }
      pos = nl + 1 + size + 1;
    }
  }
  for (const p of Number.isFinite(maxBytes) ? [] : paths.filter((x) => x.includes('\n'))) {
    out.set(p, git(root, ['show', `${rev}:./${p}`]));
  }
  return out;
}

/** The paths whose blob at `rev` exists and has at most `maxBytes` (one `git cat-file --batch-check`). */
function blobsUpTo(root: string, rev: string, paths: readonly string[], maxBytes: number): string[] {
  const out = git(root, ['cat-file', '--batch-check'], undefined, paths.map((p) => `${rev}:./${p}\n`).join('')).toString('utf8').split('\n');
  return paths.filter((_p, i) => {
    const m = /^[0-9a-f]+ blob (\d+)$/.exec(out[i] ?? '');
    return m !== null && Number(m[1]) <= maxBytes;
  });
}

/** Whether a finding's range touches a changed line (an end at column 0 does not count its line). */
export function rangeTouches(lines: ChangedLines, range: Range): boolean {
  if (lines === 'all') {
    return true;
  }
  const first = range.start.line;
  const last = range.end.line > first && range.end.character === 0 ? range.end.line - 1 : range.end.line;
  let lo = 0;
  let hi = lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = lines[mid];
    if (b < first) {
      lo = mid + 1;
    } else if (a > last) {
      hi = mid - 1;
    } else {
      return true;
    }
  }
  return false;
}

// Explicit options so user git config (external diff, colour, no prefix, renames…) cannot change the output.
const DIFF_ARGS = [
  '-U0',
  '--inter-hunk-context=0',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--find-renames',
  '--relative',
  '--src-prefix=a/',
  '--dst-prefix=b/',
  '--diff-filter=ACDMRT',
];

/** Parses `git diff` output (any context size), tracking the new-file line number through each hunk. */
export function parseDiff(text: string): DiffFile[] {
  const files: DiffFile[] = [];
  const lines = text.split('\n');
  let cur: DiffFile | undefined;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i++];
    if (line.startsWith('diff --git ')) {
      cur = { special: false, added: [] };
      files.push(cur);
      const paths = gitHeaderPaths(line.slice('diff --git '.length));
      cur.oldPath = paths?.[0];
      cur.path = paths?.[1];
      continue;
    }
    if (!cur) {
      continue;
    }
    if (line.startsWith('--- ')) {
      cur.oldPath = stripPrefix(unquote(line.slice(4)), 'a/');
    } else if (line.startsWith('+++ ')) {
      cur.path = stripPrefix(unquote(line.slice(4)), 'b/');
    } else if (line.startsWith('rename from ') || line.startsWith('copy from ')) {
      cur.oldPath = unquote(line.slice(line.indexOf(' from ') + 6));
    } else if (line.startsWith('rename to ') || line.startsWith('copy to ')) {
      cur.path = unquote(line.slice(line.indexOf(' to ') + 4));
    } else if (line.startsWith('deleted file mode ')) {
      cur.path = undefined;
    } else if (line.startsWith('new file mode ')) {
      cur.oldPath = undefined;
      cur.special ||= / 1[26]0000$/.test(line);
    } else if (/^index [0-9a-f]+\.\.[0-9a-f]+ 1[26]0000$/.test(line) || /^new mode 1[26]0000$/.test(line)) {
      cur.special = true;
    } else if (line.startsWith('@@ ')) {
      const m = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!m) {
        continue;
      }
      let oldLeft = m[1] === undefined ? 1 : Number(m[1]);
      let newLeft = m[3] === undefined ? 1 : Number(m[3]);
      let newLine = Number(m[2]) - 1; // 0-based
      while ((oldLeft > 0 || newLeft > 0) && i < lines.length) {
        const body = lines[i++];
        const c = body.charAt(0);
        if (c === '+') {
          cur.added.push(newLine++);
          newLeft--;
        } else if (c === '-') {
          oldLeft--;
        } else if (c === ' ' || body === '') {
          newLine++;
          newLeft--;
          oldLeft--;
        }
        // '\ No newline at end of file' counts for neither side
      }
    }
  }
  return files;
}

function toChangeSet(diff: DiffFile[], mode: ChangeSet['mode'], ref?: string): ChangeSet {
  const changed = new Map<string, ChangedLines>();
  const removed: string[] = [];
  const modified = new Map<string, string>();
  for (const f of diff) {
    if (f.special) {
      continue;
    }
    if (f.path !== undefined && f.oldPath !== undefined) {
      modified.set(f.path, f.oldPath);
    }
    if (f.oldPath !== undefined && f.oldPath !== f.path) {
      removed.push(f.oldPath);
    }
    if (f.path !== undefined && f.added.length > 0) {
      changed.set(f.path, toRanges(f.added));
    }
  }
  return { mode, ...(ref !== undefined ? { ref } : {}), changed: sortedMap(changed), removed: removed.sort(), modified };
}

function toRanges(lines: number[]): [number, number][] {
  const sorted = [...lines].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const l of sorted) {
    const last = out[out.length - 1];
    if (last && l <= last[1] + 1) {
      last[1] = Math.max(last[1], l);
    } else {
      out.push([l, l]);
    }
  }
  return out;
}

function sortedMap<V>(m: Map<string, V>): Map<string, V> {
  return new Map([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** `a/x b/y` of a `diff --git` line, when unambiguous (no hunks: pure renames, mode changes, empty files). */
function gitHeaderPaths(rest: string): [string, string] | undefined {
  if (rest.startsWith('"')) {
    const m = /^("(?:[^"\\]|\\.)*") (.*)$/.exec(rest);
    return m ? [stripPrefix(unquote(m[1]), 'a/') ?? '', stripPrefix(unquote(m[2]), 'b/') ?? ''] : undefined;
  }
  // Unquoted: both halves are the same length when the path did not change.
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest.slice(2, half) === rest.slice(half + 3)) {
    return [rest.slice(2, half), rest.slice(half + 3)];
  }
  return undefined;
}

function stripPrefix(p: string, prefix: string): string | undefined {
  if (p === '/dev/null') {
    return undefined;
  }
  return p.startsWith(prefix) ? p.slice(prefix.length) : p;
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Git's C-style quoting of unusual paths ("a/t\303\244st \"x\""), back to the path. */
export function unquote(s: string): string {
  const t = s.replace(/\t$/, ''); // `--- a/file\t` when the name has spaces in old gits
  if (!t.startsWith('"') || !t.endsWith('"') || t.length < 2) {
    return t;
  }
  const bytes: number[] = [];
  const body = t.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const n = body[++i];
    if (/[0-7]/.test(n)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else {
      bytes.push(ESCAPES[n] ?? n.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Outside a work tree git's own complaint is misleading ("--output <file>…"): say what is wrong. */
function requireRepository(root: string): void {
  git(root, ['rev-parse', '--is-inside-work-tree'], `${root} is not a git repository (--staged and --changed-since need one)`);
}

function git(root: string, args: string[], failMessage?: string, input?: string): Buffer {
  try {
    return execFileSync('git', ['-c', 'core.quotePath=false', ...args], {
      cwd: root,
      input,
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer; status?: number };
    if (err.code === 'ENOENT') {
      throw new GitError('git is not installed or not on PATH (needed for --changed-since and --staged)');
    }
    const detail = err.stderr?.toString('utf8').trim().split('\n').pop() ?? err.message;
    throw new GitError(failMessage ? `${failMessage}${detail ? ` (${detail})` : ''}` : `git ${args[0]} failed: ${detail}`);
  }
}

/** The folder git runs hooks from (`core.hooksPath` when set, else `.git/hooks`), absolute. */
export function hooksDir(root: string): string {
  const out = git(root, ['rev-parse', '--git-path', 'hooks'], `${root} is not a git repository (git hooks need one)`).toString('utf8').trim();
  return path.resolve(root, out);
}
