import type { Policy } from '../engine';
import type { OrgLayer } from '../engine/org-policy';
import { codeRule } from '../engine/registry/registry';
import { diskHost } from '../host/disk-config-host';
import { workspaceScan, type WorkspaceScan, type WorkspaceScanRequest } from '../scan/workspace-scan';
import { UsageError } from './cli-config';
import type { RuleInfo } from './format/sarif';
import { createProgress } from './progress';
import { OrgRulesetError, resolveCliOrg, type CliOrg, type CliOrgFlags } from './cli-org';

// The workspace scan as `check`, `baseline` and `fix` run it: the disk host, the org ruleset from
// flags or the environment, a progress bar, and lock attempts logged on stderr.

export interface GateScanRequest extends Omit<WorkspaceScanRequest, 'host' | 'orgLayer' | 'onProgress' | 'warn'> {
  /** Label of the progress bar (interactive stderr only). */
  progressLabel?: string;
  /** Org ruleset flags (`check`); without them CONDUCTOR_ORG_RULESET or the machine policy file apply. */
  org?: CliOrgFlags;
}

export interface GateScan extends WorkspaceScan {
  /** The verified org ruleset layered under the rules, if one is configured. */
  org?: CliOrg;
}

export async function gateScan(r: GateScanRequest): Promise<GateScan> {
  const host = diskHost(r.root);
  const org = await loadOrg(r.org, host.builtinDir);
  const progress = r.progressLabel ? createProgress(r.progressLabel) : undefined;
  const scan = await workspaceScan({
    ...r,
    host,
    orgLayer: org?.layer,
    onProgress: progress ? (d, t) => progress.update(d, t) : undefined,
    warn: warnOnStderr,
  }).finally(() => progress?.finish());
  return { ...scan, ...(org ? { org } : {}) };
}

/** The org layer `report` scans with: CONDUCTOR_ORG_RULESET or the machine policy file, as `check` without flags. */
export async function defaultOrgLayer(): Promise<OrgLayer | undefined> {
  return (await loadOrg(undefined, diskHost().builtinDir))?.layer;
}

export function warnOnStderr(message: string): void {
  process.stderr.write(`conductor: ${message}\n`);
}

/** The org ruleset (issue 8), verified; any failure is a usage error (exit 2): CI fails closed. */
async function loadOrg(flags: CliOrgFlags | undefined, builtinDir: string): Promise<CliOrg | undefined> {
  try {
    return await resolveCliOrg(flags ?? {}, { builtinDir, warn: warnOnStderr });
  } catch (e) {
    if (e instanceof OrgRulesetError) {
      throw new UsageError(e.message);
    }
    throw e;
  }
}

/** Rule descriptions and docs links for SARIF: rule-file patterns and rules implemented in code. */
export function ruleInfoFor(policy: Policy): (ruleId: string) => RuleInfo | undefined {
  return (id) => {
    const p = policy.resolved.patterns.get(id);
    if (p) {
      return { description: p.message, ...(p.docs ? { docs: p.docs } : {}) };
    }
    const meta = codeRule(id);
    return meta ? { description: meta.description } : undefined;
  };
}

/** `--jobs N`: a positive integer. */
export function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new UsageError(`--jobs must be a positive integer (got "${value}")`);
  }
  return n;
}
