// The sidecar store's pure half: record format, line hashes, re-anchoring and the ProvenanceSource.
export { anchorRecord, type AnchoredBlock, type AnchoredRecord } from './anchor-record';
export { gitBlobId } from './git-blob-id';
export { isAnchorLine, lineHashOf, formatLineHash, parseLineHash } from './line-hash';
export { parseRecord, type RecordParse, type RejectedBlock } from './parse-record';
export { formatRecord } from './format-record';
export { reanchor, type AnchorInput, type LineRun } from './reanchor';
export { isModelId, isRecordablePath, recordPathFor, SIDECAR_DIR, type SidecarBlock, type SidecarRecord } from './record';
export { recordProvenance, sidecarProvenance, type RecordLookup } from './sidecar-source';
export { blockAt, blockFieldsOf, markerFieldsOf, recordOf, refreshedBlocks, type BlockFields, type RecordMeta } from './build-record';
