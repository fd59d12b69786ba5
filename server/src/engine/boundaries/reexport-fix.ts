import * as path from 'path';
import type { Fix } from '../types';
import type { DocumentContext } from '../check/document-context';
import { extractImports, resolveImport } from '../imports';
import { readText } from '../imports/fs-cache';
import { lex } from '../text/lexer';
import { syntaxFor } from '../text/languages';
import type { CompiledBoundaries } from './config';

const GLOB_CHARS = /[*?{}[\]]/;
const SOURCE_EXT = /\.(d\.ts|tsx?|mts|cts|jsx?|mjs|cjs)$/;

/**
 * "Import it through layer X instead": for a forbidden JS/TS import of named symbols, a public entry
 * point of a layer the importer may use that re-exports all of them from the same file. Only literal
 * `public` entries are looked at (read through the file cache), never a project graph.
 */
export function reexportFix(
  ctx: DocumentContext,
  b: CompiledBoundaries,
  root: string,
  imp: { start: number; end: number; target: string; fromLayer: string; toLayer: string },
): Fix[] {
  const names = importedNames(ctx.text, imp.start);
  if (!names) {
    return [];
  }
  const fixes: Fix[] = [];
  for (const layer of b.config.layers.keys()) {
    if (layer === imp.toLayer || layer === imp.fromLayer || !b.decide(imp.fromLayer, layer).allowed) {
      continue;
    }
    for (const entry of b.publicEntries(layer).filter((e) => !GLOB_CHARS.test(e))) {
      if (reexports(root, entry, imp.target, names)) {
        const quote = ctx.text[imp.start];
        const specifier = specifierFor(ctx.doc.relPath, entry, ctx.text.slice(imp.start + 1, imp.end - 1));
        fixes.push({
          title: `Import from layer '${layer}' instead ('${specifier}' re-exports ${names.join(', ')})`,
          edits: [{ range: ctx.lines.rangeOf(imp.start, imp.end), newText: `${quote}${specifier}${quote}` }],
          safe: false,
        });
      }
    }
  }
  return fixes;
}

/** `import { a, b as c, type D } from '…'` → [a, b, D]; undefined for default or namespace imports. */
function importedNames(text: string, specifierStart: number): string[] | undefined {
  const statement = text.slice(text.lastIndexOf('import', specifierStart), specifierStart);
  const braces = /^import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*$/.exec(statement);
  if (!braces) {
    return undefined;
  }
  const names = braces[1]
    .split(',')
    .map((s) => s.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0])
    .filter(Boolean);
  return names.length > 0 ? names : undefined;
}

/** Whether `entry` has `export * from` or `export { …names } from` a module that resolves to `target`. */
function reexports(root: string, entry: string, target: string, names: string[]): boolean {
  const file = path.join(root, entry);
  const text = readText(file);
  if (text === undefined) {
    return false;
  }
  const refs = extractImports(text, 'js', entry, () => lex(text, syntaxFor(undefined, entry)));
  return refs.some((ref) => {
    if (ref.kind !== 'export') {
      return false;
    }
    const r = resolveImport(ref, { root, file, language: 'js' });
    if (r.kind !== 'local' || r.relPath !== target) {
      return false;
    }
    const clause = text.slice(text.lastIndexOf('export', ref.start), ref.start);
    if (/^export\s*\*\s*from\s*$/.test(clause)) {
      return true;
    }
    const exported = /\{([^}]*)\}/.exec(clause)?.[1].split(',').map((s) => s.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop() as string) ?? [];
    return names.every((n) => exported.includes(n));
  });
}

/** The specifier from the importing file to `entry`, in the style of the one it replaces. */
function specifierFor(fromRel: string, entry: string, original: string): string {
  let rel = path.posix.relative(path.posix.dirname(fromRel), entry).replace(SOURCE_EXT, '');
  rel = rel.replace(/(^|\/)index$/, '') || '.';
  if (/\.(m?js|cjs)$/.test(original) && !rel.endsWith('.')) {
    rel += '.js';
  }
  return rel.startsWith('.') ? rel : `./${rel}`;
}
