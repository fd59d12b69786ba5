// Strict reading of a sidecar record. Records are written by Conductor only: anything unexpected
// (unknown key, wrong type, a range that does not fit its line hashes) is reported, never guessed.
import { z } from 'zod';
import { isKnownKey, isMarkerId, isMarkerTime } from '../marker-grammar';
import { contentHashOf } from './content-hash';
import { parseLineHash } from './line-hash';
import { AGENT_TRACE_VERSION, isModelId, SIDECAR_FORMAT, VENDOR_KEY, type SidecarBlock, type SidecarRecord } from './record';

/** Free-text values must survive a conversion to markers: one line, no comment closer, bounded. */
const value = z
  .string()
  .min(1)
  .max(200)
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v) && !['*/', '-->', '-}', ']]'].some((c) => v.includes(c)), 'one line, without a comment closer');
const time = z.string().refine(isMarkerTime, 'ISO-8601 UTC such as 2026-11-24T10:31Z');

const rangeSchema = z.object({ start_line: z.number().int().min(1), end_line: z.number().int().min(1), content_hash: z.string() }).strict();
const conversationSchema = z
  .object({
    contributor: z.object({ type: z.literal('ai'), model_id: z.string().refine(isModelId, 'provider/model').optional() }).strict(),
    ranges: z.array(rangeSchema).length(1),
  })
  .strict();
const blockSchema = z
  .object({
    id: z.string().refine(isMarkerId, '4–12 hex digits'),
    tool: value,
    use_case: value.optional(),
    at: time.optional(),
    reviewed_by: value.optional(),
    reviewed_at: time.optional(),
    accepted_by: value.optional(),
    extra: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/).refine((k) => !isKnownKey(k), 'a known marker key'), value).optional(),
    lines: z.array(z.string()).min(1).max(100_000),
  })
  .strict();
const recordSchema = z
  .object({
    version: z.literal(AGENT_TRACE_VERSION),
    id: z.string().min(1).max(100),
    timestamp: z.string().min(1).max(100),
    vcs: z.object({ type: z.literal('git'), revision: z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/) }).strict().optional(),
    tool: z.object({ name: z.literal('conductor'), version: z.string().max(100) }).strict(),
    files: z.array(z.object({ path: z.string(), conversations: z.array(conversationSchema).max(10_000) }).strict()).length(1),
    metadata: z
      .object({
        [VENDOR_KEY]: z.object({ format: z.literal(SIDECAR_FORMAT), blob: z.string().regex(/^[0-9a-f]{40}$/), blocks: z.array(blockSchema) }).strict(),
      })
      .strict(),
  })
  .strict();

/** A block the record lists but that cannot be trusted: its recorded lines still count as AI code. */
export interface RejectedBlock {
  id?: string;
  /** 0-based, inclusive, as recorded (the caller clamps them to the file). */
  first: number;
  last: number;
  reason: string;
}

export type RecordParse =
  | { ok: true; record: SidecarRecord; rejected: RejectedBlock[] }
  | { ok: false; reason: string };

/** Parses the record of `relPath`. A record-level failure means nothing in it can be trusted. */
export function parseRecord(relPath: string, text: string): RecordParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `not JSON (${(e as Error).message})` };
  }
  const parsed = recordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue.path.join('.') || 'record'}: ${issue.message}` };
  }
  const r = parsed.data;
  const file = r.files[0];
  if (file.path !== relPath) {
    return { ok: false, reason: `it is the record of "${file.path}", not of this file` };
  }
  const vendor = r.metadata[VENDOR_KEY];
  if (vendor.blocks.length !== file.conversations.length) {
    return { ok: false, reason: `${file.conversations.length} conversation(s) but ${vendor.blocks.length} block(s)` };
  }
  const blocks: SidecarBlock[] = [];
  const rejected: RejectedBlock[] = [];
  const ids = new Set<string>();
  vendor.blocks.forEach((b, i) => {
    const conversation = file.conversations[i];
    const range = conversation.ranges[0];
    const lines = b.lines.map(parseLineHash);
    const first = range.start_line - 1;
    const last = range.end_line - 1;
    const reject = (reason: string): void => {
      rejected.push({ id: b.id, first, last: Math.max(first, last), reason });
    };
    if (ids.has(b.id.toLowerCase())) {
      reject(`block ${b.id} appears twice`);
    } else if (lines.some((h) => h === undefined)) {
      reject(`block ${b.id} has a line hash that is not 14 hex digits`);
    } else if (range.end_line - range.start_line + 1 !== lines.length) {
      reject(`block ${b.id}: lines ${range.start_line}–${range.end_line} but ${lines.length} line hash(es)`);
    } else if (range.content_hash !== contentHashOf(lines as number[])) {
      reject(`block ${b.id}: its content_hash does not match its line hashes (edited by hand?)`);
    } else {
      const optional = { model: conversation.contributor.model_id, useCase: b.use_case, at: b.at, reviewedBy: b.reviewed_by, reviewedAt: b.reviewed_at, acceptedBy: b.accepted_by };
      blocks.push({
        id: b.id.toLowerCase(),
        tool: b.tool,
        ...(Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) as Partial<typeof optional>),
        extra: b.extra ?? {},
        startLine: first,
        lines: lines as number[],
      });
    }
    ids.add(b.id.toLowerCase());
  });
  const record: SidecarRecord = { path: file.path, id: r.id, timestamp: r.timestamp, ...(r.vcs ? { revision: r.vcs.revision } : {}), blob: vendor.blob, blocks };
  return { ok: true, record, rejected };
}
