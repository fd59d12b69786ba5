import * as fs from 'fs';
import * as path from 'path';
import type { ConfigHost, ConfigProblem, Policy, SkippedFile } from '../engine';
import { DEFAULT_BASELINE_FILE } from '../engine/baseline/baseline';
import { codeRule } from '../engine/registry/registry';
import { docsResolver } from '../host/builtin-dir';
import { readStagedBlobs } from '../host/git/blobs';
import { changedSince, stagedChanges, type ChangeSet } from '../host/git/changes';
import { trackedIgnoredFiles } from '../host/git/repo';
import { GitError } from '../host/git/run';
import { scanFiles, type KeepText, type ParallelScanResult, type ScanItem } from '../scan/parallel-scan';
import { toPosix, walkFiles } from '../host/walk-files';
import { diskHost, loadCliConfig, UsageError } from './cli-config';
import type { RuleInfo } from './format/sarif';
import { createProgress } from './progress';
import { OrgRulesetError, resolveCliOrg, type CliOrg, type CliOrgFlags } from './cli-org';

// What `check`, `baseline` and `fix` share: load the policy, pick the files (all, or only changed
// ones), and check them on the main thread or a worker pool.

export interface GateScanRequest {
  root: string;
  configFile?: string;
  targets: string[];
  gitignore: boolean;
  /** Walk into node_modules (skipped by default; a target inside it is walked anyway). */
  includeNodeModules?: boolean;
  maxBytes: number;
  jobs?: number;
  /** Check the index against HEAD, reading the staged content. */
  staged?: boolean;
  /** Check the lines changed since this ref (see git-changes.ts). */
  changedSince?: string;
  includeUntracked?: boolean;
  keepText?: KeepText;
  /** Workspace-relative files never checked: the baseline in use (generated data, not code). */
  exclude?: string[];
  /** Label of the progress bar (interactive stderr only). */
  progressLabel?: string;
  /** Org ruleset flags (`check`); without them CONDUCTOR_ORG_RULESET or the machine policy file apply. */
  org?: CliOrgFlags;
  /** `check --shard`: only the paths this shard owns are read, checked and in scope. */
  owns?: (relPath: string) => boolean;
}

export interface GateScan extends ParallelScanResult {
  policy: Policy;
  /** The verified org ruleset layered under the rules, if one is configured. */
  org?: CliOrg;
  host: ConfigHost;
  change?: ChangeSet;
  /** Whether this run looked at a path, so a baseline entry there without a finding is stale. */
  inScope(relPath: string): boolean;
}

export async function gateScan(r: GateScanRequest): Promise<GateScan> {
  const host = diskHost(r.root);
  const org = await loadOrg(r.org, host.builtinDir);
  const { policy, problems } = loadCliConfig(r.root, r.configFile, host, org?.layer);
  reportLockAttempts(r.root, problems);
  const targets = r.targets.map((t) => toPosix(path.relative(r.root, path.resolve(r.root, t))));
  const excluded = new Set([DEFAULT_BASELINE_FILE, ...(r.exclude ?? [])].map((p) => toPosix(path.relative(r.root, path.resolve(r.root, p)))));
  const skip = (p: string): boolean => excluded.has(p) || policy.isIgnored(p);
  const underTargets = (p: string): boolean => targets.length === 0 || targets.some((t) => t === '' || p === t || p.startsWith(`${t}/`));
  let change: ChangeSet | undefined;
  let items: ScanItem[];
  const unlisted: SkippedFile[] = []; // folders the walk could not list
  try {
    if (r.staged) {
      change = stagedChanges(r.root);
    } else if (r.changedSince !== undefined) {
      change = changedSince(r.root, r.changedSince, { includeUntracked: r.includeUntracked });
    }
    if (change) {
      // Only changed files are read and checked: the cost follows the size of the change.
      const paths = [...change.changed.keys()].filter((p) => underTargets(p) && !skip(p));
      const blobs = change.mode === 'staged' ? readStagedBlobs(r.root, paths) : undefined;
      items = paths.flatMap((relPath) => {
        if (!blobs) {
          return [{ relPath }];
        }
        const content = blobs.get(relPath);
        return content ? [{ relPath, content }] : [];
      });
    } else {
      const onSkip = (p: string, reason: string): void => void unlisted.push({ path: p, reason });
      const walked = walkFiles(r.root, r.targets, { gitignore: r.gitignore, isIgnored: skip, includeNodeModules: r.includeNodeModules, onSkip });
      const tracked = r.gitignore ? trackedIgnoredFiles(r.root).filter((p) => underTargets(p) && !skip(p)) : [];
      items = [...new Set([...walked, ...tracked])].map((relPath) => ({ relPath }));
    }
  } catch (e) {
    if (e instanceof GitError) {
      throw new UsageError(e.message);
    }
    throw e;
  }
  const owns = r.owns ?? (() => true);
  items = items.filter((it) => owns(it.relPath));
  const progress = r.progressLabel ? createProgress(r.progressLabel) : undefined;
  const result = await scanFiles({
    root: r.root,
    configFile: r.configFile,
    orgLayer: org?.layer,
    builtinDir: host.builtinDir,
    maxBytes: r.maxBytes,
    keepText: r.keepText ?? 'none',
    policy,
    docsUrl: docsResolver(host.builtinDir),
    items,
    jobs: r.jobs,
    onProgress: progress ? (d, t) => progress.update(d, t) : undefined,
  }).finally(() => progress?.finish());
  const checked = new Set(result.checked);
  const removed = new Set(change?.removed ?? []);
  const inScope = (p: string): boolean =>
    checked.has(p) || (underTargets(p) && owns(p) && (change ? removed.has(p) : !fs.existsSync(path.join(r.root, p))));
  return { ...result, skipped: [...unlisted.filter((s) => owns(s.path)), ...result.skipped], policy, host, ...(change ? { change } : {}), ...(org ? { org } : {}), inScope };
}

/** Attempts to weaken what the org ruleset locks have no effect; CI logs say where they are (stderr). */
function reportLockAttempts(root: string, problems: readonly ConfigProblem[]): void {
  for (const p of problems) {
    if (p.severity !== 'error' && /^locked by org ruleset|^"locked" has an effect/.test(p.message)) {
      process.stderr.write(`conductor: ${path.relative(root, p.file) || p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}\n`);
    }
  }
}

/** The org ruleset (issue 8), verified; any failure is a usage error (exit 2): CI fails closed. */
async function loadOrg(flags: CliOrgFlags | undefined, builtinDir: string): Promise<CliOrg | undefined> {
  try {
    return await resolveCliOrg(flags ?? {}, { builtinDir, warn: (m) => void process.stderr.write(`conductor: ${m}\n`) });
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
