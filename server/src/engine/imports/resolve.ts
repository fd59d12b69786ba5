import * as path from 'path';
import { memo } from './fs-cache';
import { resolveGo } from './go/resolve';
import { resolveJava } from './java/resolve';
import { resolveJs } from './js/resolve';
import { resolvePython } from './python/resolve';
import type { Importer, ImportRef, Resolution } from './types';

/**
 * Where an import leads. Pure function of the file system (through fs-cache) and memoised per importer
 * directory and specifier, so re-checking a document resolves from the cache.
 */
export function resolveImport(ref: ImportRef, importer: Importer): Resolution {
  const dir = path.dirname(importer.file);
  const key = `res\0${importer.language}\0${importer.root}\0${dir}\0${importer.javaPackage ?? ''}\0${ref.specifier}\0${ref.name ?? ''}`;
  return memo(key, () => {
    switch (importer.language) {
      case 'js':
        return resolveJs(ref.specifier, dir, importer.root);
      case 'python':
        return resolvePython(ref, dir, importer.root);
      case 'go':
        return resolveGo(ref.specifier, dir, importer.root);
      case 'java':
        return resolveJava(ref, importer);
    }
  });
}
