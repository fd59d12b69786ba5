// Facts about the repository around a folder: where it is, its HEAD, its hooks, what it tracks.
import * as path from 'path';
import { isRegularFile } from '../read-bounded';
import { GitError, runGit } from './run';

export interface RepoInfo {
  /** The report root's path inside the repository, `''` or ending in `/`. */
  prefix: string;
  head: string;
  branch: string | null;
  /** A shallow clone: history starts at the shallow boundary. */
  shallow: boolean;
}

/** The repository containing `root` with at least one commit, or undefined (no git, not a repository, no commits). */
export function repoInfo(root: string): RepoInfo | undefined {
  try {
    const [prefix, head] = runGit(root, ['rev-parse', '--show-prefix', '--verify', 'HEAD']).toString('utf8').split('\n');
    let branch: string | null = null;
    try {
      branch = runGit(root, ['symbolic-ref', '--short', '-q', 'HEAD']).toString('utf8').trim() || null;
    } catch {
      branch = null; // detached HEAD
    }
    const shallow = runGit(root, ['rev-parse', '--is-shallow-repository']).toString('utf8').trim() === 'true';
    return { prefix: prefix.trim(), head: head.trim(), branch, shallow };
  } catch {
    return undefined;
  }
}

/** Outside a work tree git's own complaint is misleading ("--output <file>…"): say what is wrong. */
export function requireRepository(root: string, neededFor: string): void {
  runGit(root, ['rev-parse', '--is-inside-work-tree'], { failMessage: `${root} is not a git repository (${neededFor} need one)` });
}

/** Whether `rev` names a commit in this clone (a shallow CI clone may not have the one a SARIF log names). */
export function hasCommit(root: string, rev: string): boolean {
  if (rev.startsWith('-')) {
    return false;
  }
  try {
    runGit(root, ['cat-file', '-e', `${rev}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** The folder git runs hooks from (`core.hooksPath` when set, else `.git/hooks`), absolute. */
export function hooksDir(root: string): string {
  const out = runGit(root, ['rev-parse', '--git-path', 'hooks'], { failMessage: `${root} is not a git repository (git hooks need one)` });
  return path.resolve(root, out.toString('utf8').trim());
}

/**
 * Tracked files under `root` that a .gitignore names. Git ignores only untracked files, so a full
 * scan checks these too: a committed .gitignore entry must not hide tracked code from the rules.
 * Empty outside a git work tree (or without git): the walk's .gitignore handling is all there is.
 */
export function trackedIgnoredFiles(root: string): string[] {
  let out: Buffer;
  try {
    out = runGit(root, ['ls-files', '-z', '--cached', '--ignored', '--exclude-standard', '--', '.']);
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

/**
 * Per revision, the paths (relative to the repository's top) of its text files under `root` that
 * contain `needle`: `git grep -l` over many revisions at once (one process per 64 revisions).
 */
export function filesContaining(root: string, revs: readonly string[], needle: string): Map<string, string[]> {
  const out = new Map<string, string[]>(revs.map((r) => [r, []]));
  for (let i = 0; i < revs.length; i += 64) {
    const batch = revs.slice(i, i + 64);
    let text: string;
    try {
      text = runGit(root, ['grep', '-l', '-z', '-I', '-F', '--no-color', '--full-name', '-e', needle, ...batch, '--', '.']).toString('utf8');
    } catch (e) {
      if (e instanceof GitError && e.status === 1) {
        continue; // no match in any of them
      }
      throw e;
    }
    for (const hit of text.split('\0')) {
      const colon = hit.indexOf(':');
      if (colon > 0) {
        out.get(hit.slice(0, colon))?.push(hit.slice(colon + 1));
      }
    }
  }
  return out;
}
