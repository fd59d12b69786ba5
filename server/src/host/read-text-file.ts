import { readBounded } from './read-bounded';
import { isUtf8 } from 'buffer';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export type ReadResult = { text: string; bytes: number } | { skipped: string; bytes: number };

/**
 * Reads a file once as UTF-8 text through the bounded reader, or says why it is not checked (too
 * large, not a regular file, a symlink out of `within`, binary, not UTF-8).
 */
export function readTextFile(file: string, maxBytes = DEFAULT_MAX_BYTES, within?: readonly string[]): ReadResult {
  const r = readBounded(file, { maxBytes, ...(within && { within }) });
  return r.ok ? decodeText(r.buffer) : { skipped: r.reason, bytes: 0 };
}

/** Binary (a NUL byte in the first 8 KB, as git and ripgrep decide) or invalid UTF-8 is skipped. */
export function decodeText(buf: Buffer): ReadResult {
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) {
    return { skipped: 'binary', bytes: buf.length };
  }
  if (!isUtf8(buf)) {
    return { skipped: 'not valid UTF-8', bytes: buf.length };
  }
  const text = buf.toString('utf8');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, bytes: buf.length };
}

export { formatBytes } from './read-bounded';
