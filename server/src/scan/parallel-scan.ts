import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { Worker } from 'worker_threads';
import { fingerprints, safeFixEdits, type Finding, type Policy, type SkippedFile } from '../engine';
import { decodeText, formatBytes, readTextFile } from '../host/read-text-file';
import { checkFileOnDisk } from './check-file-on-disk';
import type { OrgLayer } from '../engine/org-policy';

// Checks many files on a worker_threads pool. Each file is read once (by the worker that checks it),
// each worker loads the policy itself from the same rule file, and the main thread puts the results
// back in input order, so a parallel scan prints exactly what a serial one does.

/** Fewer files than this are checked on the main thread: starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 1000;
/**
 * Less text than this in total is checked on the main thread too: each worker loads the policy itself, and
 * on 4,500 small files (27 MB, the secrets bench's pinned corpus) two workers took more wall and CPU time than one thread.
 */
export const PARALLEL_BYTES = 32 * 1024 * 1024;
const CHUNK = 32;

export interface ScanItem {
  relPath: string;
  /** Content to check instead of the file on disk (the staged blob for --staged). */
  content?: Uint8Array;
}

/** A checked file and its findings. */
export interface FileResult {
  relPath: string;
  findings: Finding[];
  /** The file's text, kept only when asked for (fixes, fingerprints, changed lines). */
  text?: string;
}

/** A checked file: one fingerprint per finding, computed where the text was. */
export interface ScannedFile extends FileResult {
  fingerprints: string[];
}

export type KeepText = 'none' | 'all' | 'fixable';

export interface FileOutcome {
  relPath: string;
  bytes: number;
  skipped?: string;
  findings?: Finding[];
  fingerprints?: string[];
  text?: string;
}

/** What a worker needs to rebuild the main thread's policy and docs links by itself. */
export interface WorkerConfig {
  /** The verified org ruleset the main thread layered under the rules (org rulesets, issue 8). */
  orgLayer?: OrgLayer;
  root: string;
  configFile?: string;
  builtinDir: string;
  maxBytes: number;
  keepText: KeepText;
}

