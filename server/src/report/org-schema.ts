// The JSON document `conductor report --merge FILE… --format json` writes: many repositories' reports
// (e.g. CI artefacts) combined into one organisation view (docs/metrics.md, "Organisation view").
// Counts are raw sums; every ratio is recomputed from the sums, never averaged.
import type { ReworkSide } from './schema';

export const ORG_REPORT_SCHEMA_VERSION = 1;

export interface OrgFigures {
  /** Repositories in this row. */
  repositories: number;
  lines: { total: number; ai: number; human: number };
  /** ai / (ai + human). */
  aiShare: number | null;
  unreviewedAiLines: number;
  rework: { ai: ReworkSide; human: ReworkSide };
  findings: {
    total: number;
    /** All findings per 1,000 lines (AI + human). */
    per1000: number | null;
    /** Findings inside AI blocks per 1,000 AI lines, outside per 1,000 human lines. */
    aiPer1000: number | null;
    humanPer1000: number | null;
  };
  /** Other scanners' results (`report --sarif`) per 1,000 AI and human lines, over the repositories that have them; null when none has. */
  scanners: { repositories: number; ai: number; human: number; aiPer1000: number | null; humanPer1000: number | null } | null;
}

export interface OrgRepository extends OrgFigures {
  name: string;
  team: string | null;
  head: string | null;
  branch: string | null;
  generatedAt: string;
}

export interface OrgTeam extends OrgFigures {
  /** `null`: repositories without a team label. */
  team: string | null;
}

export interface OrgTrendPoint {
  /** `YYYY-MM-DD`: a week's Monday (UTC). */
  week: string;
  /** Sums over the repositories with history by then, each at its last point in or before the week. */
  ai: number;
  human: number;
  share: number | null;
  repositories: number;
}

export interface OrgReport {
  schemaVersion: typeof ORG_REPORT_SCHEMA_VERSION;
  kind: 'conductor-org-report';
  tool: { name: 'conductor'; version: string };
  generatedAt: string;
  /** The merged report files, as given. */
  sources: string[];
  total: OrgFigures;
  teams: OrgTeam[];
  repositories: OrgRepository[];
  trend: OrgTrendPoint[];
}
