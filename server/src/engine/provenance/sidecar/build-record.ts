// Between regions, records and marker fields: what the writers (conversion, the store) need.
import type { AiRegion, MarkerFields } from '../types';
import type { AnchoredRecord } from './anchor-record';
import { gitBlobId } from './git-blob-id';
import { lineHashOf } from './line-hash';
import { isModelId, type SidecarBlock, type SidecarRecord } from './record';

export type BlockFields = Omit<SidecarBlock, 'startLine' | 'lines'>;

/** A region's fields as a block's: a `model=` field in `provider/model` form becomes the block's model. */
export function blockFieldsOf(region: AiRegion): BlockFields {
  const { model, ...extra } = region.extra;
  const modelOk = model !== undefined && isModelId(model);
  return {
    id: region.id,
    tool: region.tool,
    ...(modelOk ? { model } : {}),
    ...definedOnly({ useCase: region.useCase, at: region.at, reviewedBy: region.reviewedBy, reviewedAt: region.reviewedAt, acceptedBy: region.acceptedBy }),
    extra: modelOk || model === undefined ? extra : { ...extra, model },
  };
}

/** A block's fields for a begin marker (its model as `model=`). */
export function markerFieldsOf(block: BlockFields, id = block.id): MarkerFields {
  return {
    id,
    tool: block.tool,
    ...definedOnly({ useCase: block.useCase, at: block.at, reviewedBy: block.reviewedBy, reviewedAt: block.reviewedAt, acceptedBy: block.acceptedBy }),
    extra: block.model ? { ...block.extra, model: block.model } : { ...block.extra },
  };
}

/** The block recording lines `first..last` (0-based, inclusive) of the current text. */
export function blockAt(fields: BlockFields, lines: readonly string[], first: number, last: number): SidecarBlock {
  return { ...fields, startLine: first, lines: lines.slice(first, last + 1).map(lineHashOf) };
}

/**
 * The blocks of a record at their current positions, for writing it back: each run of a split block
 * becomes a block of its own, the first keeping the id and the others getting `newId()`.
 */
export function refreshedBlocks(anchored: AnchoredRecord, lines: readonly string[], newId: () => string): SidecarBlock[] {
  return anchored.blocks.flatMap(({ block, runs }) => runs.map((run, i) => blockAt(i === 0 ? block : { ...block, id: newId() }, lines, run.first, run.last)));
}

export interface RecordMeta {
  id: string;
  timestamp: string;
  revision?: string;
}

export function recordOf(relPath: string, text: string, blocks: SidecarBlock[], meta: RecordMeta): SidecarRecord {
  return { path: relPath, id: meta.id, timestamp: meta.timestamp, ...(meta.revision ? { revision: meta.revision } : {}), blob: gitBlobId(text), blocks };
}

function definedOnly<T extends Record<string, string | undefined>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
