// The sidecar store on disk: one record per source file under .conductor/provenance/ (docs/provenance.md).
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Policy } from '../engine/config/policy';
import { markerProvenance, type ProvenanceSource } from '../engine/provenance';
import { parseRecord, recordPathFor, sidecarProvenance, type RecordLookup, type SidecarRecord } from '../engine/provenance/sidecar';
import { CONFIG_MAX_BYTES, readBounded } from './read-bounded';

/** The provenance source a workspace's policy selects (`provenance.store`; markers by default). */
export function provenanceSourceFor(root: string, policy: Policy): ProvenanceSource {
  return policy.resolved.provenanceStore === 'sidecar' ? sidecarSource(root) : markerProvenance;
}

export function sidecarSource(root: string): ProvenanceSource {
  return sidecarProvenance((relPath) => readRecordText(root, relPath));
}

/** The record of a source file as text, bounded, a regular file inside the workspace; or why it cannot be read. */
export function readRecordText(root: string, relPath: string): RecordLookup {
  const r = readBounded(path.join(root, recordPathFor(relPath)), { maxBytes: CONFIG_MAX_BYTES, within: [root] });
  if (r.ok) {
    return { kind: 'text', text: r.buffer.toString('utf8') };
  }
  return r.failure === 'missing' ? { kind: 'none' } : { kind: 'error', reason: r.reason };
}

/** Writes `text` to `file` so readers see the old or the new content, never a part: temp file, then rename. */
export function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(tmp, text, { flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** How often a writer re-reads and re-applies its change when another writer got in between. */
const MAX_ATTEMPTS = 8;

/**
 * Changes a file's record: reads it, applies `change` (undefined deletes the record) and writes the
 * result atomically — unless the record changed on disk meanwhile, in which case the change is applied
 * again to what the other writer left (merge on conflict), so neither loses the other's blocks.
 * Throws when the current record cannot be read or trusted: a broken record is never overwritten blindly.
 */
export function updateRecord(root: string, relPath: string, change: (current: SidecarRecord | undefined) => SidecarRecord | undefined, format: (r: SidecarRecord) => string): void {
  const file = path.join(root, recordPathFor(relPath));
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const before = readRecordText(root, relPath);
    if (before.kind === 'error') {
      throw new Error(`${recordPathFor(relPath)}: ${before.reason}`);
    }
    let current: SidecarRecord | undefined;
    if (before.kind === 'text') {
      const parsed = parseRecord(relPath, before.text);
      if (!parsed.ok || parsed.rejected.length > 0) {
        throw new Error(`${recordPathFor(relPath)} cannot be trusted: ${parsed.ok ? parsed.rejected[0].reason : parsed.reason}`);
      }
      current = parsed.record;
    }
    const next = change(current);
    const now = readRecordText(root, relPath);
    if (now.kind !== before.kind || (now.kind === 'text' && before.kind === 'text' && now.text !== before.text)) {
      continue; // another writer: re-read and re-apply
    }
    if (next === undefined || next.blocks.length === 0) {
      fs.rmSync(file, { force: true });
    } else {
      writeAtomically(file, format(next));
    }
    return;
  }
  throw new Error(`${recordPathFor(relPath)} kept changing while it was written; try again.`);
}
