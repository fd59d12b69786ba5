import * as path from 'path';
import { NO_FILE_SYSTEM, type ImportFileSystem } from './file-system';

// File-system facts for import resolution, cached so that checking a document costs map lookups, not
// syscalls: directory listings (every existence check is a lookup in its directory's listing), file
// texts, and values derived from them (parsed manifests, nearest-manifest lookups, resolutions).
// The host gives the file system (setImportFileSystem) and calls invalidateFsCache() on its events.

interface Listing {
  files: Set<string>;
  dirs: Set<string>;
}

const listings = new Map<string, Listing | null>();
const texts = new Map<string, string | null>();
const derived = new Map<string, unknown>();
let fileSystem: ImportFileSystem = NO_FILE_SYSTEM;

/** Counters for benches and tests. */
export const fsCacheStats = { listings: 0, reads: 0 };

export function listDir(dir: string): Listing | null {
  let l = listings.get(dir);
  if (l !== undefined) {
    return l;
  }
  fsCacheStats.listings++;
  const names = fileSystem.listDir(dir);
  l = names && { files: new Set(names.files), dirs: new Set(names.dirs) };
  listings.set(dir, l);
  return l;
}

export function isFile(p: string): boolean {
  return listDir(path.dirname(p))?.files.has(path.basename(p)) ?? false;
}

export function isDir(p: string): boolean {
  const parent = path.dirname(p);
  if (parent === p) {
    return true;
  }
  return listDir(parent)?.dirs.has(path.basename(p)) ?? false;
}

/** The host's file system (its reads bounded, symlinks only into the workspace); drops every cached fact. */
export function setImportFileSystem(host: ImportFileSystem): void {
  fileSystem = host;
  invalidateFsCache();
}

/**
 * A file's text (UTF-8, bounded like every file Conductor reads), or undefined when it does not exist,
 * cannot be read, is not a regular file, is too large or is a symlink out of the workspace.
 */
export function readText(p: string): string | undefined {
  let t = texts.get(p);
  if (t === undefined) {
    fsCacheStats.reads++;
    t = (isFile(p) ? fileSystem.readText(p) : undefined) ?? null;
    texts.set(p, t);
  }
  return t ?? undefined;
}

/** A value computed from cached facts, kept until the next invalidation. */
export function memo<T>(key: string, compute: () => T): T {
  if (derived.has(key)) {
    return derived.get(key) as T;
  }
  const v = compute();
  derived.set(key, v);
  return v;
}

const MANIFEST_OR_LOCK = /^(package\.json|package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|go\.(mod|sum)|pyproject\.toml|poetry\.lock|uv\.lock|Pipfile(\.lock)?|requirements.*\.txt)$/;

/**
 * Forgets what a change to `changed` (absolute path; created, edited or deleted) can affect, or
 * everything when no path is given. Derived values (resolutions, nearest manifests) are always dropped:
 * they are rebuilt lazily, per document, from the listings that survive.
 */
export function invalidateFsCache(changed?: string): void {
  derived.clear();
  if (changed === undefined) {
    listings.clear();
    texts.clear();
    return;
  }
  const p = path.resolve(changed);
  listings.delete(path.dirname(p));
  listings.delete(p);
  texts.delete(p);
  for (const key of listings.keys()) {
    if (key.startsWith(p + path.sep)) {
      listings.delete(key); // a directory was removed or replaced
    }
  }
  if (MANIFEST_OR_LOCK.test(path.basename(p))) {
    // Installs rewrite lock files; what is installed (node_modules, virtualenvs) may have changed.
    for (const key of listings.keys()) {
      if (/[\\/](node_modules|site-packages)([\\/]|$)/.test(key)) {
        listings.delete(key);
      }
    }
    for (const key of texts.keys()) {
      if (/[\\/](node_modules|site-packages)[\\/]/.test(key)) {
        texts.delete(key);
      }
    }
  }
}

/** Walks from `dir` up to `root` (inclusive) and returns the first directory holding one of `names`. */
export function nearestDirWith(dir: string, root: string, names: readonly string[]): string | undefined {
  return memo(`nearest\0${dir}\0${root}\0${names.join('|')}`, () => {
    if (!isWithin(dir, root)) {
      return undefined;
    }
    for (let d = dir; ; d = path.dirname(d)) {
      const l = listDir(d);
      if (l && names.some((n) => l.files.has(n))) {
        return d;
      }
      if (d === root || path.dirname(d) === d) {
        return undefined;
      }
    }
  });
}

export function isWithin(p: string, root: string): boolean {
  return p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}
