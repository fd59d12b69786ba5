import * as path from 'path';
import type { ConfigProblem } from '../types';
import { BUILTIN_PREFIX, type ConfigHost } from '../config/config-host';
import { Policy } from '../config/policy';
import { resolveConfig, sectionEntries } from '../config/resolve';
import { displayName, isBuiltinFile, loadRuleFiles, type RuleFileEntry } from '../config/rule-file-chain';
import { parseRuleFile } from '../config/parse-rule-file';
import type { ResolvedConfig, SectionValues } from '../config/types';
import type { ConfigSection, SectionKey } from '../config/section';
import { SECTIONS } from '../sections';
import { OrgEnforcement } from './enforcement';
import type { LockContext } from './lock-context';
import { OrgLocks } from './locks';
import { checkRuleLocks, enforceRuleLocks } from './rule-locks';

// Precedence: built-in rulesets < org ruleset < team rule file. The org ruleset arrives already
// verified (sha256 pin or ed25519 signature, see server/src/org-fetch/); here it is only data.
// Every file is parsed once; the layers are one list of parsed entries handed to resolveConfig.

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
  /** The org layer's parsed files in merge order (built-ins it extends, the org ruleset last), when it has no errors. */
  entries?: RuleFileEntry[];
}

export const DEFAULT_ORG_NAME = 'org ruleset';

/** The layers merged and locked (config/workspace-config.ts adds which rule file was in force). */
export interface LayeredConfig {
  /** Undefined when any file has an error: callers keep their last good policy. */
  policy?: Policy;
  problems: ConfigProblem[];
  /** Every file the config was read from, to watch for changes. */
  files: string[];
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
  const chain = loadRuleFiles([file], host, new Map([[file, parsed]]));
  // The org file's own problems are already listed.
  const resolved = resolveConfig(chain.entries, { name: value?.name || displayName(file, host), entry: file, files: chain.files });
  problems.push(...chain.problems.filter((p) => !parsed.problems.includes(p)), ...resolved.problems);
  const ok = !problems.some((p) => p.severity === 'error');
  return { name, locks, problems, ...(ok && { config: resolved.config, entries: chain.entries }) };
}

/**
 * Loads a workspace's rules on top of a verified org ruleset (called by loadWorkspaceConfig).
 *
 * Merge order (later wins): every built-in ruleset that the org or the team extends, then the org
 * ruleset, then the team's own files (the rule file last). Then the locks: whatever a lower layer
 * did to a locked rule or section that weakens it is reported at its line (a warning) and undone,
 * so the org's setting stays in force; raising severity and adding entries still work.
 */
export function loadLayeredConfig(host: ConfigHost, teamEntry: string, org: OrgLayer): LayeredConfig {
  const orgFile = path.resolve(org.file);
  const orgCheck = checkOrgRuleset(org, host);
  if (!orgCheck.config || !orgCheck.entries) {
    // Callers validate an org ruleset before using it; a broken one never replaces a good policy.
    return { policy: undefined, problems: orgCheck.problems, files: [orgFile] };
  }
  const base = orgCheck.config;
  const orgEntries = orgCheck.entries;
  const team = path.resolve(teamEntry);
  const teamChain = loadRuleFiles([team], host, new Map(orgEntries.map((e) => [e.file, e.parsed])));
  const builtin = (f: string): boolean => isBuiltinFile(f, host);
  const builtins = uniqueByFile([...orgEntries, ...teamChain.entries].filter((e) => builtin(e.file)));
  const orgEntry = orgEntries.filter((e) => e.file === orgFile);
  const lower = teamChain.entries.filter((e) => e.file !== orgFile && !builtin(e.file));
  const files = [...new Set([...builtins.map((e) => e.file), orgFile, ...teamChain.files.filter((f) => f !== orgFile && !builtin(f))])];

  // The merged config speaks for the team entry, as without an org layer.
  const teamValue = team === orgFile ? undefined : teamChain.entries.find((e) => e.file === team)?.value;
  const identity = { name: teamValue?.name ?? displayName(team, host), entry: team, files };
  const { config: full, problems: mergeProblems } = resolveConfig([...builtins, ...orgEntry, ...lower], identity);
  const problems = [...teamChain.problems, ...mergeProblems];

  const floor = new Policy(base);
  const ctx: LockContext<OrgLocks> = { orgName: orgCheck.name, locks: orgCheck.locks, problems };
  checkRuleLocks(ctx, lower, floor);
  for (const section of SECTIONS) {
    checkSectionLocks(section, ctx, lower, base);
  }
  enforceRuleLocks(ctx, base, full);
  for (const section of SECTIONS) {
    enforceSectionLocks(section, ctx, base, full);
  }

  const hasErrors = problems.some((p) => p.severity === 'error');
  const enforcement = new OrgEnforcement({ name: orgCheck.name, file: orgFile, origin: displayName(orgFile, host), locks: orgCheck.locks }, floor);
  return { policy: hasErrors ? undefined : new Policy(full, enforcement), problems, files: full.files };
}

function checkSectionLocks<K extends SectionKey>(section: ConfigSection<K>, ctx: LockContext, lower: readonly RuleFileEntry[], base: Partial<SectionValues>): void {
  section.checkLocks(ctx, sectionEntries(section, lower), base[section.key]);
}

function enforceSectionLocks<K extends SectionKey>(section: ConfigSection<K>, ctx: LockContext, base: Partial<SectionValues>, full: Partial<SectionValues>): void {
  section.enforceLocks(ctx, base[section.key], full[section.key]);
}

function uniqueByFile(entries: readonly RuleFileEntry[]): RuleFileEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => !seen.has(e.file) && seen.add(e.file));
}
