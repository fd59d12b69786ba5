// Import extraction and resolution for JS/TS, Python, Go and Java: one document at a time, with
// file-system facts cached per directory and manifest (see fs-cache.ts). One folder per language
// (imports, resolution, manifests, built-ins); this module is the surface the rest of the engine uses.
import type { Spans } from '../text/lexer';
import { goImports } from './go/imports';
import { javaImports } from './java/imports';
import { jsImports, type JsParser } from './js/imports';
import { pythonImports } from './python/imports';
import type { ImportLanguage, ImportRef } from './types';

export * from './types';
export { resolveImport } from './resolve';
export { invalidateFsCache, fsCacheStats, setImportFileSystem } from './fs-cache';
export type { ImportFileSystem } from './file-system';
export { scanJs } from './js/scanner';
export type { JsParser } from './js/imports';
export { resolveJsPath, JS_EXTENSIONS } from './js/resolve';
export { matchPaths, matchSubpathMap } from './js/subpath-maps';
export { isNodeBuiltin, npmPackageName, typesPackageFor } from './js/builtins';
export { nearestPackageJson } from './js/package-json';
export { isPythonStdlib } from './python/stdlib';
export { PYTHON_IMPORT_ALIASES, PYTHON_NAMESPACE_ROOTS } from './python/aliases';
export { nearestPythonManifest } from './python/manifests';
export { normalizeDist } from './python/requirements';
export { isGoStd } from './go/std';
export { nearestGoMod } from './go/go-mod';
export { javaPackage } from './java/imports';
export { isJdk } from './java/jdk';

/** The import grammar for an engine syntax id (`typescript`, `javascript`, `python`, `go`, `java`). */
export function importLanguage(syntaxId: string): ImportLanguage | undefined {
  switch (syntaxId) {
    case 'typescript':
    case 'javascript':
      return 'js';
    case 'python':
    case 'go':
    case 'java':
      return syntaxId;
    default:
      return undefined;
  }
}

/** Every module reference in code (not in comments or strings) of a document. */
export function extractImports(text: string, language: ImportLanguage, relPath: string, spans: () => Spans, options: { jsParser?: JsParser } = {}): ImportRef[] {
  switch (language) {
    case 'js':
      return jsImports(text, relPath, { parser: options.jsParser });
    case 'python':
      return /\b(import|from)\b/.test(text) ? pythonImports(text, spans()) : [];
    case 'go':
      return text.includes('import') ? goImports(text, spans()) : [];
    case 'java':
      return text.includes('import') ? javaImports(text, spans()) : [];
  }
}
