// `conductor report --merge`: many repositories' JSON reports summed into one organisation view, per
// repository, per team and in total, with a weekly AI-share trend. Pure apart from reading the files.
import { ReportInputError, readJsonFile } from './read-json';
import { ORG_REPORT_SCHEMA_VERSION, type OrgFigures, type OrgReport, type OrgTrendPoint } from './org-schema';
import { REPORT_SCHEMA_VERSION, type GovernanceReport } from './schema';
import { per1000, ratio } from './stats';
import { weekStart } from './trend';

declare const VERSION: string;

/** One repository's report is a few hundred KB at most; anything far larger is not one. */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/** Reads one `report --format json` file, refusing anything that is not a Conductor report of this schema. */
export function readReport(file: string): GovernanceReport {
  const r = readJsonFile(file, MAX_REPORT_BYTES, 'report') as Partial<GovernanceReport> | null;
  if (!r || typeof r !== 'object' || r.tool?.name !== 'conductor' || r.schemaVersion !== REPORT_SCHEMA_VERSION || !r.aiShare || !r.repository || !r.policy || !r.rework || !r.review) {
    throw new ReportInputError(`report ${file} is not a Conductor report of schema version ${REPORT_SCHEMA_VERSION} (conductor report --format json)`);
  }
  return r as GovernanceReport;
}

interface Sums {
  repositories: number;
  total: number;
  ai: number;
  human: number;
  unreviewed: number;
  rework: { ai: { added: number; reworked: number }; human: { added: number; reworked: number } };
  findings: number;
  inside: number;
  outside: number;
  scanners: { repositories: number; ai: number; human: number; aiLines: number; humanLines: number };
}

const emptySums = (): Sums => ({
  repositories: 0,
  total: 0,
  ai: 0,
  human: 0,
  unreviewed: 0,
  rework: { ai: { added: 0, reworked: 0 }, human: { added: 0, reworked: 0 } },
  findings: 0,
  inside: 0,
  outside: 0,
  scanners: { repositories: 0, ai: 0, human: 0, aiLines: 0, humanLines: 0 },
});

function addReport(s: Sums, r: GovernanceReport): void {
  const l = r.aiShare.lines;
  s.repositories++;
  s.total += l.total;
  s.ai += l.ai;
  s.human += l.human;
  s.unreviewed += r.review.lines.unreviewed;
  for (const side of ['ai', 'human'] as const) {
    s.rework[side].added += r.rework[side].added;
    s.rework[side].reworked += r.rework[side].reworked;
  }
  s.findings += r.policy.findings.total;
  s.inside += r.policy.aiRegions.inside;
  s.outside += r.policy.aiRegions.outside;
  // Reports written before the split have no `scanners` key.
  if (r.scanners) {
    s.scanners.repositories++;
    s.scanners.ai += r.scanners.ai;
    s.scanners.human += r.scanners.human;
    s.scanners.aiLines += r.scanners.lines.ai;
    s.scanners.humanLines += r.scanners.lines.human;
  }
}

function figures(s: Sums): OrgFigures {
  const side = (x: { added: number; reworked: number }) => ({ added: x.added, reworked: x.reworked, rate: ratio(x.reworked, x.added) });
  const sc = s.scanners;
  return {
    repositories: s.repositories,
    lines: { total: s.total, ai: s.ai, human: s.human },
    aiShare: ratio(s.ai, s.ai + s.human),
    unreviewedAiLines: s.unreviewed,
    rework: { ai: side(s.rework.ai), human: side(s.rework.human) },
    findings: { total: s.findings, per1000: per1000(s.findings, s.ai + s.human), aiPer1000: per1000(s.inside, s.ai), humanPer1000: per1000(s.outside, s.human) },
    scanners:
      sc.repositories === 0
        ? null
        : { repositories: sc.repositories, ai: sc.ai, human: sc.human, aiPer1000: per1000(sc.ai, sc.aiLines), humanPer1000: per1000(sc.human, sc.humanLines) },
  };
}

const mondayOf = (iso: string): number => weekStart(Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 1000));
const dayOf = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10);

/**
 * The organisation's weekly trend: each repository's points bucketed by week (its last point in the
 * week wins), then for every week the sum over repositories of their latest point so far.
 */
export function mergeTrends(reports: readonly GovernanceReport[]): OrgTrendPoint[] {
  const perRepo = reports.map((r) => {
    const weeks = new Map<number, { ai: number; human: number }>();
    for (const p of r.aiShare.trend.points) {
      weeks.set(mondayOf(p.date), { ai: p.ai, human: p.human });
    }
    return [...weeks.entries()].sort(([a], [b]) => a - b);
  });
  const allWeeks = [...new Set(perRepo.flatMap((w) => w.map(([t]) => t)))].sort((a, b) => a - b);
  const cursor = perRepo.map(() => -1);
  return allWeeks.map((week) => {
    let ai = 0;
    let human = 0;
    let repositories = 0;
    perRepo.forEach((points, i) => {
      while (cursor[i] + 1 < points.length && points[cursor[i] + 1][0] <= week) {
        cursor[i]++;
      }
      if (cursor[i] >= 0) {
        ai += points[cursor[i]][1].ai;
        human += points[cursor[i]][1].human;
        repositories++;
      }
    });
    return { week: dayOf(week), ai, human, share: ratio(ai, ai + human), repositories };
  });
}

export function mergeReports(inputs: readonly { file: string; report: GovernanceReport }[], now: number): OrgReport {
  const seen = new Map<string, string>();
  for (const { file, report } of inputs) {
    const id = `${report.repository.team ?? ''}\u0000${report.repository.name}`;
    const other = seen.get(id);
    if (other !== undefined) {
      // Adding the same repository twice would double its lines: refuse rather than guess which is current.
      throw new ReportInputError(`${other} and ${file} are both reports of repository "${report.repository.name}"; merge one report per repository`);
    }
    seen.set(id, file);
  }
  const reports = inputs.map((i) => i.report);
  const total = emptySums();
  const teams = new Map<string | null, Sums>();
  for (const r of reports) {
    addReport(total, r);
    const team = r.repository.team ?? null;
    const t = teams.get(team) ?? emptySums();
    addReport(t, r);
    teams.set(team, t);
  }
  const byName = <T extends { name: string }>(a: T, b: T): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return {
    schemaVersion: ORG_REPORT_SCHEMA_VERSION,
    kind: 'conductor-org-report',
    tool: { name: 'conductor', version: typeof VERSION === 'string' ? VERSION : 'dev' },
    generatedAt: new Date(now).toISOString(),
    sources: inputs.map((i) => i.file),
    total: figures(total),
    teams: [...teams.entries()]
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
      .map(([team, s]) => ({ team, ...figures(s) })),
    repositories: reports
      .map((r) => {
        const s = emptySums();
        addReport(s, r);
        return { name: r.repository.name, team: r.repository.team ?? null, head: r.repository.head, branch: r.repository.branch, generatedAt: r.generatedAt, ...figures(s) };
      })
      .sort(byName),
    trend: mergeTrends(reports),
  };
}
