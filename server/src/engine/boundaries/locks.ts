import type { ResolvedBoundaries, ResolvedLayer } from './config';
import type { BoundariesConfig, LayerConfig } from './schema';
import type { SectionEntry } from '../config/section-source';
import { reportLocked, sameSet, type LockContext } from '../org-policy/lock-context';

// Locked `boundaries` sections. A lower layer may add layers, denials and an allow-list where the org
// has none, narrow a layer's public entries or an allow entry; it may not move an org layer's files,
// let a layer import more, allow packages, or stop checking type-only imports.

function layerWeaker(lower: Pick<LayerConfig, 'paths' | 'public'>, floor: ResolvedLayer): boolean {
  if (!sameSet(lower.paths, floor.paths)) {
    return true; // moving files in or out of a layer can take them out of its checks
  }
  return floor.public !== undefined && (lower.public === undefined || !lower.public.every((p) => floor.public?.includes(p)));
}

/** Whether an allow entry lets `from` import more than the org layer does. */
function allowWeaker(from: string, to: readonly string[], base: ResolvedBoundaries): boolean {
  if (!base.allow) {
    return false; // without an org allow-list, any allow-list restricts
  }
  const floor = base.allow.get(from);
  if (floor) {
    return !floor.to.includes('*') && !to.every((t) => t === from || floor.to.includes(t));
  }
  // An org layer without an allow entry may import no other layer; a layer only a lower file declares is its own business.
  return base.layers.has(from) && to.some((t) => t !== from);
}

export function checkBoundaryLocks(ctx: LockContext, lower: readonly SectionEntry<BoundariesConfig>[], base: ResolvedBoundaries | undefined): void {
  const { locks } = ctx;
  for (const { source: file, value: b } of lower) {
    if (!base) {
      continue;
    }
    if (locks.isSectionLocked('boundaries.layers')) {
      for (const [name, layer] of Object.entries(b.layers ?? {})) {
        const floor = base.layers.get(name);
        if (floor && layerWeaker(layer, floor)) {
          reportLocked(ctx, file, ['boundaries', 'layers', name], `redefine the layer "${name}" (boundaries.layers is locked)`, true);
        }
      }
    }
    if (locks.isSectionLocked('boundaries.allow')) {
      for (const [from, to] of Object.entries(b.allow ?? {})) {
        if (allowWeaker(from, to, base)) {
          reportLocked(ctx, file, ['boundaries', 'allow', from], `let layer "${from}" import more layers (boundaries.allow is locked)`, true);
        }
      }
    }
    if (locks.isSectionLocked('boundaries.packages') && b.packages) {
      if (b.packages.requireDeclared === false && base.packages.requireDeclared) {
        reportLocked(ctx, file, ['boundaries', 'packages', 'requireDeclared'], 'turn off boundaries.packages.requireDeclared');
      }
      b.packages.allow?.forEach((name, i) => {
        if (!base.packages.allow.includes(name)) {
          reportLocked(ctx, file, ['boundaries', 'packages', 'allow', i], `allow the undeclared package "${name}" (boundaries.packages is locked)`);
        }
      });
    }
    if (locks.isSectionLocked('boundaries.typeOnlyImports') && b.typeOnlyImports === 'ignore' && base.typeOnlyImports === 'check') {
      reportLocked(ctx, file, ['boundaries', 'typeOnlyImports'], 'stop layer-checking type-only imports');
    }
  }
}

/** Undoes, in the merged `boundaries`, whatever the lower layers loosened in a locked section. */
export function enforceBoundaryLocks(ctx: LockContext, base: ResolvedBoundaries | undefined, full: ResolvedBoundaries | undefined): void {
  if (!base || !full) {
    return;
  }
  const { locks } = ctx;
  if (locks.isSectionLocked('boundaries.layers')) {
    for (const [name, floor] of base.layers) {
      const merged = full.layers.get(name);
      if (!merged || layerWeaker(merged, floor)) {
        full.layers.set(name, floor);
      }
    }
  }
  if (locks.isSectionLocked('boundaries.allow') && base.allow && full.allow) {
    for (const [from, entry] of [...full.allow]) {
      if (allowWeaker(from, entry.to, base)) {
        const floor = base.allow.get(from);
        if (floor) {
          full.allow.set(from, floor);
        } else {
          full.allow.delete(from);
        }
      }
    }
  }
  if (locks.isSectionLocked('boundaries.deny')) {
    for (const d of base.deny) {
      if (!full.deny.some((x) => x.from === d.from && x.to === d.to && x.reason === d.reason)) {
        full.deny.push(d);
      }
    }
  }
  if (locks.isSectionLocked('boundaries.packages')) {
    full.packages.requireDeclared ||= base.packages.requireDeclared;
    full.packages.allow = full.packages.allow.filter((n) => base.packages.allow.includes(n));
    for (const d of base.packages.deny) {
      if (!full.packages.deny.some((x) => x.name === d.name)) {
        full.packages.deny.push(d);
      }
    }
  }
  if (locks.isSectionLocked('boundaries.typeOnlyImports') && base.typeOnlyImports === 'check') {
    full.typeOnlyImports = 'check';
  }
}
