// `conductor report --format text`: the headline figures for a terminal or a CI log.
import type { GovernanceReport } from './schema';

const pct = (v: number | null): string => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);
const num = (v: number): string => v.toLocaleString('en-US');

export function formatDuration(seconds: number | null): string {
  if (seconds === null) {
    return '–';
  }
  if (seconds < 3600) {
    return `${Math.round(seconds / 60)} min`;
  }
  if (seconds < 2 * 86400) {
    return `${(seconds / 3600).toFixed(1)} h`;
  }
  return `${(seconds / 86400).toFixed(1)} d`;
}

export function formatReportText(r: GovernanceReport): string {
  const s = r.aiShare;
  const out: string[] = [];
  const head = r.repository.git
    ? `${r.repository.commits} commits, HEAD ${r.repository.head?.slice(0, 10)}${r.repository.branch ? ` (${r.repository.branch})` : ''}`
    : 'not a git repository: no history metrics';
  out.push(`Governance report for ${r.repository.name} — ${head}`);
  if (r.repository.shallow) {
    out.push('Note: a shallow clone — history metrics start at its oldest commit (git fetch --unshallow, or fetch-depth: 0 in CI, for all of it).');
  }
  out.push('');
  out.push(`AI share         ${pct(s.share)}  (${num(s.lines.ai)} AI / ${num(s.lines.ai + s.lines.human)} lines, ${s.blocks} blocks in ${s.files.withAi} of ${s.files.total} files)`);
  const top = s.byFolder.filter((f) => f.depth === 1 && f.ai > 0).sort((a, b) => (b.share ?? 0) - (a.share ?? 0)).slice(0, 5);
  for (const f of top) {
    out.push(`  ${f.folder.padEnd(20)} ${pct(f.share).padStart(6)}  (${num(f.ai)} of ${num(f.ai + f.human)})`);
  }
  if (s.trend.points.length > 1) {
    const first = s.trend.points[0];
    const last = s.trend.points[s.trend.points.length - 1];
    out.push(`  trend: ${pct(first.share)} (${first.date}) → ${pct(last.share)} (${last.date}), ${s.trend.points.length} points by ${s.trend.sampling}`);
  }
  const rv = r.review;
  out.push(`Reviewed         ${pct(rv.reviewedShare)}  (${num(rv.lines.reviewed)} reviewed, ${num(rv.lines.unreviewed)} unreviewed AI lines; ${rv.blocks.unreviewed} unreviewed blocks)`);
  if (rv.unreviewedAge.medianDays !== null) {
    out.push(`  median age of unreviewed blocks: ${rv.unreviewedAge.medianDays.toFixed(1)} d`);
  }
  const rw = r.rework;
  out.push(
    `Rework (${rw.windowDays} d)      AI ${pct(rw.ai.rate)} (${num(rw.ai.reworked)}/${num(rw.ai.added)})  vs  human ${pct(rw.human.rate)} (${num(rw.human.reworked)}/${num(rw.human.added)})`,
  );
  const lt = r.leadTime;
  out.push(`Review lead time median ${formatDuration(lt.medianSeconds)}, p90 ${formatDuration(lt.p90Seconds)} (${lt.reviewed} of ${lt.blocks} blocks reviewed)`);
  const p = r.policy;
  out.push(
    `Findings         ${num(p.findings.total)} (${p.findings.bySeverity.error} errors, ${p.findings.bySeverity.warning} warnings${p.findings.baselined ? `, ${p.findings.baselined} baselined` : ''}); secrets ${p.secrets}, boundary violations ${p.boundaryViolations}`,
  );
  if (p.findings.byLayer.length > 0) {
    out.push(`  by layer: ${p.findings.byLayer.map((l) => `${l.layer} ${l.count}`).join(', ')}`);
  }
  const per = (v: number | null): string => (v === null ? '–' : v.toFixed(2));
  out.push(`  per 1,000 lines: ${per(p.aiRegions.insidePer1000)} in AI code, ${per(p.aiRegions.outsidePer1000)} in human code`);
  return out.join('\n') + '\n';
}
