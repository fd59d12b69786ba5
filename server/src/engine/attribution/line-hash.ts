import { createHash } from 'crypto';

/**
 * Whether a line can identify AI code on its own: after trimming it has a letter or a digit. Lines
 * such as `}` or `);` occur everywhere and would match code that was never in the block.
 */
export function isSignificantLine(trimmed: string): boolean {
  return /[\p{L}\p{N}]/u.test(trimmed);
}

/** A short content hash of a trimmed line (64 bits of SHA-256, hex), as ownership records store them. */
export function lineHash(trimmed: string): string {
  return createHash('sha256').update(trimmed, 'utf8').digest('hex').slice(0, 16);
}
