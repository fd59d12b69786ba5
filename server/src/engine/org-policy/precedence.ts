import * as path from 'path';
import { parse as parseJsonc } from 'jsonc-parser';
import type { ConfigProblem } from '../types';
import { BUILTIN_PREFIX, hostText, type ConfigHost } from '../config/config-host';
import { Policy } from '../config/policy';
import { displayName, MAX_EXTENDS_DEPTH, resolveConfig, resolveExtendsTarget, type ResolvedConfig } from '../config/resolve';
import { MAX_RULE_FILE_DEPTH, parseRuleFile } from '../config/parse-rule-file';
import type { LoadedConfig } from '../config/workspace-config';
import { checkAiLocks, enforceAiLocks } from './ai-locks';
import { checkBoundaryLocks, enforceBoundaryLocks } from './boundary-locks';
import { OrgEnforcement } from './enforcement';
import type { LockContext, LowerFile } from './lock-context';
import { OrgLocks } from './locks';
import { checkRuleLocks, enforceRuleLocks } from './rule-locks';
import { pushAll } from '../text/push-all';
import { jsonShape } from '../text/json-shape';

// Layering: built-in rulesets < org ruleset < team rule file. The org ruleset arrives already
// verified (sha256 pin or ed25519 signature, see server/src/org-fetch/); here it is only data.

/** A verified org ruleset, handed to config loading. */
export interface OrgLayer {
  /**
   * Where the verified copy is presented: problems and origins point here (the on-disk cache file).
   * The text below is used, never what is on disk or in an editor at this path.
   */
  file: string;
  /** The verified content. */
  text: string;
}

/** An org ruleset, validated on its own: its name, locks and problems (any error rejects it). */
export interface OrgRulesetCheck {
  name: string;
  locks: OrgLocks;
  problems: ConfigProblem[];
  /** The org layer alone, merged (built-ins it extends + the org ruleset), when it has no errors. */
  config?: ResolvedConfig;
}

export const DEFAULT_ORG_NAME = 'org ruleset';

function isBuiltin(file: string, host: ConfigHost): boolean {
  return path.dirname(file) === path.resolve(host.builtinDir);
}

/** A host that serves the verified org text at the org file's path (and any extra virtual files). */
function layeredHost(host: ConfigHost, files: Map<string, string>): ConfigHost {
  return { builtinDir: host.builtinDir, readFile: (f) => files.get(path.resolve(f)) ?? host.readFile(f) };
}

/**
 * Validates an org ruleset by itself. It must be self-contained: it may extend built-in rulesets
 * (`conductor:NAME`, shipped with Conductor) but no other file, since only its own bytes are verified.
 */
export function checkOrgRuleset(org: OrgLayer, host: ConfigHost): OrgRulesetCheck {
  const file = path.resolve(org.file);
  const parsed = parseRuleFile(file, org.text);
  const problems = [...parsed.problems];
  const value = parsed.value;
  (value?.extends ?? []).forEach((ref, i) => {
    if (!ref.startsWith(BUILTIN_PREFIX)) {
      problems.push({
        file,
        range: parsed.rangeOf(['extends', i]),
        message: `An org ruleset can extend only built-in rulesets (${BUILTIN_PREFIX}NAME), not "${ref}": only its own content is verified.`,
        severity: 'error',
      });
    }
  });
  const name = value?.name ?? DEFAULT_ORG_NAME;
  const locks = new OrgLocks(value?.locked);
  if (problems.some((p) => p.severity === 'error')) {
    return { name, locks, problems };
  }
  const resolved = resolveConfig(file, layeredHost(host, new Map([[file, org.text]])));
  pushAll(problems, resolved.problems);
  const ok = !problems.some((p) => p.severity === 'error');
  return { name, locks, problems, ...(ok && { config: resolved.config }) };
}

