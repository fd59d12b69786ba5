// Provenance data: which blocks of a file an AI assistant wrote, and what is known about them.
import type { Position, Range, TextEdit } from '../types';

/** What a writer needs to describe a block; `extra` carries keys this version does not know. */
export interface MarkerFields {
  /** Lowercase hex, 4–12 characters; `newMarkerId()` makes one. */
  id: string;
  tool: string;
  useCase?: string;
  /** ISO-8601 UTC with minute or second precision, e.g. `2026-11-24T10:31Z`. */
  at?: string;
  reviewedBy?: string;
  reviewedAt?: string;
  acceptedBy?: string;
  extra?: Record<string, string>;
}

/** One AI-written block as read from a file. Lines and ranges are 0-based, as in LSP. */
export interface AiRegion {
  id: string;
  tool: string;
  useCase?: string;
  at?: string;
  reviewedBy?: string;
  reviewedAt?: string;
  acceptedBy?: string;
  /** Keys this grammar version does not know, kept so newer markers survive a round trip. */
  extra: Record<string, string>;
  beginLine: number;
  endLine: number;
  /** The whole lines between the markers, from the start of the first to the start of the end marker's line. */
  contentRange: Range;
  beginRange: Range;
  endRange: Range;
  /** End of the begin marker's last field, where `setMarkerField` appends (before a block comment's closer). */
  fieldsEnd: Position;
}

/**
 * `unknown-key` is informational (a newer grammar's field); every other kind means the markers
 * do not describe the file reliably.
 */
export type MarkerProblemKind =
  | 'unclosed'
  | 'stray-end'
  | 'duplicate-id'
  | 'nested'
  | 'malformed'
  | 'mismatched-end'
  | 'unknown-key';

export interface MarkerFix {
  title: string;
  edits: TextEdit[];
}

export interface MarkerProblem {
  kind: MarkerProblemKind;
  message: string;
  range: Range;
  fix?: MarkerFix;
}

/**
 * Code under a begin marker that could not be paired (malformed, or unclosed) and lies in no paired
 * block. It still counts as AI code: from the line after the marker up to the next `@ai-generated`
 * marker line of any kind (its end marker, if it has one), or to the end of the file.
 */
export interface UnpairedBlock {
  /** The marker's id when it could be read. */
  id?: string;
  beginLine: number;
  /** The next marker's line, or the line count (exclusive, as AiRegion.endLine). */
  endLine: number;
  /** The marker comment. */
  beginRange: Range;
}

export interface ParsedProvenance {
  /** Sorted by `beginLine`; they overlap only where a `nested` problem is reported. */
  regions: AiRegion[];
  /** Sorted by position. */
  problems: MarkerProblem[];
  /** Sorted by `beginLine`; absent when every begin marker was paired. */
  unpaired?: UnpairedBlock[];
  /** Sidecar store: recorded blocks whose lines are all gone (re-anchoring gave up on them). */
  dropped?: number;
}

/** Where provenance comes from: comment markers (marker-source.ts) or sidecar records (sidecar/). */
export interface ProvenanceSource {
  regionsFor(relPath: string, text: string, languageId?: string): ParsedProvenance;
}
