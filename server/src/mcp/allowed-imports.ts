// The MCP tool allowed_imports: for one path, its layer, which layers it may and may not import (and why),
// and the package rules with the nearest manifest's declarations.
import * as path from 'path';
import { syntaxFor } from '../engine';
import { invalidateBoundaryCaches } from '../engine/boundaries';
import { LAYER_VIOLATION, PRIVATE_IMPORT } from '../engine/boundaries/rules';
import { explainPolicy, inForce } from '../engine/explain';
import { importLanguage, nearestGoMod, nearestPackageJson, nearestPythonManifest } from '../engine/imports';
import type { McpWorkspace } from './workspace';

export interface AllowedImportsResult {
  path: string;
  /** The file's layer (the first declared layer whose paths match), or null. */
  layer: string | null;
  layerDescription?: string;
  /** Whether boundaries/layer-violation and boundaries/private-import are in force for this path. */
  layerChecks: { layerViolation: boolean; privateImport: boolean };
  mayImportLayers: { layer: string; paths: string[]; publicEntryPoints?: string[] }[];
  mustNotImportLayers: { layer: string; paths: string[]; reason: string }[];
  /** The layer's own public entry points: what other layers may import from it. */
  ownPublicEntryPoints?: string[];
  typeOnlyImports?: 'check' | 'ignore';
  packages: {
    /** boundaries/undeclared-package in force and requireDeclared. */
    mustBeDeclared: boolean;
    /** The nearest manifest for this file's language and what it declares (null when there is none). */
    manifest: { file: string; declared: string[] } | null;
    allowedWithoutDeclaration: string[];
    banned: { name: string; reason: string }[];
  };
  notes: string[];
}

export function allowedImports(ws: McpWorkspace, input: string): AllowedImportsResult {
  invalidateBoundaryCaches();
  const relPath = ws.relPath(input);
  const { policy } = ws.policy();
  const x = explainPolicy(policy, relPath);
  const i = x.imports;
  const notes: string[] = [];
  const layer = i?.layer;
  const layerChecks = { layerViolation: inForce(x, LAYER_VIOLATION), privateImport: inForce(x, PRIVATE_IMPORT) };
  const may: AllowedImportsResult['mayImportLayers'] = [];
  const mustNot: AllowedImportsResult['mustNotImportLayers'] = [];
  if (!i) {
    notes.push('The rule file has no "boundaries" section: imports are not checked for layers or packages.');
  } else if (i.layers.length === 0) {
    notes.push('No layers are declared (boundaries.layers): any local import is allowed.');
  } else if (!layer) {
    notes.push(`${relPath} belongs to no layer: its imports are not layer-checked, but private files of layers with public entry points stay private.`);
  }
  const own = i?.layers.find((l) => l.name === layer);
  for (const l of i?.layers ?? []) {
    if (l.name === layer) {
      continue;
    }
    const d = own && layerChecks.layerViolation ? own.imports.find((e) => e.layer === l.name) : undefined;
    if (!d || d.allowed) {
      may.push({ layer: l.name, paths: l.paths, ...(layerChecks.privateImport && l.public?.length && { publicEntryPoints: l.public }) });
    } else {
      mustNot.push({ layer: l.name, paths: l.paths, reason: d.reason ?? `not in boundaries.allow for "${layer}"` });
    }
  }
  const p = i?.packages;
  return {
    path: relPath,
    layer: layer ?? null,
    ...(own?.description && { layerDescription: own.description }),
    layerChecks,
    mayImportLayers: may,
    mustNotImportLayers: mustNot,
    ...(own?.public?.length && { ownPublicEntryPoints: own.public }),
    ...(i && { typeOnlyImports: i.typeOnlyImports }),
    packages: {
      mustBeDeclared: !!p && p.requireDeclared && i.enforced.undeclaredPackage,
      manifest: manifestFor(ws, relPath),
      allowedWithoutDeclaration: p ? [...new Set(p.allow)] : [],
      banned: p && i.enforced.bannedPackage ? p.deny : [],
    },
    notes,
  };
}

/** The manifest nearest to the file for its language, with its declared dependencies (sorted). */
function manifestFor(ws: McpWorkspace, relPath: string): { file: string; declared: string[] } | null {
  const lang = importLanguage(syntaxFor(undefined, relPath).id);
  const dir = path.dirname(ws.absolute(relPath));
  const sorted = (xs: Iterable<string>): string[] => [...xs].sort();
  if (lang === 'js') {
    const pkg = nearestPackageJson(dir, ws.root);
    return pkg ? { file: ws.relative(pkg.file), declared: sorted(pkg.declared) } : null;
  }
  if (lang === 'python') {
    const m = nearestPythonManifest(dir, ws.root);
    return m ? { file: m.files.map((f) => ws.relative(f)).join(', '), declared: sorted(m.declared) } : null;
  }
  if (lang === 'go') {
    const m = nearestGoMod(dir, ws.root);
    return m ? { file: ws.relative(m.file), declared: sorted(m.requires) } : null;
  }
  return null;
}

