import * as fs from 'fs';
import * as path from 'path';
import type { ConfigHost, ConfigProblem, Policy, SkippedFile } from '../engine';
import { DEFAULT_BASELINE_FILE } from '../engine/baseline/baseline';
import type { OrgLayer } from '../engine/org-policy';
import { docsResolver } from '../host/builtin-dir';
import { readStagedBlobs } from '../host/git/blobs';
import { changedSince, stagedChanges, type ChangeSet } from '../host/git/changes';
import { trackedIgnoredFiles } from '../host/git/repo';
import { GitError } from '../host/git/run';
import { useDiskForImports } from '../host/import-file-system';
import { InputError } from '../host/input-error';
import { loadPolicyOrFail } from '../host/load-policy';
import { workspaceRelative } from '../host/paths';
import { walkFiles } from '../host/walk-files';
import { scanFiles, type KeepText, type ParallelScanResult, type ScanItem } from './parallel-scan';

// What `check`, `baseline`, `fix` and `report` share: load the policy, pick the files (all, or only
// changed ones), and check them on the main thread or a worker pool. The org layer, if any, is
// resolved by the caller (the CLI fetches and verifies it).

export interface WorkspaceScanRequest {
  root: string;
  /** Rule files from disk (the caller's disk ConfigHost). */
  host: ConfigHost;
  configFile?: string;
  /** The verified org ruleset layered under the rules. */
  orgLayer?: OrgLayer;
  targets: string[];
  gitignore: boolean;
  /** Walk into node_modules (skipped by default; a target inside it is walked anyway). */
  includeNodeModules?: boolean;
  maxBytes: number;
  jobs?: number;
  /** Check the index against HEAD, reading the staged content. */
  staged?: boolean;
  /** Check the lines changed since this ref (see host/git/changes.ts). */
  changedSince?: string;
  includeUntracked?: boolean;
  keepText?: KeepText;
  /** Workspace-relative files never checked: the baseline in use (generated data, not code). */
  exclude?: string[];
  /** `check --shard`: only the paths this shard owns are read, checked and in scope. */
  owns?: (relPath: string) => boolean;
  onProgress?: (done: number, total: number) => void;
  /** Told where a rule file tries to weaken what the org ruleset locks (`file:line:col: message`). */
  warn?: (message: string) => void;
}

export interface WorkspaceScan extends ParallelScanResult {
  policy: Policy;
  host: ConfigHost;
  change?: ChangeSet;
  /** Whether this run looked at a path, so a baseline entry there without a finding is stale. */
  inScope(relPath: string): boolean;
}

export async function workspaceScan(r: WorkspaceScanRequest): Promise<WorkspaceScan> {
  const host = r.host;
  useDiskForImports([r.root]); // as in each worker: manifests are read, and symlinks followed, only inside the root
  const { policy, problems } = loadPolicyOrFail(r.root, r.configFile, host, r.orgLayer);
  reportLockAttempts(r.root, problems, r.warn);
  const targets = r.targets.map((t) => workspaceRelative(r.root, t));
  const excluded = new Set([DEFAULT_BASELINE_FILE, ...(r.exclude ?? [])].map((p) => workspaceRelative(r.root, p)));
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
      throw new InputError(e.message);
    }
    throw e;
  }
  const owns = r.owns ?? (() => true);
  items = items.filter((it) => owns(it.relPath));
  const result = await scanFiles({
    root: r.root,
    configFile: r.configFile,
    orgLayer: r.orgLayer,
    builtinDir: host.builtinDir,
    maxBytes: r.maxBytes,
    keepText: r.keepText ?? 'none',
    policy,
    docsUrl: docsResolver(host.builtinDir),
    items,
    jobs: r.jobs,
    onProgress: r.onProgress,
  });
  const checked = new Set(result.checked);
  const removed = new Set(change?.removed ?? []);
  const inScope = (p: string): boolean =>
    checked.has(p) || (underTargets(p) && owns(p) && (change ? removed.has(p) : !fs.existsSync(path.join(r.root, p))));
  return { ...result, skipped: [...unlisted.filter((s) => owns(s.path)), ...result.skipped], policy, host, ...(change ? { change } : {}), inScope };
}

/** Attempts to weaken what the org ruleset locks have no effect; CI logs say where they are. */
function reportLockAttempts(root: string, problems: readonly ConfigProblem[], warn: ((message: string) => void) | undefined): void {
  for (const p of problems) {
    if (warn && p.severity !== 'error' && /^locked by org ruleset|^"locked" has an effect/.test(p.message)) {
      warn(`${path.relative(root, p.file) || p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`);
    }
  }
}
