// The instruction sections about imports: layers and what each may import, and packages.
import type { LayerExplained } from '../engine/explain';
import { hasLayers, type Facts } from './facts';
import { code, codes, prose } from './markdown';

/** The layers a layer may import, and those it may not (with a reason when a `deny` entry gives one). */
export function layerRules(l: LayerExplained): { allowed: string[]; denied: { layer: string; reason?: string }[] } {
  return {
    allowed: l.imports.filter((i) => i.allowed).map((i) => i.layer),
    denied: l.imports.filter((i) => !i.allowed).map((i) => ({ layer: i.layer, ...(i.reason !== undefined && { reason: i.reason }) })),
  };
}

function layerLine(facts: Facts, l: LayerExplained): string {
  const { allowed, denied } = layerRules(l);
  const parts: string[] = [];
  if (facts.policy.imports?.enforced.layerViolation) {
    parts.push(allowed.length ? `may import ${codes(allowed)}` : 'may import no other layer');
    const reasons = denied.filter((d) => d.reason);
    if (reasons.length) {
      parts.push(`never ${reasons.map((d) => `${code(d.layer)} (${prose(d.reason!)})`).join(', ')}`);
    }
  }
  return parts.join('; ');
}

export function layers(facts: Facts): string[] {
  const i = facts.policy.imports;
  if (!i || !hasLayers(facts)) {
    return [];
  }
  const out = ['### Architecture: layers and allowed imports', ''];
  out.push('A file belongs to the first layer whose paths match it. Import only what its layer may import (a layer may always import its own files):', '');
  for (const l of i.layers) {
    const rule = layerLine(facts, l);
    out.push(`- ${code(l.name)}${l.description ? ` — ${prose(l.description)}` : ''} (${codes(l.paths)})${rule ? `: ${rule}` : ''}`);
  }
  const publicLayers = i.layers.filter((l) => l.public && l.public.length > 0);
  if (i.enforced.privateImport && publicLayers.length > 0) {
    out.push('', 'From outside a layer, import only its public entry points:', '');
    for (const l of publicLayers) {
      out.push(`- ${code(l.name)}: ${codes(l.public!)}`);
    }
  }
  if (i.typeOnlyImports === 'ignore' && i.enforced.layerViolation) {
    out.push('', 'Type-only imports are not layer-checked.');
  }
  return out;
}

export function packages(facts: Facts): string[] {
  const i = facts.policy.imports;
  if (!i) {
    return [];
  }
  const p = i.packages;
  const out: string[] = [];
  if (i.enforced.undeclaredPackage && p.requireDeclared) {
    out.push(
      '- Import a third-party package only when the nearest manifest declares it (package.json, requirements*.txt or pyproject.toml, go.mod); add the declaration in the same change. Never guess a package name.',
    );
    if (p.allow.length) {
      out.push(`- Provided by the runtime, no declaration needed: ${codes([...new Set(p.allow)])}.`);
    }
  }
  if (i.enforced.bannedPackage && p.deny.length) {
    out.push('- Banned packages (built-in modules count too):');
    for (const d of p.deny) {
      out.push(`  - ${code(d.name)}: ${prose(d.reason)}`);
    }
  }
  return out.length ? ['### Packages', '', ...out] : [];
}
