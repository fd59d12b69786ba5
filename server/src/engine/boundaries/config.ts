import { Minimatch } from 'minimatch';
import type { ConfigProblem, Range } from '../types';
import { globMatcher } from '../text/globs';
import type { SectionSource } from '../config/section-source';
import type { BoundariesConfig } from './schema';
import { pushAll } from '../text/push-all';

export interface ResolvedLayer {
  name: string;
  paths: string[];
  public?: string[];
  description?: string;
  origin: string;
}

export interface ResolvedDeny {
  from: string;
  to: string;
  reason: string;
  origin: string;
}

/** The `boundaries` sections of a rule file and everything it extends, merged (later files win). */
export interface ResolvedBoundaries {
  /** By name, in declaration order; a later file redefining a layer replaces it. */
  layers: Map<string, ResolvedLayer>;
  /** Per importing layer, later files win; undefined when no file has `allow` (then only `deny` restricts). */
  allow?: Map<string, { to: string[]; origin: string }>;
  /** Every file's denials, concatenated. */
  deny: ResolvedDeny[];
  packages: {
    requireDeclared: boolean;
    allow: string[];
    deny: { name: string; reason: string; origin: string }[];
  };
  typeOnlyImports: 'check' | 'ignore';
  /** Layer names used in allow/deny, with where they were written, to report unknown ones. */
  references: { layer: string; file: string; range: Range; where: string }[];
}

/** The defaults a chain's first `boundaries` section is merged over. */
export function emptyBoundaries(): ResolvedBoundaries {
  return { layers: new Map(), deny: [], packages: { requireDeclared: true, allow: [], deny: [] }, typeOnlyImports: 'check', references: [] };
}

/** Merges one rule file's `boundaries` over what its `extends` chain produced (section.ts folds the chain). */
export function mergeBoundaries(b: ResolvedBoundaries, value: BoundariesConfig, src: SectionSource): ResolvedBoundaries {
  for (const [name, layer] of Object.entries(value.layers ?? {})) {
    b.layers.set(name, { name, paths: layer.paths, public: layer.public, description: layer.description, origin: src.origin });
  }
  if (value.allow) {
    b.allow ??= new Map();
    for (const [from, to] of Object.entries(value.allow)) {
      b.allow.set(from, { to, origin: src.origin });
      b.references.push({ layer: from, file: src.file, range: src.rangeOf(['boundaries', 'allow', from], true), where: 'boundaries.allow' });
      to.forEach((t, i) => b.references.push({ layer: t, file: src.file, range: src.rangeOf(['boundaries', 'allow', from, i]), where: `boundaries.allow.${from}` }));
    }
  }
  (value.deny ?? []).forEach((d, i) => {
    b.deny.push({ ...d, origin: src.origin });
    b.references.push({ layer: d.from, file: src.file, range: src.rangeOf(['boundaries', 'deny', i, 'from']), where: 'boundaries.deny' });
    b.references.push({ layer: d.to, file: src.file, range: src.rangeOf(['boundaries', 'deny', i, 'to']), where: 'boundaries.deny' });
  });
  const p = value.packages;
  if (p) {
    b.packages.requireDeclared = p.requireDeclared ?? b.packages.requireDeclared;
    pushAll(b.packages.allow, p.allow ?? []);
    pushAll(b.packages.deny, (p.deny ?? []).map((d) => ({ ...d, origin: src.origin })));
  }
  b.typeOnlyImports = value.typeOnlyImports ?? b.typeOnlyImports;
  return b;
}

/** Problems only visible once every file is merged: allow/deny naming layers that no file declares. */
export function boundaryProblems(b: ResolvedBoundaries | undefined): ConfigProblem[] {
  if (!b) {
    return [];
  }
  const declared = [...b.layers.keys()];
  return b.references
    .filter((r) => r.layer !== '*' && !b.layers.has(r.layer))
    .map((r) => ({
      file: r.file,
      range: r.range,
      severity: 'error' as const,
      message: `Unknown layer "${r.layer}" in ${r.where}. ${declared.length ? `Declared layers: ${declared.join(', ')}.` : 'Declare it in boundaries.layers.'}`,
    }));
}

