// `conductor report`: computes the governance metrics of a folder from its working tree (the same
// scan as `check`, so finding counts match the gate) and from its git history (docs/metrics.md).
import * as path from 'path';
import { DEFAULT_BASELINE_FILE, applyBaseline } from '../engine/baseline/baseline';
import type { AiRegion } from '../engine';
import type { OrgLayer } from '../engine/org-policy';
import { loadBaseline, lockedRules } from '../host/baseline-file';
import { diskHost } from '../host/disk-config-host';
import { workspaceRelative } from '../host/paths';
import { workspaceScan } from '../scan/workspace-scan';
import { readHistory } from '../host/git/log';
import { repoInfo, type RepoInfo } from '../host/git/repo';
import { readSarif } from './sarif-read';
import { regionLookup } from './sarif-provenance';
import { splitSarif } from './sarif-split';
import { HistoryReplay } from './history';
import { addFindings, newPolicyAccumulator, policySection } from './policy-metrics';
import { REPORT_SCHEMA_VERSION, type GovernanceReport, type SarifSplit } from './schema';
import { addFile, countFile, folderShares, languageShares, newShareAccumulator, toolShares } from './share';
import { durationHistogram, median, percentile, ratio } from './stats';
import { sampleCommits, trendPoints } from './trend';

declare const VERSION: string;

export interface ReportRequest {
  root: string;
  configFile?: string;
  /** Only history from this time on (ms since the epoch) counts for trend, rework and lead time. */
  since?: number;
  reworkDays: number;
  /** Reference time for ages (ms since the epoch). */
  now: number;
  jobs?: number;
  gitignore: boolean;
  maxBytes: number;
  /** The repository's team (`--team`); default: the rule file's own `name`. */
  team?: string;
  /** SARIF files of other scanners to split by AI vs human lines (`--sarif`). */
  sarif?: readonly string[];
  /** The verified org ruleset layered under the rules, as `check` would use it. */
  orgLayer?: OrgLayer;
  /** Told where a rule file tries to weaken what the org ruleset locks. */
  warn?: (message: string) => void;
}

const iso = (seconds: number | undefined): string | null => (seconds === undefined ? null : new Date(seconds * 1000).toISOString());

