import * as path from 'path';
import { performance } from 'perf_hooks';
import { checkDocument, type Finding, type Policy, type SkippedFile } from '../engine';
import { DEFAULT_MAX_BYTES, readTextFile } from './read-text-file';
import { walkFiles } from './walk-files';

export interface FileResult {
  relPath: string;
  findings: Finding[];
  /** The file's text, kept only when asked for (fixes, fingerprints, changed lines). */
  text?: string;
}

export interface ScanResult {
  files: FileResult[];
  skipped: SkippedFile[];
  stats: { files: number; bytes: number; ms: number };
}

export interface ScanOptions {
  root: string;
  targets: string[];
  policy: Policy;
  docsUrl: (ruleId: string, explicit?: string) => string | undefined;
  gitignore?: boolean;
  maxBytes?: number;
  keepText?: boolean;
}

/** Checks every file under the targets with the same engine the editor uses. */
export function scanWorkspace(o: ScanOptions): ScanResult {
  const start = performance.now();
  const relPaths = walkFiles(o.root, o.targets, { gitignore: o.gitignore ?? true, isIgnored: (p) => o.policy.isIgnored(p) });
  const files: FileResult[] = [];
  const skipped: SkippedFile[] = [];
  let bytes = 0;
  for (const relPath of relPaths) {
    const read = readTextFile(path.join(o.root, relPath), o.maxBytes ?? DEFAULT_MAX_BYTES);
    bytes += read.bytes;
    if ('skipped' in read) {
      skipped.push({ path: relPath, reason: read.skipped });
      continue;
    }
    const findings = checkDocument({ relPath, text: read.text }, o.policy, { docsUrl: o.docsUrl });
    if (findings.length > 0 || o.keepText) {
      files.push({ relPath, findings, ...(o.keepText ? { text: read.text } : {}) });
    }
  }
  return { files, skipped, stats: { files: relPaths.length, bytes, ms: performance.now() - start } };
}
