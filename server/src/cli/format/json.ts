import { countBySeverity, type GateReport } from './report';

/**
 * Stable machine-readable output: 1-based lines and columns, like every other linter's JSON.
 * Version 1; fields are only ever added.
 */
export function formatJson(report: GateReport): string {
  const results = report.files
    .filter((f) => f.findings.length > 0)
    .map((f) => ({
      path: f.relPath,
      findings: f.findings.map((x, i) => ({
        ruleId: x.ruleId,
        severity: x.severity,
        message: x.message,
        line: x.range.start.line + 1,
        column: x.range.start.character + 1,
        endLine: x.range.end.line + 1,
        endColumn: x.range.end.character + 1,
        fixable: x.fixes.some((fx) => fx.safe),
        docsUrl: x.docsUrl,
        ...(f.fingerprints?.[i] ? { fingerprint: f.fingerprints[i] } : {}),
        ...(x.properties ? { properties: x.properties } : {}),
      })),
    }));
  const counts = countBySeverity(report.files);
  const summary = {
    errors: counts.error,
    warnings: counts.warning,
    infos: counts.info,
    hints: counts.hint,
    ...(report.baseline ? { known: report.baseline.known, stale: report.baseline.stale.length } : {}),
  };
  return (
    JSON.stringify(
      {
        version: 1,
        results,
        skipped: report.skipped,
        summary,
        ...(report.changes ? { changes: report.changes } : {}),
        ...(report.baseline ? { baseline: { file: report.baseline.file, known: report.baseline.known, stale: report.baseline.stale } } : {}),
        ...(report.policySha256 ? { policy: { sha256: report.policySha256 } } : {}),
        ...(report.shard ? { shard: report.shard } : {}),
      },
      null,
      2,
    ) + '\n'
  );
}