export async function computeReport(r: ReportRequest): Promise<GovernanceReport> {
  const baseline = loadBaseline(r.root, undefined, false);
  const scan = await workspaceScan({
    root: r.root,
    host: diskHost(r.root),
    configFile: r.configFile,
    orgLayer: r.orgLayer,
    warn: r.warn,
    targets: [],
    gitignore: r.gitignore,
    maxBytes: r.maxBytes,
    jobs: r.jobs,
    keepText: 'all',
    exclude: baseline ? [baseline.file] : [],
  });

  // Working tree: AI share, review, findings inside and outside AI blocks — one parse per file.
  const share = newShareAccumulator();
  const policy = newPolicyAccumulator();
  const worktreeRegions = new Map<string, readonly AiRegion[]>();
  for (const f of scan.files) {
    const counts = countFile(f.relPath, f.text ?? '');
    addFile(share, f.relPath, counts);
    addFindings(policy, f.findings, counts.regions);
    worktreeRegions.set(f.relPath, counts.regions);
  }
  const baselined = baseline ? applyBaseline(baseline.baseline, scan.files, { inScope: scan.inScope, isLocked: lockedRules(scan.policy) }).known : 0;

  // History: one streamed `git log -p` replay, then blobs of the sampled commits.
  const excluded = new Set([DEFAULT_BASELINE_FILE, ...(baseline ? [workspaceRelative(r.root, baseline.file)] : [])]);
  const counted = (p: string): boolean => !excluded.has(p) && !scan.policy.isIgnored(p);
  const sinceSeconds = r.since === undefined ? undefined : Math.floor(r.since / 1000);
  const windowSeconds = r.reworkDays * 86400;
  const info = repoInfo(r.root);
  const replay = new HistoryReplay({ counted, windowSeconds });
  if (info) {
    await readHistory(r.root, info.prefix, (c) => replay.apply(c));
  }
  const head = replay.headTime;
  const sampled = sampleCommits(replay.commits, sinceSeconds);
  const points = info && sampled.samples.length > 0 ? trendPoints(r.root, info.prefix, replay.commits, replay.totals, sampled.samples, counted) : [];
  const rework = replay.rework(sinceSeconds, head ?? 0);
  const lead = replay.leadTimes(sinceSeconds);

  const scanners = r.sarif && r.sarif.length > 0 ? sarifSection(r, info, worktreeRegions, share.lines) : null;
  const ages = share.unreviewedAt.map((at) => Math.max(0, (r.now - at) / 1000));
  const medianAge = median(ages);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'conductor', version: typeof VERSION === 'string' ? VERSION : 'dev' },
    generatedAt: new Date().toISOString(),
    repository: {
      name: path.basename(r.root),
      team: r.team ?? teamOf(scan.policy.name),
      root: r.root,
      git: info !== undefined,
      head: info?.head ?? null,
      branch: info?.branch ?? null,
      shallow: info?.shallow ?? false,
      commits: replay.commits.length,
      firstCommitAt: iso(replay.commits[0]?.time),
      headCommitAt: iso(head),
    },
    options: { since: r.since === undefined ? null : new Date(r.since).toISOString(), reworkDays: r.reworkDays, now: new Date(r.now).toISOString() },
    aiShare: {
      lines: share.lines,
      share: ratio(share.lines.ai, share.lines.ai + share.lines.human),
      files: share.files,
      blocks: share.blocks,
      byFolder: folderShares(share),
      byLanguage: languageShares(share),
      byTool: toolShares(share),
      trend: { sampling: info ? sampled.sampling : 'none', points },
    },
    review: {
      lines: { reviewed: share.reviewedLines, unreviewed: share.unreviewedLines },
      reviewedShare: ratio(share.reviewedLines, share.lines.ai),
      blocks: { reviewed: share.reviewedBlocks, unreviewed: share.blocks - share.reviewedBlocks },
      unreviewedAge: {
        blocks: ages.length,
        withoutAt: share.unreviewedWithoutAt,
        medianDays: medianAge === null ? null : medianAge / 86400,
        histogram: durationHistogram(ages),
      },
    },
    rework: {
      windowDays: r.reworkDays,
      referenceTime: iso(head),
      ai: { ...rework.ai, rate: ratio(rework.ai.reworked, rework.ai.added) },
      human: { ...rework.human, rate: ratio(rework.human.reworked, rework.human.added) },
      pending: rework.pending,
    },
    leadTime: {
      blocks: lead.blocks,
      reviewed: lead.seconds.length,
      pending: lead.pending,
      medianSeconds: median(lead.seconds),
      p90Seconds: percentile(lead.seconds, 90),
      histogram: durationHistogram(lead.seconds),
    },
    policy: policySection(policy, {
      checked: scan.checked.length,
      skipped: scan.skipped.length,
      baselined,
      aiLines: share.lines.ai,
      humanLines: share.lines.human,
    }),
    scanners,
  };
}

/** A rule file's own `name` is the team; the defaults (a built-in ruleset's or the file's path) are not. */
function teamOf(ruleSetName: string): string | null {
  return ruleSetName.startsWith('conductor:') || /(^|\/)[^/]*\.jsonc?$/.test(ruleSetName) ? null : ruleSetName;
}

function sarifSection(r: ReportRequest, info: RepoInfo | undefined, worktree: ReadonlyMap<string, readonly AiRegion[]>, lines: { ai: number; human: number }): SarifSplit {
  // Relative SARIF URIs without a base are relative to the repository root (CodeQL's %SRCROOT%).
  const srcRoot = info ? path.resolve(r.root, info.prefix.split('/').filter(Boolean).map(() => '..').join('/') || '.') : r.root;
  const inputs = (r.sarif ?? []).map((file) => ({ file, findings: readSarif(path.resolve(file), srcRoot) }));
  const lookup = regionLookup({ root: r.root, repo: info, worktree, findings: inputs.flatMap((i) => i.findings), maxBytes: r.maxBytes });
  return splitSarif(inputs, { root: r.root, lookup, aiLines: lines.ai, humanLines: lines.human });
}
