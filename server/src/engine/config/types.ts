import type { Severity, SeveritySetting } from '../types';
import type { PatternRuleConfig } from './rule-schemas';
import type { ResolvedAiPolicy } from '../ai-policy/merge';
import type { ResolvedBoundaries } from '../boundaries/config';

// The shapes config/ produces and every check reads: the merged rule files and the rules in force
// for a path. At the bottom of the engine: the sections and the checks import these, never Policy.

export interface RuleSetting {
  severity: SeveritySetting;
  aiSeverity?: Severity;
  /** Report only inside AI-generated regions (AI policy; honoured by pattern-check.ts). */
  aiOnly?: boolean;
}

export interface EffectiveRule {
  id: string;
  severity: Severity;
  aiSeverity?: Severity;
  /** Report only inside AI-generated regions (AI policy; honoured by pattern-check.ts). Inherited like aiSeverity. */
  aiOnly?: boolean;
  origin: string;
}

export interface ResolvedPattern extends PatternRuleConfig {
  compiled: RegExp;
  origin: string;
}

export interface ResolvedOverride {
  files: string[];
  excludedFiles: string[];
  rules: Map<string, RuleSetting>;
  origin: string;
}

/** The merged value of each rule-file section (config/section.ts); a new section adds its key here. */
export interface SectionValues {
  ai: ResolvedAiPolicy;
  boundaries: ResolvedBoundaries;
}

/** A rule file with everything it extends, merged: later files win, the entry file last. */
export interface ResolvedConfig extends Partial<SectionValues> {
  name: string;
  entry: string;
  files: string[];
  patterns: Map<string, ResolvedPattern>;
  rules: Map<string, RuleSetting & { origin: string }>;
  overrides: ResolvedOverride[];
  ignore: string[];
  /** `provenance.store` of the last file that sets it; undefined means markers. */
  provenanceStore?: 'markers' | 'sidecar';
  /** Agent hooks' `onError` (later files win); undefined when no file sets it. */
  agents?: { onError: 'deny' | 'allow'; origin: string };
}

/** What a check sees of a Policy (config/policy.ts implements it). */
export interface PolicyView {
  readonly resolved: ResolvedConfig;
  readonly org?: { readonly name: string };
  rulesFor(relPath: string): Map<string, EffectiveRule>;
  patternsFor(relPath: string): ResolvedPattern[];
  knows(id: string): boolean;
  isLocked(ruleId: string): boolean;
}
