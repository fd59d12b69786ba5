// The JSON document `conductor report --format json` writes (docs/metrics.md). Every key is always
// present (null or [] when unknown) so dashboards and aggregators can rely on the shape; counts are
// raw so reports from many repositories can be added up, and ratios are given next to them.
import type { Bucket } from './stats';

/** Bumped on any change that removes or renames a key or changes a meaning; new keys do not bump it. */
export const REPORT_SCHEMA_VERSION = 1;

export interface LineCounts {
  /** All lines of the text files in scope, marker lines included. */
  total: number;
  /** Content lines inside `@ai-generated` blocks (each line once, even in nested blocks). */
  ai: number;
  /** Lines outside blocks that are not marker lines: total − ai − markers. */
  human: number;
  /** The begin/end marker lines of paired blocks. */
  markers: number;
}

export interface ShareEntry {
  total: number;
  ai: number;
  human: number;
  /** ai / (ai + human); null without lines. */
  share: number | null;
}

export interface FolderShare extends ShareEntry {
  /** Posix folder path; `.` is the files at the root. */
  folder: string;
  /** 1 for top-level folders (and `.`), 2 for their subfolders. */
  depth: 1 | 2;
}

export interface LanguageShare extends ShareEntry {
  language: string;
}

export interface ToolShare {
  tool: string;
  blocks: number;
  ai: number;
}

export interface TrendPoint {
  /** `YYYY-MM-DD`: the week's Monday (UTC) for weekly sampling, the commit's day for per-commit sampling. */
  date: string;
  commit: string;
  /** The sampled commit's committer time, ISO-8601 UTC. */
  time: string;
  total: number;
  ai: number;
  markers: number;
  human: number;
  share: number | null;
}

export interface ReworkSide {
  /** Lines added in the cohort (commits whose window has closed). */
  added: number;
  /** Of those, lines modified or deleted by a later first-parent commit within the window. */
  reworked: number;
  /** reworked / added; null when nothing was added. */
  rate: number | null;
}

export interface SplitCounts {
  /** Results starting on AI lines (block marker lines included) and on human lines. */
  ai: number;
  human: number;
  /** ai per 1,000 AI lines and human per 1,000 human lines; null without such lines. */
  aiPer1000: number | null;
  humanPer1000: number | null;
}

/** Other scanners' SARIF results split by AI vs human lines (`report --sarif FILE…`). */
export interface SarifSplit extends SplitCounts {
  /** The SARIF files, as given. */
  files: string[];
  /** Commits the runs analysed (versionControlProvenance); results are attributed at these revisions. */
  revisions: string[];
  /** The denominators: the report's AI and human lines (working tree). */
  lines: { ai: number; human: number };
  /** Failure results read (kind "fail"); ai + human + unattributed.total. */
  results: number;
  unattributed: {
    total: number;
    /** No artifact location, or a URI that is not a file. */
    noFile: number;
    /** A file outside the report's root. */
    outsideRoot: number;
    /** A file the report does not count (ignored, too large, absent at the revision). */
    notInScope: number;
    /** A file-level result in a file that has AI blocks. */
    noLine: number;
  };
  byTool: ({ tool: string } & SplitCounts)[];
  byRule: ({ tool: string; ruleId: string } & SplitCounts)[];
  byLevel: ({ level: string } & SplitCounts)[];
}

export interface GovernanceReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: 'conductor'; version: string };
  generatedAt: string;
  repository: {
    /** The folder's name, used as the `repo` attribute of OTLP metrics. */
    name: string;
    /** `report --team NAME`, else the rule file's `name`; groups repositories in `report --merge`. */
    team: string | null;
    root: string;
    git: boolean;
    head: string | null;
    branch: string | null;
    /** A shallow clone (CI's default fetch depth): history, and so trend, rework and lead time, start at its boundary. */
    shallow: boolean;
    /** First-parent commits replayed (all history, whatever --since says). */
    commits: number;
    firstCommitAt: string | null;
    headCommitAt: string | null;
  };
  options: { since: string | null; reworkDays: number; now: string };
  aiShare: {
    lines: LineCounts;
    share: number | null;
    files: { total: number; withAi: number };
    blocks: number;
    byFolder: FolderShare[];
    byLanguage: LanguageShare[];
    byTool: ToolShare[];
    trend: { sampling: 'commit' | 'week' | 'none'; points: TrendPoint[] };
  };
  review: {
    lines: { reviewed: number; unreviewed: number };
    /** reviewed / AI lines. */
    reviewedShare: number | null;
    blocks: { reviewed: number; unreviewed: number };
    unreviewedAge: {
      /** Unreviewed blocks with an `at=` time (the age's start). */
      blocks: number;
      withoutAt: number;
      medianDays: number | null;
      histogram: Bucket[];
    };
  };
  rework: {
    windowDays: number;
    /** Added lines count when their commit is at least windowDays older than this (the HEAD commit's time). */
    referenceTime: string | null;
    ai: ReworkSide;
    human: ReworkSide;
    /** Lines added too recently for their window to have closed (not in the rates). */
    pending: { ai: number; human: number };
  };
  leadTime: {
    /** AI blocks whose begin marker first appeared in a commit of the period. */
    blocks: number;
    /** Of those, blocks whose `reviewed-by` has appeared in a commit since. */
    reviewed: number;
    /** Still without a review attestation in history. */
    pending: number;
    medianSeconds: number | null;
    p90Seconds: number | null;
    histogram: Bucket[];
  };
  policy: {
    files: { checked: number; skipped: number };
    findings: {
      total: number;
      /** Listed in the baseline `check` applies (`.conductor/baseline.json`): `check` reports total − baselined. */
      baselined: number;
      bySeverity: { error: number; warning: number; info: number; hint: number };
      byLayer: { layer: string; count: number }[];
      byRule: { ruleId: string; layer: string; severity: string; count: number }[];
    };
    aiRegions: {
      /** Findings starting on a line of an AI block (its marker lines included). */
      inside: number;
      outside: number;
      /** inside per 1,000 AI lines; outside per 1,000 human lines. */
      insidePer1000: number | null;
      outsidePer1000: number | null;
    };
    secrets: number;
    boundaryViolations: number;
  };
  /** Null unless `--sarif` files were given. */
  scanners: SarifSplit | null;
}

/** The top-level and second-level keys, in order: the test that guards schema stability compares against these. */
export const REPORT_KEYS = {
  root: ['schemaVersion', 'tool', 'generatedAt', 'repository', 'options', 'aiShare', 'review', 'rework', 'leadTime', 'policy', 'scanners'],
  repository: ['name', 'team', 'root', 'git', 'head', 'branch', 'shallow', 'commits', 'firstCommitAt', 'headCommitAt'],
  options: ['since', 'reworkDays', 'now'],
  aiShare: ['lines', 'share', 'files', 'blocks', 'byFolder', 'byLanguage', 'byTool', 'trend'],
  review: ['lines', 'reviewedShare', 'blocks', 'unreviewedAge'],
  rework: ['windowDays', 'referenceTime', 'ai', 'human', 'pending'],
  leadTime: ['blocks', 'reviewed', 'pending', 'medianSeconds', 'p90Seconds', 'histogram'],
  policy: ['files', 'findings', 'aiRegions', 'secrets', 'boundaryViolations'],
} as const;
