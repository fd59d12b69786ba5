// Plain data describing the imports of one document and where they lead. No host APIs here.

export type ImportKind =
  /** `import … from 'x'`, `import 'x'`, `import x = require('x')` (TS) */
  | 'import'
  /** `export … from 'x'`, `export * from 'x'` */
  | 'export'
  /** `import('x')` with a literal specifier */
  | 'dynamic'
  /** `require('x')` with a literal specifier */
  | 'require';

export type ImportLanguage = 'js' | 'python' | 'go' | 'java';

/** One module reference in a document, as written. */
export interface ImportRef {
  /** The module as written: `./a`, `lodash/fp`, `..pkg.mod` (Python, dots = relative level), `fmt`, `a.b.C`. */
  specifier: string;
  /** Offsets of the reference in the text: the string literal with its quotes (JS, Go) or the dotted name. */
  start: number;
  end: number;
  kind: ImportKind;
  /** `import type`, `export type`, all-`type` specifier lists and type-position `import('x').T` (TS). */
  typeOnly: boolean;
  /** Python `from M import name`: the imported name, which may itself be a submodule of M. */
  name?: string;
}

/** Where an import leads. */
export type Resolution =
  /** A file in the workspace (or outside it, when `relPath` starts with `..`). */
  | { kind: 'local'; file: string; relPath: string }
  /** Part of the platform: Node built-ins, Python stdlib, Go std, the JDK. */
  | { kind: 'builtin'; name: string }
  /** A third-party package, by the name its manifest declares it under (or the import's root name). */
  | { kind: 'external'; name: string; ecosystem: Ecosystem }
  /** A reference that must be local (relative path, `#import`, path alias, module-internal Go package) but is not there. */
  | { kind: 'unresolved'; reason: string }
  /** The package itself (self-reference by name), or nothing can be said (e.g. no workspace root). */
  | { kind: 'unknown' };

export type Ecosystem = 'npm' | 'pypi' | 'go' | 'maven';

/** The document whose imports are being resolved. */
export interface Importer {
  /** Absolute workspace root. */
  root: string;
  /** Absolute path of the document. */
  file: string;
  language: ImportLanguage;
  /** Java: the document's `package` declaration. */
  javaPackage?: string;
}
