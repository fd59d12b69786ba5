import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';
import { CONFIG_MAX_BYTES, readBoundedText } from './read-bounded';
import { workspaceRelative } from './paths';

export interface WalkOptions {
  /** Respect .gitignore files (and .git/info/exclude) like git does. */
  gitignore: boolean;
  /** Extra predicate on workspace-relative posix paths (the rule file's `ignore`). */
  isIgnored?: (relPath: string) => boolean;
  /** Walk into `node_modules` folders too (they are skipped by default, as ESLint and ripgrep do). */
  includeNodeModules?: boolean;
  /** Told about every folder that could not be listed, so the run says what it did not check. */
  onSkip?: (relPath: string, reason: string) => void;
}

/** Version-control folders are never walked; `node_modules` only when asked or named as a target. */
const VCS_DIRS = new Set(['.git', '.hg', '.svn']);
export const DEPENDENCY_DIR = 'node_modules';

interface Scope {
  /** Directory (relative posix, '' for root) the ignore rules are relative to. */
  base: string;
  ig: Ignore;
}

/**
 * Lists files under `targets` (relative to root), depth-first in sorted order, skipping VCS folders,
 * `node_modules` (unless asked) and anything a .gitignore at any level excludes. Symlinks are not
 * followed (no cycles, no escapes).
 */
export function walkFiles(root: string, targets: string[], options: WalkOptions): string[] {
  const out: string[] = [];
  const rootScopes: Scope[] = [];
  if (options.gitignore) {
    addScope(rootScopes, root, '', '.gitignore');
    addScope(rootScopes, root, '', path.join('.git', 'info', 'exclude'));
  }
  const ignored = (rel: string, isDir: boolean, scopes: Scope[]): boolean => {
    if (options.isIgnored?.(rel)) {
      return true;
    }
    for (const s of scopes) {
      const sub = s.base ? rel.slice(s.base.length + 1) : rel;
      if (sub && s.ig.ignores(isDir ? sub + '/' : sub)) {
        return true;
      }
    }
    return false;
  };
  const visitDir = (rel: string, scopes: Scope[]): void => {
    const abs = path.join(root, rel);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(abs, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      options.onSkip?.(rel || '.', `cannot list folder (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code ?? (e as Error).message})`);
      return;
    }
    const local = [...scopes];
    if (options.gitignore && rel) {
      addScope(local, root, rel, '.gitignore');
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (VCS_DIRS.has(e.name) || (e.name === DEPENDENCY_DIR && !options.includeNodeModules && e.isDirectory())) {
        continue;
      }
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!ignored(childRel, true, local)) {
          visitDir(childRel, local);
        }
      } else if (e.isFile() && !ignored(childRel, false, local)) {
        out.push(childRel);
      }
    }
  };
  for (const t of targets.length ? targets : ['.']) {
    const rel = workspaceRelative(root, t);
    let st: fs.Stats;
    try {
      st = fs.statSync(path.join(root, rel));
    } catch {
      throw new Error(`No such file or directory: ${t}`);
    }
    if (st.isDirectory()) {
      visitDir(rel === '' ? '' : rel, rootScopes);
    } else if (!ignored(rel, false, rootScopes) || targets.length > 0) {
      out.push(rel); // a file named explicitly is checked even when ignored by git
    }
  }
  return out;
}

function addScope(scopes: Scope[], root: string, base: string, file: string): void {
  // An ignore file that cannot be used (absent, a FIFO, huge, a link out) ignores nothing: more is checked, not less.
  const r = readBoundedText(path.join(root, base, file), { maxBytes: CONFIG_MAX_BYTES, within: [root] });
  if (r.ok) {
    scopes.push({ base, ig: ignore().add(r.text) });
  }
}
