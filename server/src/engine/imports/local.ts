// Workspace files as resolutions, shared by the per-language resolvers.
import * as path from 'path';
import { listDir } from './fs-cache';
import type { Resolution } from './types';

export function local(file: string, root: string): Resolution {
  return { kind: 'local', file, relPath: path.relative(root, file).split(path.sep).join('/') };
}

/** The first source file (by name) of a package directory: what a Go or Java package import leads to. */
export function firstSourceFile(dir: string, ext: string, skipTests: boolean): string | undefined {
  const files = [...(listDir(dir)?.files ?? [])].filter((f) => f.endsWith(ext) && !(skipTests && f.endsWith('_test' + ext))).sort();
  return files.length ? path.join(dir, files[0]) : undefined;
}
