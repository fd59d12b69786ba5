// What the instruction files are rendered from: the file-wide policy explained, read once.
import type { Policy } from '../engine';
import { explainPolicy, type PolicyExplained, type RuleExplained } from '../engine/explain';

export interface RenderOptions {
  /** Workspace-relative posix path of the rule file; undefined when the built-in default applies. */
  ruleFile?: string;
}

export interface Facts {
  /** File-wide: rules in force without overrides. */
  readonly policy: PolicyExplained;
  readonly rules: ReadonlyMap<string, RuleExplained>;
  /** The ruleset's own `name`, when it has one. */
  readonly name?: string;
  readonly options: RenderOptions;
}

export function factsOf(policy: Policy, options: RenderOptions): Facts {
  const explained = explainPolicy(policy);
  // The ruleset's own `name` only: without one, Policy.name is the rule file's path (possibly absolute).
  const n = policy.resolved.name;
  return {
    policy: explained,
    rules: new Map(explained.rules.map((r) => [r.id, r])),
    ...(n && !/[\\/]|\.jsonc?$/.test(n) && { name: n }),
    options,
  };
}

/** "error", "warning; error in AI code", "error, AI code only". */
export function severityText(r: RuleExplained): string {
  if (r.aiOnly) {
    return `${r.aiSeverity ?? r.severity}, AI code only`;
  }
  return r.aiSeverity && r.aiSeverity !== r.severity ? `${r.severity}; ${r.aiSeverity} in AI code` : r.severity;
}

/** The layers section applies: layers are declared and one of their rules is in force. */
export function hasLayers(facts: Facts): boolean {
  const i = facts.policy.imports;
  return !!i && i.layers.length > 0 && (i.enforced.layerViolation || i.enforced.privateImport);
}

/** Forbidden paths, when their rule is in force. */
export function forbiddenEntries(facts: Facts): { paths: string[]; reason: string }[] {
  const ai = facts.policy.ai;
  return ai.enforced.forbidden ? ai.forbidden.map((f) => ({ paths: f.paths, reason: f.reason })) : [];
}

/** Distinct excluded globs, when their rule is in force. */
export function excludedGlobs(facts: Facts): string[] {
  const ai = facts.policy.ai;
  return ai.enforced.excluded ? [...new Set(ai.excluded.map((e) => e.glob))] : [];
}
