// TypeScript `paths` patterns and package.json `imports`/`exports` subpath maps, with their precedence rules.
import type { TsPaths } from './tsconfig';

/** Conditions considered active in package.json `imports` (first matching key in object order wins). */
const ACTIVE_CONDITIONS = new Set(['types', 'typescript', 'source', 'development', 'node', 'import', 'require', 'module', 'module-sync', 'default']);

interface PathsMatch {
  pattern: string;
  targets: string[];
}

/** TypeScript's rule: an exact pattern wins, else the matching wildcard pattern with the longest prefix. */
export function matchPaths(spec: string, paths: TsPaths['paths']): PathsMatch | undefined {
  let best: { p: NonNullable<typeof paths>[number]; star: string } | undefined;
  for (const p of paths ?? []) {
    if (!p.wildcard) {
      if (p.pattern === spec) {
        return { pattern: p.pattern, targets: p.targets };
      }
      continue;
    }
    if (spec.length >= p.prefix.length + p.suffix.length && spec.startsWith(p.prefix) && spec.endsWith(p.suffix)) {
      if (!best || p.prefix.length > best.p.prefix.length) {
        best = { p, star: spec.slice(p.prefix.length, spec.length - p.suffix.length) };
      }
    }
  }
  return best ? { pattern: best.p.pattern, targets: best.p.targets.map((t) => t.replace('*', best!.star)) } : undefined;
}

/** package.json `imports`/`exports`-style subpath map: exact key, else `*` pattern with the longest prefix. */
export function matchSubpathMap(map: Record<string, unknown>, spec: string): string | undefined {
  if (spec in map && !spec.includes('*')) {
    return conditionTarget(map[spec]);
  }
  let best: { key: string; star: string } | undefined;
  for (const key of Object.keys(map)) {
    const star = key.indexOf('*');
    if (star === -1) {
      continue;
    }
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (spec.length >= key.length - 1 && spec.startsWith(prefix) && spec.endsWith(suffix) && (!best || prefix.length > best.key.indexOf('*'))) {
      best = { key, star: spec.slice(prefix.length, spec.length - suffix.length) };
    }
  }
  if (!best) {
    return undefined;
  }
  return conditionTarget(map[best.key])?.split('*').join(best.star);
}

function conditionTarget(v: unknown): string | undefined {
  if (typeof v === 'string') {
    return v;
  }
  if (Array.isArray(v)) {
    for (const x of v) {
      const t = conditionTarget(x);
      if (t !== undefined) {
        return t;
      }
    }
    return undefined;
  }
  if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) {
      if (ACTIVE_CONDITIONS.has(k)) {
        const t = conditionTarget(x);
        if (t !== undefined) {
          return t;
        }
      }
    }
  }
  return undefined;
}