/** Built-in rulesets reachable from a rule file through `extends`, in merge order (a light walk, no validation). */
function builtinsOf(entry: string, host: ConfigHost): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, depth: number): void => {
    if (seen.has(file) || depth > MAX_EXTENDS_DEPTH) {
      return;
    }
    seen.add(file);
    const text = hostText(host.readFile(file));
    if (text === undefined || jsonShape(text, MAX_RULE_FILE_DEPTH).tooDeepAt !== -1) {
      return; // resolveConfig reports it
    }
    const value: unknown = parseJsonc(text, [], { allowTrailingComma: true });
    const refs = value && typeof value === 'object' && Array.isArray((value as { extends?: unknown }).extends) ? (value as { extends: unknown[] }).extends : [];
    for (const ref of refs) {
      if (typeof ref === 'string' && ref.length > 0) {
        visit(resolveExtendsTarget(ref, file, host), depth + 1);
      }
    }
    if (isBuiltin(file, host)) {
      out.push(file);
    }
  };
  visit(path.resolve(entry), 0);
  return out;
}

/**
 * Loads a workspace's rules on top of a verified org ruleset (called by loadWorkspaceConfig).
 *
 * Merge order (later wins): every built-in ruleset that the org or the team extends, then the org
 * ruleset, then the team's own files (the rule file last). Then the locks: whatever a lower layer
 * did to a locked rule or section that weakens it is reported at its line (a warning) and undone,
 * so the org's setting stays in force; raising severity and adding entries still work.
 */
export function loadLayeredConfig(host: ConfigHost, ruleFile: string | undefined, teamEntry: string, org: OrgLayer): LoadedConfig {
  const orgFile = path.resolve(org.file);
  const orgCheck = checkOrgRuleset(org, host);
  if (!orgCheck.config) {
    // Callers validate an org ruleset before using it; a broken one never replaces a good policy.
    return { ruleFile, policy: undefined, problems: orgCheck.problems, files: [orgFile] };
  }
  const base = orgCheck.config;
  const team = path.resolve(teamEntry);
  const virtual = path.join(path.dirname(orgFile), '.conductor-layers.jsonc');
  const virtualFiles = new Map([[orgFile, org.text]]);
  const lhost = layeredHost(host, virtualFiles);
  const builtins = [...new Set([...base.files.filter((f) => isBuiltin(f, host)), ...builtinsOf(team, lhost)])];
  virtualFiles.set(virtual, JSON.stringify({ extends: [...builtins, orgFile, team] }));
  const { config: full, problems: fullProblems } = resolveConfig(virtual, lhost);
  const problems = fullProblems.filter((p) => p.file !== virtual);

  // The merged config speaks for the team entry, as without an org layer.
  full.entry = team;
  full.files = full.files.filter((f) => f !== virtual);
  const teamValue = team === orgFile ? undefined : parseRuleFile(team, hostText(lhost.readFile(team)) ?? '').value;
  full.name = teamValue?.name ?? displayName(team, host);

  const lower: LowerFile[] = [];
  for (const f of full.files) {
    if (f !== orgFile && !base.files.includes(f) && !isBuiltin(f, host)) {
      const parsed = parseRuleFile(f, hostText(lhost.readFile(f)) ?? '');
      if (parsed.value) {
        lower.push({ parsed, value: parsed.value });
      }
    }
  }
  const floor = new Policy(base);
  const ctx: LockContext = { orgName: orgCheck.name, locks: orgCheck.locks, problems };
  checkRuleLocks(ctx, lower, floor);
  checkAiLocks(ctx, lower, base.ai);
  checkBoundaryLocks(ctx, lower, base.boundaries);
  enforceRuleLocks(ctx, base, full);
  enforceAiLocks(ctx, base.ai, full.ai);
  enforceBoundaryLocks(ctx, base.boundaries, full.boundaries);

  const hasErrors = problems.some((p) => p.severity === 'error');
  const enforcement = new OrgEnforcement({ name: orgCheck.name, file: orgFile, origin: displayName(orgFile, host), locks: orgCheck.locks }, floor);
  return { ruleFile, policy: hasErrors ? undefined : new Policy(full, enforcement), problems, files: full.files };
}
