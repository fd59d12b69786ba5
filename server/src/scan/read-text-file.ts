import * as fs from 'fs';
import { isUtf8 } from 'buffer';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export type ReadResult = { text: string; bytes: number } | { skipped: string; bytes: number };

/** Reads a file once as UTF-8 text, or says why it is not checked (too large, binary, not UTF-8). */
export function readTextFile(file: string, maxBytes = DEFAULT_MAX_BYTES): ReadResult {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    return { skipped: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, bytes: 0 };
  }
  // One open, one fstat, one read: the size check and the content come from the same handle.
  try {
    const size = fs.fstatSync(fd).size;
    if (size > maxBytes) {
      return { skipped: `too large (${formatBytes(size)} > ${formatBytes(maxBytes)})`, bytes: size };
    }
    const buf = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = fs.readSync(fd, buf, read, size - read, read);
      if (n === 0) {
        break;
      }
      read += n;
    }
    return decodeText(buf.subarray(0, read));
  } catch (e) {
    return { skipped: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, bytes: 0 };
  } finally {
    fs.closeSync(fd);
  }
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

export function formatBytes(n: number): string {
  return n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(0)} KB` : `${n} B`;
}
