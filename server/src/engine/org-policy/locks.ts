import { ATTRIBUTION_REMOVED, BLOCK_TOO_LARGE, EXCLUDED_PATH, FORBIDDEN_PATH, MALFORMED_REVIEW, MISSING_TEST, SELF_REVIEW, UNKNOWN_USE_CASE, UNREVIEWED, USE_CASE_NOT_APPROVED } from '../ai-policy/rules';
import { BANNED_PACKAGE, LAYER_VIOLATION, PRIVATE_IMPORT, UNDECLARED_PACKAGE } from '../boundaries/rules';
import { LOCKABLE_SECTIONS, type LockableSection, type LockedConfig } from './schema';

/** The rules that enforce a section: locking the section locks them too (else `off` would undo it). */
const SECTION_RULES: Partial<Record<LockableSection, string[]>> = {
  'ai.forbidden': [FORBIDDEN_PATH],
  'ai.excluded': [EXCLUDED_PATH],
  'ai.review': [UNREVIEWED, SELF_REVIEW, MALFORMED_REVIEW, ATTRIBUTION_REMOVED],
  'ai.useCases': [USE_CASE_NOT_APPROVED, UNKNOWN_USE_CASE, BLOCK_TOO_LARGE, MISSING_TEST],
  'ai.unclassified': [USE_CASE_NOT_APPROVED],
  'boundaries.layers': [LAYER_VIOLATION, PRIVATE_IMPORT],
  'boundaries.allow': [LAYER_VIOLATION],
  'boundaries.deny': [LAYER_VIOLATION],
  'boundaries.typeOnlyImports': [LAYER_VIOLATION],
  'boundaries.packages': [UNDECLARED_PACKAGE, BANNED_PACKAGE],
};

/** `*` matches any run of characters, `/` included; everything else is literal. */
export function ruleGlobMatcher(glob: string): (id: string) => boolean {
  if (!glob.includes('*')) {
    return (id) => id === glob;
  }
  const re = new RegExp(`^${glob.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\/-]/g, '\\$&')).join('.*')}$`);
  return (id) => re.test(id);
}

/** The `locked` key of an org ruleset, compiled. */
export class OrgLocks {
  private readonly ruleMatchers: { glob: string; matches: (id: string) => boolean }[];
  private readonly sectionSet: Set<LockableSection>;
  private readonly impliedRules = new Map<string, LockableSection>();

  constructor(readonly config: LockedConfig = {}) {
    this.ruleMatchers = (config.rules ?? []).map((glob) => ({ glob, matches: ruleGlobMatcher(glob) }));
    this.sectionSet = new Set(config.sections ?? []);
    for (const s of LOCKABLE_SECTIONS) {
      if (this.isSectionLocked(s)) {
        for (const id of SECTION_RULES[s] ?? []) {
          if (!this.impliedRules.has(id)) {
            this.impliedRules.set(id, s);
          }
        }
      }
    }
  }

  get reason(): string | undefined {
    return this.config.reason;
  }

  get isEmpty(): boolean {
    return this.ruleMatchers.length === 0 && this.sectionSet.size === 0;
  }

  /** Whether any rule is locked, by a `rules` entry or through a locked section. */
  get locksRules(): boolean {
    return this.ruleMatchers.length > 0 || this.impliedRules.size > 0;
  }

  /** Whether a rule is locked, by a `rules` entry or through a locked section that it enforces. */
  isRuleLocked(id: string): boolean {
    return this.impliedRules.has(id) || this.ruleMatchers.some((m) => m.matches(id));
  }

  /** What locks a rule, for messages: the `rules` glob, or the section. */
  lockedBy(id: string): string | undefined {
    const m = this.ruleMatchers.find((x) => x.matches(id));
    if (m) {
      return m.glob === id ? undefined : `"${m.glob}"`;
    }
    const s = this.impliedRules.get(id);
    return s ? `section ${s}` : undefined;
  }

  /** `ai.review` is locked by `ai.review` or by `ai`. */
  isSectionLocked(section: LockableSection): boolean {
    if (this.sectionSet.has(section)) {
      return true;
    }
    const dot = section.indexOf('.');
    return dot > 0 && this.sectionSet.has(section.slice(0, dot) as LockableSection);
  }

  /** Locked rule globs and sections as written, for listings. */
  describe(): { rules: string[]; sections: string[]; impliedRules: string[] } {
    return {
      rules: this.ruleMatchers.map((m) => m.glob),
      sections: [...this.sectionSet],
      impliedRules: [...this.impliedRules.keys()],
    };
  }
}
