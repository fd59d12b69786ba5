import type { SkippedFile } from '../../engine';
import type { FileResult } from '../../scan/scan-workspace';

/** Stable machine-readable output: 1-based lines and columns, like every other linter's JSON. */
export function formatJson(files: FileResult[], skipped: SkippedFile[]): string {
  const results = files
    .filter((f) => f.findings.length > 0)
    .map((f) => ({
      path: f.relPath,
      findings: f.findings.map((x) => ({
        ruleId: x.ruleId,
        severity: x.severity,
        message: x.message,
        line: x.range.start.line + 1,
        column: x.range.start.character + 1,
        endLine: x.range.end.line + 1,
        endColumn: x.range.end.character + 1,
        fixable: x.fixes.some((fx) => fx.safe),
        docsUrl: x.docsUrl,
        ...(x.properties ? { properties: x.properties } : {}),
      })),
    }));
  return JSON.stringify({ version: 1, results, skipped }, null, 2) + '\n';
}
