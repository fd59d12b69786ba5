import * as fs from 'fs';
import * as path from 'path';
import { fingerprints } from '../engine';
import { ATTRIBUTION_REMOVED } from '../engine/ai-policy/rules';
import { attributionRemovedFindings, MAX_OWNERSHIP_LOG_BYTES, OWNERSHIP_LOG, parseOwnershipLog, type OwnershipRecord } from '../engine/attribution';
import { docsResolver } from '../host/builtin-dir';
import { readBlobs } from '../host/git/blobs';
import type { ProvenanceSource } from '../engine/provenance';
import { recordPathFor, SIDECAR_DIR, sidecarProvenance } from '../engine/provenance/sidecar';
import { provenanceSourceFor } from '../host/provenance-store';
import type { ScannedFile } from '../scan/parallel-scan';
import { readTextFile } from '../host/read-text-file';
import { CONFIG_MAX_BYTES, isRegularFile } from '../host/read-bounded';
import { workspaceRelative } from '../host/paths';
import { UsageError } from './cli-config';
import type { WorkspaceScan } from '../scan/workspace-scan';

// `check --changed-since REF`: AI code whose markers the change deleted (ai/attribution-removed).
// Those lines did not change, so the changed-lines filter would drop a finding on them: these
// findings are added after it. Files whose only change is deleted lines count too.

export interface AttributionRequest {
  root: string;
  /** The command's positional targets (files or folders), as given. */
  targets: string[];
  maxBytes: number;
  warn: (message: string) => void;
}

/** `files` plus the attribution-removed findings of the change, files in path order. */
export function withAttributionFindings(files: ScannedFile[], scan: WorkspaceScan, r: AttributionRequest): ScannedFile[] {
  const change = scan.change;
  if (change?.mode !== 'since' || change.base === undefined || change.ref === undefined) {
    return files;
  }
  const targets = r.targets.map((t) => workspaceRelative(r.root, t));
  const underTargets = (p: string): boolean => targets.length === 0 || targets.some((t) => t === '' || p === t || p.startsWith(`${t}/`));
  const sidecar = scan.policy.resolved.provenanceStore === 'sidecar';
  const touched = sidecar ? withRecordChanges(change.modified, change.removed, r.root) : change.modified;
  const candidates = [...touched].filter(([p]) => underTargets(p) && !scan.policy.isIgnored(p) && scan.policy.rulesFor(p).has(ATTRIBUTION_REMOVED));
  if (candidates.length === 0) {
    return files;
  }
  const before = readBlobs(r.root, change.base, candidates.map(([, old]) => old), r.maxBytes);
  const baseRecords = sidecar ? readBlobs(r.root, change.base, candidates.map(([, old]) => recordPathFor(old)), CONFIG_MAX_BYTES) : new Map<string, Buffer>();
  const provenance = sidecar ? { before: baseSidecar(baseRecords), after: provenanceSourceFor(r.root, scan.policy) } : undefined;
  const records = ownershipRecords(r);
  const docsUrl = docsResolver(scan.host.builtinDir)(ATTRIBUTION_REMOVED);
  const byPath = new Map(files.map((f) => [f.relPath, f]));
  for (const [relPath, oldPath] of candidates) {
    const base = before.get(oldPath)?.toString('utf8');
    if (base === undefined || (!base.includes('@ai-generated') && !baseRecords.has(recordPathFor(oldPath)))) {
      continue; // no marker or record at the base: nothing was attributed (too large: the scan reports it skipped)
    }
    const now = readCurrent(r.root, relPath, r.maxBytes);
    if (now === undefined) {
      continue;
    }
    const rule = scan.policy.rulesFor(relPath).get(ATTRIBUTION_REMOVED);
    const found = rule ? attributionRemovedFindings({ relPath, before: base, after: now, records: records.filter((x) => x.file === relPath), provenance }, change.ref, rule, docsUrl) : [];
    if (found.length === 0) {
      continue;
    }
    const prev = byPath.get(relPath) ?? { relPath, findings: [], fingerprints: [] };
    byPath.set(relPath, { ...prev, findings: [...prev.findings, ...found], fingerprints: [...prev.fingerprints, ...fingerprints(relPath, now, found)] });
  }
  return [...byPath.values()].sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
}

/**
 * Sidecar store: a change that only edits or deletes a record touches its source file's attribution
 * too, so the source file is a candidate (old path = new path) as long as it still exists.
 */
function withRecordChanges(modified: Map<string, string>, removed: readonly string[], root: string): Map<string, string> {
  const out = new Map(modified);
  const prefix = `${SIDECAR_DIR}/`;
  for (const p of [...modified.keys(), ...removed]) {
    const source = p.startsWith(prefix) && p.endsWith('.json') ? p.slice(prefix.length, -'.json'.length) : undefined;
    if (source !== undefined && !out.has(source) && isRegularFile(path.join(root, source))) {
      out.set(source, source);
    }
  }
  return out;
}

/** The sidecar provenance at the base of the change: records read from its commit. */
function baseSidecar(records: Map<string, Buffer>): ProvenanceSource {
  return sidecarProvenance((relPath) => {
    const blob = records.get(recordPathFor(relPath));
    return blob === undefined ? { kind: 'none' } : { kind: 'text', text: blob.toString('utf8') };
  });
}

/** The file as it is now, when it is a regular text file within the size limit. */
function readCurrent(root: string, relPath: string, maxBytes: number): string | undefined {
  const file = path.join(root, relPath);
  if (!isRegularFile(file)) {
    return undefined;
  }
  const read = readTextFile(file, maxBytes);
  return 'text' in read ? read.text : undefined;
}

/**
 * The Take ownership records in the working tree. A log that cannot be read is a usage error (the
 * gate cannot tell recorded take-overs from deleted markers); a bad line grants nothing and is reported.
 */
function ownershipRecords(r: AttributionRequest): OwnershipRecord[] {
  const file = path.join(r.root, OWNERSHIP_LOG);
  if (!fs.existsSync(file)) {
    return [];
  }
  const read = isRegularFile(file) ? readTextFile(file, MAX_OWNERSHIP_LOG_BYTES) : { skipped: 'not a regular file' };
  if (!('text' in read)) {
    throw new UsageError(`Cannot read ${OWNERSHIP_LOG}: ${read.skipped}`);
  }
  const log = parseOwnershipLog(read.text);
  for (const p of log.problems) {
    r.warn(`${OWNERSHIP_LOG}:${p.line}: not an ownership record (${p.message}); it is not taken into account.`);
  }
  return log.records;
}
