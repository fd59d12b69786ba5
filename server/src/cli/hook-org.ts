// The org ruleset for an agent hook: the verified cached copy only. A hook runs inside the agent's loop
// and must not wait on a network; `conductor check` and the editor refresh the cache.
import type { OrgLayer } from '../engine/org-policy';
import { orgCacheRoot } from '../org-fetch/cache';
import { diskConfigHost } from '../host/disk-config-host';
import { loadVerifiedCache, toLayer } from '../org-fetch/org-ruleset';
import { envOrgSource, readMachinePolicy } from '../org-fetch/source';

/** undefined when no org ruleset is configured; throws when one is configured but none is verified and cached. */
export function cachedOrgLayer(builtinDir: string, env: NodeJS.ProcessEnv, cwd: string): OrgLayer | undefined {
  const source = envOrgSource(env, cwd) ?? readMachinePolicy(env);
  if (!source) {
    return undefined;
  }
  if ('error' in source) {
    throw new Error(source.error);
  }
  const { ruleset, error } = loadVerifiedCache(source.config, { cacheRoot: orgCacheRoot(env), host: diskConfigHost(builtinDir) });
  if (!ruleset) {
    throw new Error(`the org ruleset (${source.config.configuredBy}) has no verified cached copy${error ? ` (${error})` : ''}; run \`conductor check\` once to fetch it`);
  }
  return toLayer(ruleset);
}
