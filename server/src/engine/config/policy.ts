import type { SeveritySetting } from '../types';
import { codeRules } from '../registry/registry';
import { globMatcher, type PathMatcher } from '../text/globs';
import type { EffectiveRule, PolicyView, ResolvedConfig, ResolvedPattern, RuleSetting } from './types';
import type { OrgEnforcement } from '../org-policy/enforcement';

interface CompiledPattern {
  pattern: ResolvedPattern;
  applies: PathMatcher;
  // The globs look only at the file's extension (**/*.ts, **/*.{js,py}, or no globs at all).
  byExtension: boolean;
}

// A glob like **/*.ext or **/*.{a,b}: every path with that extension matches it, and no other.
const EXTENSION_GLOB = /^\*\*\/\*(\.[A-Za-z0-9_+-]+|\.\{[A-Za-z0-9_+,.-]+\})?$/;

/**
 * A resolved config ready to answer "which rules apply to this file, at which severity".
 * Answers are cached per combination of matching overrides, so a workspace costs a few entries.
 */
export class Policy implements PolicyView {
  /** Files no rule checks: the `ignore` globs, or with org-locked rules only the org layer's (see rulesFor). */
  readonly isIgnored: PathMatcher;
  /** Files the merged `ignore` names (every layer's globs); with locked rules, only locked rules run there. */
  private readonly mergedIgnored: PathMatcher;
  private readonly patterns: CompiledPattern[];
  private readonly overrides: { applies: PathMatcher; rules: Map<string, RuleSetting>; origin: string }[];
  private readonly cache = new Map<string, Map<string, EffectiveRule>>();
  private readonly extensionCache = new Map<string, boolean[]>();

  /** `org`: the org layer's locks (org rulesets, issue 8); locked rules cannot be weakened by lower layers. */
  constructor(
    readonly resolved: ResolvedConfig,
    readonly org?: OrgEnforcement,
  ) {
    this.mergedIgnored = globMatcher(resolved.ignore);
    // A locked rule runs wherever the org says: a lower layer's ignore globs silence only its own rules.
    this.isIgnored = org?.locksRules ? org.floor.isIgnored : this.mergedIgnored;
    this.patterns = [...resolved.patterns.values()].map((pattern) => {
      const include = pattern.paths ? globMatcher(pattern.paths) : () => true;
      const exclude = globMatcher(pattern.exclude ?? []);
      const byExtension = !pattern.exclude?.length && (pattern.paths ?? ['**/*']).every((g) => EXTENSION_GLOB.test(g));
      return { pattern, applies: (p: string) => include(p) && !exclude(p), byExtension };
    });
    this.overrides = resolved.overrides.map((o) => {
      const inc = globMatcher(o.files);
      const exc = globMatcher(o.excludedFiles);
      return { applies: (p: string) => inc(p) && !exc(p), rules: o.rules, origin: o.origin };
    });
  }

  get name(): string {
    return this.resolved.name;
  }

  /** Every rule id this config knows, code rules and patterns. */
  knows(id: string): boolean {
    return this.resolved.patterns.has(id) || codeRules().some((r) => r.id === id);
  }

  /**
   * Whether an org ruleset locks this rule: inline suppressions of it have no effect and its
   * findings cannot be baselined.
   */
  isLocked(ruleId: string): boolean {
    return this.org?.isLocked(ruleId) ?? false;
  }

  /** Enabled rules for a workspace-relative posix path, keyed by id. */
  rulesFor(relPath: string): Map<string, EffectiveRule> {
    const matching = this.overrides.flatMap((o, i) => (o.applies(relPath) ? [i] : []));
    // Ignored by a lower layer but not by the org: only the locked rules, at the org layer's setting.
    const lockedOnly = this.isIgnored !== this.mergedIgnored && this.mergedIgnored(relPath) && !this.isIgnored(relPath);
    const key = `${lockedOnly ? 'locked:' : ''}${matching.join(',')}`;
    let rules = this.cache.get(key);
    if (!rules) {
      rules = lockedOnly ? new Map<string, EffectiveRule>() : this.computeRules(matching);
      this.org?.enforce(relPath, rules); // locked rules: never weaker than the org layer sets them
      this.cache.set(key, rules);
    }
    return rules;
  }

  /** Patterns whose `paths`/`exclude` select this file (severity still comes from `rulesFor`). */
  patternsFor(relPath: string): ResolvedPattern[] {
    // Most `paths` are `**/*.ext` globs, decided by the extension alone: decide those once per extension.
    const base = relPath.slice(relPath.lastIndexOf('/') + 1);
    const ext = base.includes('.') ? base.slice(base.lastIndexOf('.')) : '';
    let byExt = this.extensionCache.get(ext);
    if (!byExt) {
      const probe = `x/x${ext}`;
      byExt = this.patterns.map((p) => p.byExtension && p.applies(probe));
      this.extensionCache.set(ext, byExt);
    }
    const decided = byExt;
    return this.patterns.filter((p, i) => (p.byExtension ? decided[i] : p.applies(relPath))).map((p) => p.pattern);
  }

  private computeRules(overrideIndexes: number[]): Map<string, EffectiveRule> {
    const out = new Map<string, EffectiveRule>();
    const apply = (id: string, s: RuleSetting, origin: string): void => {
      const prev = out.get(id);
      const severity: SeveritySetting = s.severity;
      if (severity === 'off') {
        out.delete(id);
        return;
      }
      out.set(id, {
        id,
        severity,
        aiSeverity: s.aiSeverity ?? prev?.aiSeverity,
        ...((s.aiOnly ?? prev?.aiOnly) !== undefined && { aiOnly: s.aiOnly ?? prev?.aiOnly }), // AI policy: only when set
        origin,
      });
    };
    for (const r of codeRules()) {
      if (r.defaultSeverity !== 'off') {
        apply(r.id, { severity: r.defaultSeverity }, 'built-in');
      }
    }
    for (const p of this.resolved.patterns.values()) {
      apply(p.id, { severity: p.severity, aiSeverity: p.aiSeverity, aiOnly: p.aiOnly }, p.origin);
    }
    for (const [id, s] of this.resolved.rules) {
      apply(id, s, s.origin);
    }
    for (const i of overrideIndexes) {
      const o = this.overrides[i];
      for (const [id, s] of o.rules) {
        apply(id, s, o.origin);
      }
    }
    return out;
  }
}
