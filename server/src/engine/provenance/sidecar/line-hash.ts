// Line hashes for sidecar records: what re-anchoring matches to find an AI range's lines again.
//
// A line is normalised before hashing (leading and trailing blanks dropped, inner runs of blanks read
// as one space) so that re-indenting AI code keeps its attribution. The hash is 53 bits of two
// 32-bit multiplicative lanes, computed in one pass without allocating: re-anchoring hashes every
// line of the file on each check, and SHA-256 per line alone cost more than the 20 ms edit budget on
// a 5,000-line file. It identifies lines, it does not protect them (see docs/provenance.md).

/** Hex digits of a stored line hash (53 bits). */
export const LINE_HASH_DIGITS = 14;
const LINE_HASH = /^[0-9a-f]{14}$/;

/** The hash of a line's normalised content, as a safe integer (Map keys stay numbers). */
export function lineHashOf(line: string): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  let pendingSpace = false;
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11) {
      pendingSpace = started;
      continue;
    }
    if (pendingSpace) {
      a = Math.imul(a ^ 32, 0x01000193);
      b = Math.imul(b ^ 32, 0x5bd1e995);
      b ^= b >>> 15;
      pendingSpace = false;
    }
    started = true;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) >>> 11);
}

export function formatLineHash(hash: number): string {
  return hash.toString(16).padStart(LINE_HASH_DIGITS, '0');
}

/** The stored form back to a number, or undefined when it is not one. */
export function parseLineHash(text: string): number | undefined {
  return LINE_HASH.test(text) ? Number.parseInt(text, 16) : undefined;
}

/** Whether a line can anchor a range on its own: it has a letter or a digit (`}` occurs everywhere). */
export function isAnchorLine(line: string): boolean {
  return /[\p{L}\p{N}]/u.test(line);
}
