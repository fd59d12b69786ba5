// The sidecar record of one source file (docs/provenance.md, "The sidecar store"): an Agent Trace
// 0.1.0 record whose root `metadata` carries Conductor's per-block data under a reverse-domain key.

import type { MarkerFields } from '../types';

/** Where records live, relative to the workspace root; committed with the code. */
export const SIDECAR_DIR = '.conductor/provenance';
export const AGENT_TRACE_VERSION = '0.1.0';
/** Vendor key in the record's root `metadata` (Agent Trace §7.2: reverse-domain notation). */
export const VENDOR_KEY = 'dev.conductor';
export const SIDECAR_FORMAT = 1;

/** One AI block as recorded. Times and ids follow the marker grammar, so both stores convert losslessly. */
export interface SidecarBlock extends Required<Pick<MarkerFields, 'extra'>>, Omit<MarkerFields, 'extra'> {
  /** `provider/model` (models.dev convention), the Agent Trace contributor's `model_id`. */
  model?: string;
  /** 0-based first line when the block was recorded. */
  startLine: number;
  /** Hash of each line's normalised content (line-hash.ts), in order; never empty. */
  lines: number[];
}

export interface SidecarRecord {
  /** Workspace-relative posix path of the source file. */
  path: string;
  /** Agent Trace record id (a UUID) and RFC 3339 time of the last write. */
  id: string;
  timestamp: string;
  /** The commit the positions refer to, when the writer knew it. */
  revision?: string;
  /** Git blob id of the file's content when the record was written: unchanged file, exact positions. */
  blob: string;
  blocks: SidecarBlock[];
}

/** The record's path for a source file: the source path mirrored under SIDECAR_DIR, plus `.json`. */
export function recordPathFor(relPath: string): string {
  return `${SIDECAR_DIR}/${relPath}.json`;
}

/** Whether a path can name a source file with a record: relative, posix, no `.` or `..` segments. */
export function isRecordablePath(relPath: string): boolean {
  return relPath !== '' && !relPath.startsWith('/') && !relPath.includes('\\') && relPath.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

/** `provider/model`, as Agent Trace's `model_id` requires. */
export function isModelId(value: string): boolean {
  return /^[a-z0-9][a-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(value) && value.length <= 250;
}
