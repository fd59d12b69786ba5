// File contents from git objects, never a checkout: `git cat-file --batch` for many objects in one
// process, read as bytes (paths and contents may be any UTF-8).
import { runGit } from './run';

interface BatchObject {
  oid: string;
  type: string;
  content: Buffer;
}

/**
 * One `git cat-file --batch` call: per object name asked (`rev:path` or an object id), the object,
 * or undefined when git reports it missing. Names must not contain a line break.
 */
function catFileBatch(root: string, names: readonly string[]): (BatchObject | undefined)[] {
  if (names.length === 0) {
    return [];
  }
  const raw = runGit(root, ['cat-file', '--batch'], { input: names.map((n) => `${n}\n`).join('') });
  const out: (BatchObject | undefined)[] = [];
  let pos = 0;
  for (let k = 0; k < names.length; k++) {
    const nl = raw.indexOf(10, pos);
    if (nl === -1) {
      break;
    }
    const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(raw.subarray(pos, nl).toString('latin1'));
    if (!m) {
      out.push(undefined); // "<name> missing" (e.g. removed from the index with `git rm --cached`)
      pos = nl + 1;
      continue;
    }
    const size = Number(m[3]);
    out.push({ oid: m[1], type: m[2], content: raw.subarray(nl + 1, nl + 1 + size) });
    pos = nl + 1 + size + 1; // content, then a newline
  }
  return out;
}

/**
 * The staged content of files (the blobs `git show :path` prints), in one `git cat-file --batch`
 * process instead of one `git show` per file. Paths are relative to `root`.
 */
export function readStagedBlobs(root: string, paths: readonly string[]): Map<string, Buffer> {
  return readBlobs(root, '', paths);
}

/**
 * The content of files at a commit (`rev`, '' for the index), keyed by the given path. With
 * `maxBytes`, larger blobs are left out: git reports every blob's size before its content.
 */
export function readBlobs(root: string, rev: string, paths: readonly string[], maxBytes = Infinity): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const batch = paths.filter((p) => !p.includes('\n'));
  const small = Number.isFinite(maxBytes) ? blobsUpTo(root, rev, batch, maxBytes) : batch;
  catFileBatch(root, small.map((p) => `${rev}:./${p}`)).forEach((o, k) => {
    if (o?.type === 'blob') {
      out.set(small[k], o.content);
    }
  });
  // A path with a line break cannot be asked for in a batch: one `git show` each (without a size cap only).
  for (const p of Number.isFinite(maxBytes) ? [] : paths.filter((x) => x.includes('\n'))) {
    out.set(p, runGit(root, ['show', `${rev}:./${p}`]));
  }
  return out;
}

/** The paths whose blob at `rev` exists and has at most `maxBytes` (one `git cat-file --batch-check`). */
function blobsUpTo(root: string, rev: string, paths: readonly string[], maxBytes: number): string[] {
  if (paths.length === 0) {
    return [];
  }
  const out = runGit(root, ['cat-file', '--batch-check'], { input: paths.map((p) => `${rev}:./${p}\n`).join('') }).toString('utf8').split('\n');
  return paths.filter((_p, i) => {
    const m = /^[0-9a-f]+ blob (\d+)$/.exec(out[i] ?? '');
    return m !== null && Number(m[1]) <= maxBytes;
  });
}

/**
 * Blob ids of `rev:path` objects (one `git cat-file --batch-check` call), then the contents of the
 * distinct blobs (one `git cat-file --batch` call). Requests with a line break cannot be asked for and are left out.
 */
export function readBlobsById(root: string, requests: readonly string[]): { oids: (string | undefined)[]; blobs: Map<string, Buffer> } {
  const asked = requests.map((r) => !/[\n\r]/.test(r));
  const check = requests.filter((_r, i) => asked[i]);
  const oids: (string | undefined)[] = new Array(requests.length).fill(undefined);
  const blobs = new Map<string, Buffer>();
  if (check.length === 0) {
    return { oids, blobs };
  }
  const lines = runGit(root, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], { input: check.join('\n') + '\n' }).toString('utf8').split('\n');
  let j = 0;
  requests.forEach((_r, i) => {
    if (!asked[i]) {
      return;
    }
    const [oid, type] = (lines[j++] ?? '').split(' ');
    oids[i] = type === 'blob' ? oid : undefined;
  });
  const unique = [...new Set(oids.filter((o): o is string => o !== undefined))];
  for (const o of catFileBatch(root, unique)) {
    if (o) {
      blobs.set(o.oid, o.content);
    }
  }
  return { oids, blobs };
}
