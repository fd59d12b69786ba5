// Import extraction and resolution for JS/TS, Python, Go and Java: one document at a time, with
// file-system facts cached per directory and manifest (see fs-cache.ts).
import type { Spans } from '../text/lexer';
import { jsImports, type JsParser } from './js-imports';
import { goImports, javaImports, pythonImports } from './other-imports';
import type { ImportLanguage, ImportRef } from './types';

export * from './types';
export { resolveImport, resolveJsPath, matchPaths, matchSubpathMap, JS_EXTENSIONS, type Importer } from './resolve';
export { invalidateFsCache, fsCacheStats, setImportFileSystem } from './fs-cache';
export type { ImportFileSystem } from './file-system';
export { javaPackage } from './other-imports';
export { scanJs } from './js-scanner';
export type { JsParser } from './js-imports';

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
