import type * as EsModuleLexer from 'es-module-lexer' with { 'resolution-mode': 'import' };
import type { ImportRef } from '../types';
import { clauseTypeOnly } from './grammar';
import { scanJs } from './scanner';

// es-module-lexer is an ES module with a CommonJS build (dist/lexer.cjs, Wasm compiled synchronously on
// first use). The server is CommonJS, so it is required; esbuild bundles it like any import.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('es-module-lexer') as typeof EsModuleLexer;

export type JsParser = 'es-module-lexer' | 'scanner';

/** Prefilter only: files without a `require(` anywhere (most ESM sources) skip the tokenizer pass. */
const REQUIRE_CALL = /\brequire\s*\(/;

export interface JsImportOptions {
  /** Test hook: force the fallback tokenizer. */
  parser?: JsParser;
}

/** Files where `<` can open JSX (es-module-lexer does not lex JSX, so they go to the tokenizer directly). */
export function jsxEnabled(relPath: string): boolean {
  return !/\.(ts|mts|cts)$/i.test(relPath);
}

/**
 * Module references of a JS/TS document, in code only. ESM-only sources go to es-module-lexer (Wasm,
 * exact TS type-only handling); sources with `require(` or JSX, and anything es-module-lexer rejects
 * (code in the middle of being typed), go to our own tokenizer (scanJs), which a differential test
 * holds to es-module-lexer's results on real code. When es-module-lexer is forced (tests), a
 * require-only tokenizer pass adds the `require()` calls.
 */
export function jsImports(text: string, relPath: string, options: JsImportOptions = {}): ImportRef[] {
  const refs = jsImportsOf(text, relPath, options);
  if (/\.d\.[mc]?ts$/i.test(relPath)) {
    refs.forEach((r) => (r.typeOnly = true)); // declaration files have no runtime dependencies
  }
  return refs;
}

function jsImportsOf(text: string, relPath: string, options: JsImportOptions): ImportRef[] {
  const jsx = jsxEnabled(relPath);
  // One pass per file: the tokenizer when it has to run anyway (JSX, `require(` calls), else es-module-lexer.
  const hasRequire = REQUIRE_CALL.test(text);
  const parser = options.parser ?? (hasRequire || /\.(jsx|tsx)$/i.test(relPath) ? 'scanner' : 'es-module-lexer');
  const refs = parser === 'es-module-lexer' ? esmImports(text) : undefined;
  if (!refs) {
    return scanJs(text, { jsx, esm: true });
  }
  if (hasRequire) {
    const seen = new Set(refs.map((r) => r.start));
    for (const r of scanJs(text, { jsx, esm: false })) {
      if (!seen.has(r.start)) {
        refs.push(r);
      }
    }
    refs.sort((a, b) => a.start - b.start);
  }
  return refs;
}

/** es-module-lexer's view, or undefined when it cannot lex the source. */
function esmImports(text: string): ImportRef[] | undefined {
  let imports;
  try {
    [imports] = parse(text);
  } catch {
    return undefined;
  }
  const out: ImportRef[] = [];
  for (const imp of imports) {
    if (imp.type === 'import-meta') {
      continue;
    }
    if (imp.type === 'dynamic') {
      if (imp.specifier === undefined || imp.glob) {
        continue; // not a literal: `import(x)`, `import(\`./${x}\`)`
      }
      out.push({ specifier: imp.specifier, start: imp.start, end: imp.end, kind: 'dynamic', typeOnly: imp.probablyTypeOnly });
      continue;
    }
    // Static: start/end exclude the quotes; report the whole literal.
    const quoted = imp.start > 0 && /['"]/.test(text[imp.start - 1]);
    const start = quoted ? imp.start - 1 : imp.start;
    const end = quoted ? imp.end + 1 : imp.end;
    const head = text.slice(imp.importStart, start);
    const keyword = head.startsWith('export') ? 'export' : 'import';
    const typeOnly = imp.typeOnly || (head.includes('type') && clauseTypeOnly(keyword, clauseTokens(head)));
    out.push({ specifier: imp.specifier, start, end, kind: keyword, typeOnly });
  }
  return out;
}

/** Tokens of a short `import … from` head (the clause es-module-lexer already delimited). */
function clauseTokens(head: string): string[] {
  return head.replace(/^(import|export)/, '').match(/[A-Za-z_$][\w$]*|[{},*]/g) ?? [];
}
