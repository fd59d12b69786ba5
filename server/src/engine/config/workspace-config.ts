import * as path from 'path';
import { BUILTIN_PREFIX, type ConfigHost } from './config-host';
import { Policy } from './policy';
import { loadConfig } from './resolve';
import { resolveExtendsTarget } from './rule-file-chain';
import { loadLayeredConfig, type LayeredConfig, type OrgLayer } from '../org-policy/precedence';

export const RULE_FILE_CANDIDATES = ['.conductor/rules.jsonc', '.conductor/rules.json'];
export const DEFAULT_RULESET = `${BUILTIN_PREFIX}recommended`;

export interface LoadedConfig extends LayeredConfig {
  /** The rule file in force (absolute), or undefined when the built-in default is used. */
  ruleFile?: string;
}

/** Finds the workspace's rule file (first candidate that exists). */
export function findRuleFile(root: string, host: ConfigHost): string | undefined {
  return RULE_FILE_CANDIDATES.map((c) => path.join(root, c)).find((f) => host.readFile(f) !== undefined);
}

/**
 * Loads the rule file of a workspace root, or `conductor:recommended` when there is none.
 * `policy` is undefined when any file in the chain has an error: callers keep their last good policy.
 * `org`: an already-verified org ruleset, layered built-ins < org < team with its locks (org-policy/precedence.ts).
 */
export function loadWorkspaceConfig(root: string, host: ConfigHost, explicitFile?: string, org?: OrgLayer): LoadedConfig {
  const ruleFile = explicitFile ? path.resolve(root, explicitFile) : findRuleFile(root, host);
  const entry = ruleFile ?? resolveExtendsTarget(DEFAULT_RULESET, root, host);
  if (org) {
    return { ruleFile, ...loadLayeredConfig(host, entry, org) };
  }
  const { config, problems } = loadConfig(entry, host);
  const hasErrors = problems.some((p) => p.severity === 'error');
  return { ruleFile, policy: hasErrors ? undefined : new Policy(config), problems, files: config.files };
}
