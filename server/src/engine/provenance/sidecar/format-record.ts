// Writes a sidecar record (the inverse of parse-record.ts): stable key order, one file per record.
import { contentHashOf } from './content-hash';
import { formatLineHash } from './line-hash';
import { AGENT_TRACE_VERSION, SIDECAR_FORMAT, VENDOR_KEY, type SidecarRecord } from './record';

/** The record as the JSON text stored on disk (2-space indent, final newline). */
export function formatRecord(record: SidecarRecord, toolVersion: string): string {
  const blocks = [...record.blocks].sort((a, b) => a.startLine - b.startLine);
  const json = {
    version: AGENT_TRACE_VERSION,
    id: record.id,
    timestamp: record.timestamp,
    ...(record.revision ? { vcs: { type: 'git', revision: record.revision } } : {}),
    tool: { name: 'conductor', version: toolVersion },
    files: [
      {
        path: record.path,
        conversations: blocks.map((b) => ({
          contributor: b.model ? { type: 'ai', model_id: b.model } : { type: 'ai' },
          ranges: [{ start_line: b.startLine + 1, end_line: b.startLine + b.lines.length, content_hash: contentHashOf(b.lines) }],
        })),
      },
    ],
    metadata: {
      [VENDOR_KEY]: {
        format: SIDECAR_FORMAT,
        blob: record.blob,
        blocks: blocks.map((b) => ({
          id: b.id,
          tool: b.tool,
          use_case: b.useCase,
          at: b.at,
          reviewed_by: b.reviewedBy,
          reviewed_at: b.reviewedAt,
          accepted_by: b.acceptedBy,
          extra: Object.keys(b.extra).length > 0 ? b.extra : undefined,
          lines: b.lines.map(formatLineHash),
        })),
      },
    },
  };
  return JSON.stringify(json, null, 2) + '\n';
}