export interface ParallelScanOptions extends WorkerConfig {
  policy: Policy;
  docsUrl: (ruleId: string, explicit?: string) => string | undefined;
  items: readonly ScanItem[];
  /** Worker count; 1 checks on the main thread; undefined: automatic. */
  jobs?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ParallelScanResult {
  /** Checked files with findings (or with text, when kept), in input order. */
  files: ScannedFile[];
  skipped: SkippedFile[];
  /** Every path that was actually checked (not skipped). */
  checked: string[];
  stats: { files: number; bytes: number; ms: number; workers: number };
}

/** Workers to use: automatic is one per core once there are enough files to pay for them. */
export function workerCount(items: number, jobs: number | undefined, bytes = Number.POSITIVE_INFINITY): number {
  const wanted = jobs ?? (items < PARALLEL_THRESHOLD || bytes < PARALLEL_BYTES ? 1 : os.availableParallelism());
  return Math.max(1, Math.min(wanted, Math.ceil(items / CHUNK)));
}

export async function scanFiles(o: ParallelScanOptions): Promise<ParallelScanResult> {
  const start = performance.now();
  const automatic = o.jobs === undefined && o.items.length >= PARALLEL_THRESHOLD;
  const workers = workerCount(o.items.length, o.jobs, automatic ? totalBytes(o) : undefined);
  const outcomes = workers <= 1 ? scanSerial(o) : await scanParallel(o, workers);
  const files: ScannedFile[] = [];
  const skipped: SkippedFile[] = [];
  const checked: string[] = [];
  let bytes = 0;
  for (const r of outcomes) {
    bytes += r.bytes;
    if (r.skipped !== undefined) {
      skipped.push({ path: r.relPath, reason: r.skipped });
      continue;
    }
    checked.push(r.relPath);
    const findings = r.findings ?? [];
    if (findings.length > 0 || r.text !== undefined) {
      files.push({ relPath: r.relPath, findings, fingerprints: r.fingerprints ?? [], ...(r.text !== undefined ? { text: r.text } : {}) });
    }
  }
  return { files, skipped, checked, stats: { files: o.items.length, bytes, ms: performance.now() - start, workers } };
}

/** The bytes the scan will read: given contents, else each file's size on disk (one stat, no read). */
function totalBytes(o: ParallelScanOptions): number {
  let total = 0;
  for (const item of o.items) {
    total += item.content?.length ?? fs.statSync(path.join(o.root, item.relPath), { throwIfNoEntry: false })?.size ?? 0;
  }
  return total;
}

/** Reads (or decodes the given content of) one file and checks it. Shared by the main thread and workers. */
export function checkItem(
  item: ScanItem,
  c: Pick<WorkerConfig, 'root' | 'maxBytes' | 'keepText'>,
  policy: Policy,
  docsUrl: (ruleId: string, explicit?: string) => string | undefined,
): FileOutcome {
  const read = item.content
    ? item.content.length > c.maxBytes
      ? { skipped: `too large (${formatBytes(item.content.length)} > ${formatBytes(c.maxBytes)})`, bytes: item.content.length }
      : decodeText(Buffer.from(item.content.buffer, item.content.byteOffset, item.content.length))
    : readTextFile(path.join(c.root, item.relPath), c.maxBytes, [c.root]);
  if ('skipped' in read) {
    return { relPath: item.relPath, bytes: read.bytes, skipped: read.skipped };
  }
  const findings = checkFileOnDisk(c.root, item.relPath, read.text, policy, docsUrl);
  const keep = c.keepText === 'all' || (c.keepText === 'fixable' && safeFixEdits(findings).length > 0);
  return {
    relPath: item.relPath,
    bytes: read.bytes,
    findings,
    fingerprints: findings.length > 0 ? fingerprints(item.relPath, read.text, findings) : [],
    ...(keep ? { text: read.text } : {}),
  };
}

function scanSerial(o: ParallelScanOptions): FileOutcome[] {
  const out: FileOutcome[] = [];
  for (const item of o.items) {
    out.push(checkItem(item, o, o.policy, o.docsUrl));
    if (o.onProgress && out.length % CHUNK === 0) {
      o.onProgress(out.length, o.items.length);
    }
  }
  o.onProgress?.(out.length, o.items.length);
  return out;
}

export interface ChunkRequest {
  id: number;
  items: ScanItem[];
}

export interface ChunkResponse {
  id: number;
  results?: FileOutcome[];
  error?: string;
}

/** Hands out chunks on demand (fast workers take more), then merges by chunk index. */
function scanParallel(o: ParallelScanOptions, count: number): Promise<FileOutcome[]> {
  const chunks: ScanItem[][] = [];
  for (let i = 0; i < o.items.length; i += CHUNK) {
    chunks.push(o.items.slice(i, i + CHUNK));
  }
  const results: FileOutcome[][] = new Array(chunks.length);
  const config: WorkerConfig = { root: o.root, configFile: o.configFile, builtinDir: o.builtinDir, maxBytes: o.maxBytes, keepText: o.keepText, orgLayer: o.orgLayer };
  const pool: Worker[] = [];
  let next = 0;
  let done = 0;
  let doneFiles = 0;
  return new Promise<FileOutcome[]>((resolve, reject) => {
    let failed = false;
    const fail = (e: Error): void => {
      if (!failed) {
        failed = true;
        void Promise.all(pool.map((w) => w.terminate())).finally(() => reject(e));
      }
    };
    const feed = (w: Worker): void => {
      if (next < chunks.length) {
        const id = next++;
        w.postMessage({ id, items: chunks[id] } satisfies ChunkRequest);
      }
    };
    for (let i = 0; i < count; i++) {
      const w = new Worker(path.join(__dirname, 'scan-worker.js'), { workerData: config });
      pool.push(w);
      w.on('message', (m: ChunkResponse) => {
        if (m.error !== undefined || !m.results) {
          fail(new Error(`scan worker: ${m.error}`));
          return;
        }
        results[m.id] = m.results;
        done++;
        doneFiles += m.results.length;
        o.onProgress?.(doneFiles, o.items.length);
        if (done === chunks.length) {
          void Promise.all(pool.map((x) => x.terminate())).then(() => resolve(results.flat()), reject);
        } else {
          feed(w);
        }
      });
      w.on('error', (e) => fail(e));
      w.on('exit', (code) => {
        if (done < chunks.length && !failed) {
          fail(new Error(`scan worker exited early (code ${code})`));
        }
      });
      // Two chunks in flight per worker so none waits for the main thread between chunks.
      feed(w);
      feed(w);
    }
  });
}