export type LayerDecision =
  | { allowed: true }
  | { allowed: false; via: 'deny'; reason: string; origin: string }
  | { allowed: false; via: 'allow'; origin?: string };

type Matcher = (relPath: string) => boolean;

const MAX_LAYER_CACHE = 200_000;

/** Layer membership and decisions, compiled once per resolved config (see compileBoundaries). */
export class CompiledBoundaries {
  private readonly layerMatchers: { name: string; matches: Matcher; isPublic?: Matcher }[];
  private readonly layerCache = new Map<string, string | null>();
  private readonly packageAllow: Minimatch[];
  readonly packageDeny: { name: string; reason: string; origin: string; match: Minimatch }[];

  constructor(readonly config: ResolvedBoundaries) {
    this.layerMatchers = [...config.layers.values()].map((l) => ({
      name: l.name,
      matches: globMatcher(l.paths),
      isPublic: l.public ? globMatcher(l.public) : undefined,
    }));
    this.packageAllow = config.packages.allow.map((n) => new Minimatch(n));
    this.packageDeny = config.packages.deny.map((d) => ({ ...d, match: new Minimatch(d.name, { nocase: true }) }));
  }

  get hasLayers(): boolean {
    return this.layerMatchers.length > 0;
  }

  /** The layer a workspace-relative path belongs to: the first declared layer whose globs match. */
  layerOf(relPath: string): string | undefined {
    let l = this.layerCache.get(relPath);
    if (l === undefined) {
      l = relPath.startsWith('../') ? null : (this.layerMatchers.find((m) => m.matches(relPath))?.name ?? null);
      if (this.layerCache.size >= MAX_LAYER_CACHE) {
        this.layerCache.clear();
      }
      this.layerCache.set(relPath, l);
    }
    return l ?? undefined;
  }

  /** Whether a file of `layer` may be imported from outside the layer. */
  isPublic(layer: string, relPath: string): boolean {
    const m = this.layerMatchers.find((x) => x.name === layer);
    return !m?.isPublic || m.isPublic(relPath);
  }

  publicEntries(layer: string): string[] {
    return this.config.layers.get(layer)?.public ?? [];
  }

  /** Whether `from` may import `to` (different layers): deny wins, then the allow list when there is one. */
  decide(from: string, to: string): LayerDecision {
    if (from === to) {
      return { allowed: true };
    }
    const denied = this.config.deny.find((d) => (d.from === from || d.from === '*') && (d.to === to || d.to === '*'));
    if (denied) {
      return { allowed: false, via: 'deny', reason: denied.reason, origin: denied.origin };
    }
    if (!this.config.allow) {
      return { allowed: true };
    }
    const entry = this.config.allow.get(from);
    if (entry && (entry.to.includes(to) || entry.to.includes('*'))) {
      return { allowed: true };
    }
    return { allowed: false, via: 'allow', origin: entry?.origin };
  }

  /** "'ui' may import: domain, shared." — what IS allowed, for messages. */
  describeAllowed(from: string): string {
    const others = [...this.config.layers.keys()].filter((l) => l !== from);
    if (!this.config.allow) {
      const denied = others.filter((l) => !this.decide(from, l).allowed);
      return denied.length === others.length ? `'${from}' may import no other layer.` : `'${from}' may import any layer except: ${denied.join(', ')}.`;
    }
    const allowed = others.filter((l) => this.decide(from, l).allowed);
    return allowed.length ? `'${from}' may import: ${allowed.join(', ')}.` : `'${from}' may import no other layer.`;
  }

  packageAllowed(name: string): boolean {
    return this.packageAllow.some((m) => m.match(name));
  }
}

const compiled = new WeakMap<ResolvedBoundaries, CompiledBoundaries>();

export function compileBoundaries(b: ResolvedBoundaries): CompiledBoundaries {
  let c = compiled.get(b);
  if (!c) {
    c = new CompiledBoundaries(b);
    compiled.set(b, c);
  }
  return c;
}
