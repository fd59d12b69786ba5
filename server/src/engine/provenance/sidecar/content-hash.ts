import { createHash } from 'crypto';
import { formatLineHash } from './line-hash';

/**
 * A range's Agent Trace `content_hash`: SHA-256 of its line hashes, so a hand edit of the hashes or of
 * the range's length shows (the line hashes themselves are recomputable by anyone; see docs/provenance.md).
 */
export function contentHashOf(lines: readonly number[]): string {
  return `sha256:${createHash('sha256').update(lines.map(formatLineHash).join('\n'), 'utf8').digest('hex')}`;
}
