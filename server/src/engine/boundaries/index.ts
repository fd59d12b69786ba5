// Architectural boundaries and dependency hygiene (issue 6): the public surface for hosts and tests.
import { invalidateFsCache } from '../imports/fs-cache';

export { boundariesSchema, layerSchema, type BoundariesConfig, type LayerConfig } from './schema';
export { BOUNDARY_RULES, BOUNDARY_RULE_IDS, LAYER_VIOLATION, PRIVATE_IMPORT, UNDECLARED_PACKAGE, BANNED_PACKAGE, UNRESOLVED_IMPORT } from './rules';
export { mergeBoundaries, boundaryProblems, compileBoundaries, CompiledBoundaries, type ResolvedBoundaries, type LayerDecision } from './config';
export { checkBoundaries, analyzeDocument, type AnalyzedDocument, type AnalyzedImport, type BoundaryCheckOptions } from './check-boundaries';
export type { ManifestFix } from './packages';

/**
 * Forgets cached file-system facts after a change on disk: pass the changed file's absolute path (created,
 * changed or deleted), or nothing to drop everything (e.g. after a branch switch). Cheap: caches refill
 * lazily, per checked document. The language server calls it from onDidChangeWatchedFiles.
 */
export function invalidateBoundaryCaches(changedFile?: string): void {
  invalidateFsCache(changedFile);
}
