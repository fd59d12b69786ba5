import * as fs from 'fs';
import * as path from 'path';
import type { ImportFileSystem } from '../engine/imports/file-system';
import { setImportFileSystem } from '../engine/imports/fs-cache';
import { CONFIG_MAX_BYTES, readBoundedText } from './read-bounded';

/**
 * The disk as import resolution sees it: listings with symlinks resolved, and manifests read through
 * the bounded reader; a symlinked file may lead only into `roots`.
 */
export function diskImportFileSystem(roots: readonly string[]): ImportFileSystem {
  const within = [...roots];
  return {
    listDir(dir) {
      const files: string[] = [];
      const dirs: string[] = [];
      try {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          if (e.isFile()) {
            files.push(e.name);
          } else if (e.isDirectory()) {
            dirs.push(e.name);
          } else if (e.isSymbolicLink()) {
            try {
              (fs.statSync(path.join(dir, e.name)).isDirectory() ? dirs : files).push(e.name);
            } catch {
              // dangling link
            }
          }
        }
      } catch {
        return null;
      }
      return { files, dirs };
    },
    readText(file) {
      const r = readBoundedText(file, { maxBytes: CONFIG_MAX_BYTES, within });
      return r.ok ? r.text : undefined;
    },
  };
}

/** Import checks read manifests and list folders of these workspace roots, and of nothing outside. */
export function useDiskForImports(roots: readonly string[]): void {
  setImportFileSystem(diskImportFileSystem(roots));
}
