import type { Policy } from '../config/policy';
import { compileBoundaries } from '../boundaries/config';
import { BANNED_PACKAGE, LAYER_VIOLATION, PRIVATE_IMPORT, UNDECLARED_PACKAGE } from '../boundaries/rules';

/** A layer and, for each other layer in declaration order, whether its files may import it. */
export interface LayerExplained {
  name: string;
  description?: string;
  paths: string[];
  public?: string[];
  imports: {
    layer: string;
    allowed: boolean;
    /** Why not, when a `deny` entry says; absent when the layer is just missing from `allow`. */
    reason?: string;
  }[];
}

/** The `boundaries` section: layers with their decisions, the path's layer, and the package rules. */
export interface ImportsExplained {
  /** In declaration order; empty when no layers are declared. */
  layers: LayerExplained[];
  /** The first layer whose globs match the path asked about. */
  layer?: string;
  typeOnlyImports: 'check' | 'ignore';
  packages: { requireDeclared: boolean; allow: string[]; deny: { name: string; reason: string }[] };
  /** Which of the boundary rules are in force for the path. */
  enforced: { layerViolation: boolean; privateImport: boolean; undeclaredPackage: boolean; bannedPackage: boolean };
}

/** Undefined when no rule file has a `boundaries` section. */
export function explainImports(policy: Policy, relPath: string, inForce: (id: string) => boolean): ImportsExplained | undefined {
  const resolved = policy.resolved.boundaries;
  if (!resolved) {
    return undefined;
  }
  const b = compileBoundaries(resolved);
  const all = [...resolved.layers.values()];
  const layers = all.map((l): LayerExplained => ({
    name: l.name,
    ...(l.description && { description: l.description }),
    paths: l.paths,
    ...(l.public && { public: l.public }),
    imports: all
      .filter((o) => o.name !== l.name)
      .map((o) => {
        const d = b.decide(l.name, o.name);
        return { layer: o.name, allowed: d.allowed, ...(!d.allowed && d.via === 'deny' && { reason: d.reason }) };
      }),
  }));
  const layer = b.layerOf(relPath);
  const p = resolved.packages;
  return {
    layers,
    ...(layer !== undefined && { layer }),
    typeOnlyImports: resolved.typeOnlyImports,
    packages: { requireDeclared: p.requireDeclared, allow: p.allow, deny: p.deny.map((d) => ({ name: d.name, reason: d.reason })) },
    enforced: {
      layerViolation: inForce(LAYER_VIOLATION),
      privateImport: inForce(PRIVATE_IMPORT),
      undeclaredPackage: inForce(UNDECLARED_PACKAGE),
      bannedPackage: inForce(BANNED_PACKAGE),
    },
  };
}
