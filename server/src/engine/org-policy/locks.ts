import { SECTIONS } from '../sections';
import { LOCKABLE_SECTIONS, type LockedConfig } from './schema';
import type { SectionLocks } from './lock-context';

/** The rules that enforce each lockable section, from each section's `lockable` (locking a section locks them too). */
const SECTION_RULES = new Map<string, readonly string[]>(SECTIONS.flatMap((s) => Object.entries(s.lockable).map(([k, ids]) => [`${s.key}.${k}`, ids] as const)));

/** `*` matches any run of characters, `/` included; everything else is literal. */
export function ruleGlobMatcher(glob: string): (id: string) => boolean {
  if (!glob.includes('*')) {
    return (id) => id === glob;
  }
  const re = new RegExp(`^${glob.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\/-]/g, '\\$&')).join('.*')}$`);
  return (id) => re.test(id);
}

/** The `locked` key of an org ruleset, compiled. */
export class OrgLocks implements SectionLocks {
  private readonly ruleMatchers: { glob: string; matches: (id: string) => boolean }[];
  private readonly sectionSet: Set<string>;
  private readonly impliedRules = new Map<string, string>();

  constructor(readonly config: LockedConfig = {}) {
    this.ruleMatchers = (config.rules ?? []).map((glob) => ({ glob, matches: ruleGlobMatcher(glob) }));
    this.sectionSet = new Set(config.sections ?? []);
    for (const s of LOCKABLE_SECTIONS) {
      if (this.isSectionLocked(s)) {
        for (const id of SECTION_RULES.get(s) ?? []) {
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
  isSectionLocked(section: string): boolean {
    if (this.sectionSet.has(section)) {
      return true;
    }
    const dot = section.indexOf('.');
    return dot > 0 && this.sectionSet.has(section.slice(0, dot));
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
