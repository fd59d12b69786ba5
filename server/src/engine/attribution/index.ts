export { attributionRemovedFindings } from './attribution-findings';
export { isSignificantLine, lineHash } from './line-hash';
export { formatOwnershipRecord, MAX_OWNERSHIP_LOG_BYTES, OWNERSHIP_LOG, parseOwnershipLog, type OwnershipLog, type OwnershipRecord } from './ownership-log';
export { removedAttributions, type AttributionInput, type RemovedBlock } from './removed-attribution';
