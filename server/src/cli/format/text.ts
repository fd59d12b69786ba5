import type { Finding, Severity } from '../../engine';
import { countBySeverity, plural, type GateReport } from './report';

const COLORS: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '90' };

/**
 * ESLint "stylish"-like text: a block per file, a summary line, colour only on a TTY.
 * The `$conductor` problem matcher (package.json) reads this format: keep its shape
 * (a path line, then `  line:col  severity  message  ruleId` lines).
 */
export function formatText(report: GateReport, color: boolean): string {
  const paint = (code: string, s: string): string => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  for (const f of report.files) {
    if (f.findings.length === 0) {
      continue;
    }
    out.push('', paint('4', f.relPath));
    for (const x of f.findings) {
      out.push(`  ${pos(x).padEnd(9)} ${paint(COLORS[x.severity], x.severity.padEnd(7))}  ${oneLine(x.message)}  ${paint('90', x.ruleId)}`);
    }
  }
  const counts = countBySeverity(report.files);
  const total = counts.error + counts.warning + counts.info + counts.hint;
  out.push('');
  if (total === 0) {
    out.push(paint('32', '✔ No problems found.'));
  } else {
    const summary = `✖ ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info + counts.hint} info)`;
    out.push(paint(counts.error > 0 ? '31;1' : '33;1', summary));
  }
  const notes: string[] = [];
  if (report.changes) {
    const what = report.changes.mode === 'staged' ? 'staged changes' : `changes since ${report.changes.ref}`;
    notes.push(`Checked ${plural(report.changes.files, 'changed file')} (${what}); findings on unchanged lines are not reported.`);
  }
  if (report.baseline) {
    const { known, stale, file } = report.baseline;
    notes.push(`Baseline ${file}: ${plural(known, 'known finding')} hidden, ${stale.length} stale ${stale.length === 1 ? 'entry' : 'entries'}.`);
  }
  if (report.skipped.length > 0) {
    const reasons = new Map<string, number>();
    for (const s of report.skipped) {
      const key = s.reason.replace(/\s*\(.*\)$/, '');
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
    notes.push(`Skipped ${report.skipped.length} file(s): ${[...reasons].map(([r, n]) => `${n} ${r}`).join(', ')} (--verbose lists them)`);
  }
  for (const n of notes) {
    out.push(paint('90', n));
  }
  return out.join('\n') + '\n';
}

function pos(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1}`;
}

/** A message on one line, so the problem matcher and `grep` see whole findings. */
function oneLine(s: string): string {
  return s.replace(/\s*\r?\n\s*/g, ' ');
}
