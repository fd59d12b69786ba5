import type { Finding } from '../types';
import { SEVERITY_RANK } from '../types';
import type { AiRegion } from '../provenance';
import { INVALID_MARKER, UNKNOWN_MARKER_KEY } from '../rules/provenance-rules';
import type { DocumentContext } from './document-context';

/** Marker problems (unclosed, stray, duplicate, nested, malformed) as findings with their fixes. */
export function checkMarkers(ctx: DocumentContext, docsUrl: (id: string) => string | undefined): Finding[] {
  const out: Finding[] = [];
  for (const p of ctx.provenance.problems) {
    const ruleId = p.kind === 'unknown-key' ? UNKNOWN_MARKER_KEY : INVALID_MARKER;
    const rule = ctx.rules.get(ruleId);
    if (!rule) {
      continue;
    }
    out.push({
      ruleId,
      severity: rule.severity,
      message: p.message,
      range: p.range,
      fixes: p.fix ? [{ title: p.fix.title, edits: p.fix.edits, safe: false }] : [],
      docsUrl: docsUrl(ruleId),
      origin: rule.origin,
    });
  }
  return out;
}

/**
 * Findings inside AI regions get the rule's `aiSeverity` when it is stricter, and carry the
 * region's facts (tool, use case, reviewed) for SARIF and reports.
 */
export function applyAiContext(ctx: DocumentContext, findings: Finding[]): Finding[] {
  const regions = ctx.provenance.regions;
  if (regions.length === 0) {
    return findings;
  }
  for (const f of findings) {
    const region = regionAt(regions, f.range.start.line);
    if (!region) {
      continue;
    }
    const ai = ctx.rules.get(f.ruleId)?.aiSeverity;
    if (ai && SEVERITY_RANK[ai] > SEVERITY_RANK[f.severity]) {
      f.severity = ai;
    }
    f.properties = {
      ...f.properties,
      ai: { blockId: region.id, tool: region.tool, useCase: region.useCase ?? null, reviewed: region.reviewedBy !== undefined },
    };
  }
  return findings;
}

/** The region whose content holds a line (marker lines excluded). Regions are sorted by begin line. */
export function regionAt(regions: AiRegion[], line: number): AiRegion | undefined {
  let lo = 0;
  let hi = regions.length - 1;
  let found: AiRegion | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (regions[mid].beginLine < line) {
      found = regions[mid];
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  // With nested (invalid) regions the nearest preceding begin may have ended: fall back to a scan.
  if (found && line < found.endLine) {
    return found;
  }
  return regions.find((r) => r.beginLine < line && line < r.endLine);
}
