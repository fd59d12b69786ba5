import * as fs from 'fs';
import * as path from 'path';

// The one way Conductor reads a file it did not write itself. A pull request controls what sits at
// every path: a FIFO must not block, /dev/zero must not grow memory, a symlink must not lead out of
// the workspace, and an unreadable file must say so instead of passing as "absent".

/** Rule files, manifests, baselines, ignore files: data, a few MB at most. */
export const CONFIG_MAX_BYTES = 4 * 1024 * 1024;

export type ReadFailure = 'missing' | 'not-regular' | 'too-large' | 'outside' | 'unreadable';

export type BoundedRead =
  | { ok: true; buffer: Buffer; size: number; mtimeMs: number; realPath: string }
  | { ok: false; failure: ReadFailure; reason: string };

export interface ReadBoundedOptions {
  maxBytes: number;
  /**
   * Directories a symlink may lead into: when the file's real path differs from the path given (it or
   * a folder on the way is a link), it must lie inside one of them.
   */
  within?: readonly string[];
}

const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** Reads at most `maxBytes` of a regular file, or says why not; never blocks on a FIFO or device. */
export function readBounded(file: string, options: ReadBoundedOptions): BoundedRead {
  let real = file;
  try {
    const lst = fs.lstatSync(file);
    if (lst.isSymbolicLink() || options.within) {
      real = fs.realpathSync.native(file);
    }
  } catch (e) {
    return errnoFailure(e);
  }
  if (options.within && real !== path.resolve(file) && !options.within.some((dir) => isInside(real, realDir(dir)))) {
    return { ok: false, failure: 'outside', reason: `a symlink leads outside the workspace (to ${real})` };
  }
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once; fstat then refuses it.
    fd = fs.openSync(real, OPEN_FLAGS);
  } catch (e) {
    return errnoFailure(e);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) {
      return { ok: false, failure: 'not-regular', reason: 'not a regular file' };
    }
    if (st.size > options.maxBytes) {
      return tooLarge(st.size, options.maxBytes);
    }
    // Read at most cap + 1 bytes: a file that grows while it is read is still caught.
    const buf = Buffer.allocUnsafe(Math.min(st.size, options.maxBytes) + 1);
    let read = 0;
    while (read < buf.length) {
      const n = fs.readSync(fd, buf, read, buf.length - read, read);
      if (n === 0) {
        break;
      }
      read += n;
    }
    if (read > options.maxBytes) {
      return tooLarge(read, options.maxBytes);
    }
    return { ok: true, buffer: buf.subarray(0, read), size: st.size, mtimeMs: st.mtimeMs, realPath: real };
  } catch (e) {
    return errnoFailure(e);
  } finally {
    fs.closeSync(fd);
  }
}

export type TextRead = { ok: true; text: string } | { ok: false; failure: ReadFailure; reason: string };

/** A bounded read decoded as UTF-8, without a byte order mark. */
export function readBoundedText(file: string, options: ReadBoundedOptions): TextRead {
  const r = readBounded(file, options);
  if (!r.ok) {
    return r;
  }
  const text = r.buffer.toString('utf8');
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

const realDirs = new Map<string, string>();

/** Workspace roots compared by their real path (a root under a linked /tmp still contains its files). */
function realDir(dir: string): string {
  let r = realDirs.get(dir);
  if (r === undefined) {
    try {
      r = fs.realpathSync.native(dir);
    } catch {
      r = path.resolve(dir);
    }
    realDirs.set(dir, r);
  }
  return r;
}

export function isInside(p: string, dir: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

export function formatBytes(n: number): string {
  return n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(0)} KB` : `${n} B`;
}

function tooLarge(size: number, max: number): BoundedRead {
  return { ok: false, failure: 'too-large', reason: `too large (${formatBytes(size)} > ${formatBytes(max)})` };
}

function errnoFailure(e: unknown): BoundedRead {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return { ok: false, failure: 'missing', reason: 'not found' };
  }
  if (code === 'ELOOP') {
    return { ok: false, failure: 'not-regular', reason: 'a symlink loop' };
  }
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code ?? (e as Error).message;
  return { ok: false, failure: 'unreadable', reason: `cannot read (${why})` };
}

/** A regular file itself, not a link to one (lstat): for files a symlink must not stand in for. */
export function isRegularFile(file: string): boolean {
  try {
    return fs.lstatSync(file).isFile();
  } catch {
    return false;
  }
}
