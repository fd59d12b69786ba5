import type { Finding, Severity } from '../types';
import { aiPolicyOf } from '../ai-policy/compile';
import { EXCLUDED_PATH, FORBIDDEN_PATH } from '../ai-policy/rules';
import { SEVERITY_RANK } from '../types';
import { regionAt } from '../provenance/region-at';
import { INVALID_MARKER, UNKNOWN_MARKER_KEY } from '../registry/provenance-rules';
import type { DocumentContext } from './document-context';

/** Marker problems (unclosed, stray, duplicate, nested, malformed) as findings with their fixes. */
export function checkMarkers(ctx: DocumentContext, docsUrl: (id: string) => string | undefined): Finding[] {
  const out: Finding[] = [];
  const floor = ctx.provenance.problems.length > 0 ? protectedPathSeverity(ctx) : undefined;
  for (const p of ctx.provenance.problems) {
    const ruleId = p.kind === 'unknown-key' ? UNKNOWN_MARKER_KEY : INVALID_MARKER;
    const rule = ctx.rules.get(ruleId);
    if (!rule) {
      continue;
    }
    out.push({
      ruleId,
      severity: ruleId === INVALID_MARKER && floor && SEVERITY_RANK[floor] > SEVERITY_RANK[rule.severity] ? floor : rule.severity,
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
 * In a path forbidden or excluded for AI code, a broken marker hides what the policy forbids: it is
 * at least as severe as the finding it could hide.
 */
function protectedPathSeverity(ctx: DocumentContext): Severity | undefined {
  const ai = aiPolicyOf(ctx.policy);
  const rel = ctx.doc.relPath;
  const ids = [
    ...(ai.forbidden.some((f) => f.matching(rel) !== undefined) ? [FORBIDDEN_PATH] : []),
    ...(ai.excluded.some((e) => e.applies(rel)) ? [EXCLUDED_PATH] : []),
  ];
  let out: Severity | undefined;
  for (const id of ids) {
    const s = ctx.rules.get(id)?.severity;
    if (s && (!out || SEVERITY_RANK[s] > SEVERITY_RANK[out])) {
      out = s;
    }
  }
  return out;
}

/**
 * Findings inside AI regions get the rule's `aiSeverity` when it is stricter, and carry the
 * region's facts (tool, use case, reviewed) for SARIF and reports.
 */
export function applyAiContext(ctx: DocumentContext, findings: Finding[]): Finding[] {
  const { regions, unpaired = [] } = ctx.provenance;
  if (regions.length === 0 && unpaired.length === 0) {
    return findings;
  }
  for (const f of findings) {
    const line = f.range.start.line;
    const region = regionAt(regions, line);
    // Code under a broken marker is AI code too: unknown tool and use case, unreviewed.
    const block = region ? undefined : unpaired.find((b) => b.beginLine < line && line < b.endLine);
    if (!region && !block) {
      continue;
    }
    const ai = ctx.rules.get(f.ruleId)?.aiSeverity;
    if (ai && SEVERITY_RANK[ai] > SEVERITY_RANK[f.severity]) {
      f.severity = ai;
    }
    f.properties = {
      ...f.properties,
      ai: region
        ? { blockId: region.id, tool: region.tool, useCase: region.useCase ?? null, reviewed: region.reviewedBy !== undefined }
        : { blockId: block?.id ?? null, tool: 'unknown', useCase: null, reviewed: false },
    };
  }
  return findings;
}

export { regionAt };
