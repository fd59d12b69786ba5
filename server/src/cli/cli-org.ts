// The org ruleset for the CLI (`check`, `baseline`, `fix`): from --org-ruleset (+ --org-sha256,
// --org-public-key, --org-signature, --org-ca-file), else CONDUCTOR_ORG_RULESET (+ env trust), else
// the machine policy file. Unlike the editor, the CLI fails closed: content that fails verification
// is an error (exit 2), and so is an unreachable source without a verified cached copy.
import { maskSecretsIn } from '../engine/check/secret-mask';
import type { OrgLayer } from '../engine/org-policy';
import { orgCacheRoot } from '../org-fetch/cache';
import { diskConfigHost } from '../host/disk-config-host';
import { loadVerifiedCache, refreshOrgRuleset, toLayer, type VerifiedOrgRuleset } from '../org-fetch/org-ruleset';
import { envOrgSource, flagOrgSource, readMachinePolicy, type SourceResult } from '../org-fetch/source';

export interface CliOrgFlags {
  ruleset?: string;
  sha256?: string;
  publicKey?: string;
  signature?: string;
  caFile?: string;
}

export class OrgRulesetError extends Error {}

export interface CliOrg {
  layer: OrgLayer;
  ruleset: VerifiedOrgRuleset;
  configuredBy: string;
}

/** Resolves, fetches (with the cache) and verifies the org ruleset; undefined when none is configured. */
export async function resolveCliOrg(
  flags: CliOrgFlags,
  opts: { builtinDir: string; env?: NodeJS.ProcessEnv; cwd?: string; warn?: (message: string) => void },
): Promise<CliOrg | undefined> {
  const env = opts.env ?? process.env;
  const cwd = opts.cwd ?? process.cwd();
  if (!flags.ruleset && (flags.sha256 || flags.publicKey || flags.signature)) {
    throw new OrgRulesetError('--org-sha256, --org-public-key and --org-signature need --org-ruleset');
  }
  const source: SourceResult | undefined = flagOrgSource(flags, env, cwd) ?? envOrgSource(env, cwd) ?? readMachinePolicy(env);
  if (!source) {
    return undefined;
  }
  if ('error' in source) {
    throw new OrgRulesetError(source.error);
  }
  const cfg = source.config;
  const ctx = { cacheRoot: orgCacheRoot(env), host: diskConfigHost(opts.builtinDir) };
  const cached = loadVerifiedCache(cfg, ctx).ruleset;
  const outcome = await refreshOrgRuleset(cfg, ctx, cached);
  if (outcome.kind === 'rejected') {
    throw new OrgRulesetError(`the org ruleset from ${maskSecretsIn(cfg.source)} (${cfg.configuredBy}) was REJECTED: ${outcome.error}`);
  }
  if (outcome.kind === 'failed') {
    if (!cached) {
      throw new OrgRulesetError(`cannot get the org ruleset (${cfg.configuredBy}): ${outcome.error}; no verified copy is cached`);
    }
    opts.warn?.(`cannot refresh the org ruleset (${outcome.error}); using the cached copy ${cached.name} verified ${cached.verifiedAt}`);
    return { layer: toLayer(cached), ruleset: cached, configuredBy: cfg.configuredBy };
  }
  return { layer: toLayer(outcome.ruleset), ruleset: outcome.ruleset, configuredBy: cfg.configuredBy };
}
