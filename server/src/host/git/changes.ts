// "Only what changed": which lines of which files a change added or modified, from `git diff -U0`.
import * as path from 'path';
import type { Range } from '../../engine';
import { isRegularFile } from '../read-bounded';
import { DIFF_ARGS, parseDiff, type DiffFile } from './diff';
import { requireRepository } from './repo';
import { runGit } from './run';

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

const NEEDED_FOR = '--staged and --changed-since';

/**
 * Lines changed since `ref`: the working tree (committed or not) against the merge base of `ref` and
 * HEAD — in CI, where the working tree is HEAD, exactly what `git diff ref...HEAD` shows.
 */
export function changedSince(root: string, ref: string, o: { includeUntracked?: boolean } = {}): ChangeSet {
  requireRepository(root, NEEDED_FOR);
  runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { failMessage: `Unknown git revision "${ref}"` });
  const diff = runGit(root, ['diff', '--merge-base', ...DIFF_ARGS, ref, '--']);
  const set = toChangeSet(parseDiff(diff.toString('utf8')), 'since', ref);
  set.base = runGit(root, ['merge-base', '--end-of-options', ref, 'HEAD']).toString('utf8').trim();
  if (o.includeUntracked) {
    const out = runGit(root, ['ls-files', '-z', '--others', '--exclude-standard']).toString('utf8');
    for (const p of out.split('\0').filter(Boolean)) {
      if (isRegularFile(path.join(root, p))) {
        set.changed.set(p, 'all'); // symlinks are not followed, as in the walker
      }
    }
    set.changed = sortedMap(set.changed);
  }
  return set;
}

/** Lines the index changes against HEAD (what `git commit` would record now). */
export function stagedChanges(root: string): ChangeSet {
  requireRepository(root, NEEDED_FOR);
  const diff = runGit(root, ['diff', '--cached', ...DIFF_ARGS, '--']);
  return toChangeSet(parseDiff(diff.toString('utf8')), 'staged');
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
