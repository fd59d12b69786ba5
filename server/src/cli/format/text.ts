import type { Finding, Severity, SkippedFile } from '../../engine';
import type { FileResult } from '../../scan/scan-workspace';

const COLORS: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '90' };

/** ESLint "stylish"-like text: a block per file, a summary line, colour only on a TTY. */
export function formatText(files: FileResult[], skipped: SkippedFile[], color: boolean): string {
  const paint = (code: string, s: string): string => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of files) {
    if (f.findings.length === 0) {
      continue;
    }
    out.push('', paint('4', f.relPath));
    for (const x of f.findings) {
      counts[x.severity]++;
      out.push(`  ${pos(x).padEnd(9)} ${paint(COLORS[x.severity], x.severity.padEnd(7))}  ${x.message}  ${paint('90', x.ruleId)}`);
    }
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  out.push('');
  if (total === 0) {
    out.push(paint('32', '✔ No problems found.'));
  } else {
    const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info + counts.hint} info)`;
    out.push(paint(counts.error > 0 ? '31;1' : '33;1', summary));
  }
  if (skipped.length > 0) {
    const reasons = new Map<string, number>();
    for (const s of skipped) {
      const key = s.reason.replace(/\s*\(.*\)$/, '');
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
    out.push(paint('90', `Skipped ${skipped.length} file(s): ${[...reasons].map(([r, n]) => `${n} ${r}`).join(', ')} (--verbose lists them)`));
  }
  return out.join('\n') + '\n';
}

function pos(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1}`;
}
