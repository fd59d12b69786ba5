// The lines an agent is about to write, as AI regions: the engine then checks them as it checks any AI
// block (use cases, aiSeverity, aiOnly), without a marker being written into the file.
import { markerProvenance } from '../provenance/marker-source';
import type { AiRegion, ParsedProvenance, ProvenanceSource } from '../provenance/types';
import type { LineSpan } from './proposed-content';

/** The id the proposed blocks carry in findings (`agent1`, `agent2`, …); never written anywhere. */
export const PROPOSED_REGION_PREFIX = 'agent';

export interface ProposedFields {
  tool: string;
  useCase?: string;
}

/** Marker regions of the proposed text, plus one region per changed span (each span's lines, no marker lines). */
export function agentProvenance(spans: readonly LineSpan[], fields: ProposedFields, base: ProvenanceSource = markerProvenance): ProvenanceSource {
  return {
    regionsFor(relPath, text, languageId): ParsedProvenance {
      const parsed = base.regionsFor(relPath, text, languageId);
      const proposed = spans.map((s, i) => spanRegion(s, i, fields, text));
      return { ...parsed, regions: [...parsed.regions, ...proposed].sort((a, b) => a.beginLine - b.beginLine) };
    },
  };
}

function spanRegion(span: LineSpan, index: number, fields: ProposedFields, text: string): AiRegion {
  // A region's content lies strictly between beginLine and endLine (regionAt): begin one line above.
  const firstLineEnd = text.split('\n', span.start + 1)[span.start]?.length ?? 0;
  const first = { start: { line: span.start, character: 0 }, end: { line: span.start, character: firstLineEnd } };
  return {
    id: `${PROPOSED_REGION_PREFIX}${index + 1}`,
    tool: fields.tool,
    ...(fields.useCase !== undefined && { useCase: fields.useCase }),
    extra: {},
    beginLine: span.start - 1,
    endLine: span.end,
    contentRange: { start: { line: span.start, character: 0 }, end: { line: span.end, character: 0 } },
    // AI-policy findings sit on the begin range: here the first line the agent writes.
    beginRange: first,
    endRange: first,
    fieldsEnd: first.end,
  };
}
