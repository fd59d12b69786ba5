// `.conductor/ownership.jsonl`: the append-only record of "Take ownership" (a human takes over an AI
// block and its markers go). One JSON object per line; the CI reads it to tell a recorded take-over
// from markers that were simply deleted (ai/attribution-removed).
import { isMarkerId, isMarkerTime } from '../provenance/marker-grammar';

export const OWNERSHIP_LOG = '.conductor/ownership.jsonl';
/** Bigger logs are not read (a gate reads bounded input); the CI then reports every removal. */
export const MAX_OWNERSHIP_LOG_BYTES = 4 * 1024 * 1024;

export interface OwnershipRecord {
  /** Workspace-relative posix path of the file. */
  file: string;
  /** The block's marker id. */
  block: string;
  /** The block's tool, as its marker said. */
  tool: string;
  /** Who took ownership (conductor.review.identity or git user.email). */
  by: string;
  /** When, ISO-8601 UTC to the minute (marker time format). */
  at: string;
  /** Why, as chosen in the editor. */
  why: string;
  /** lineHash of each significant content line of the block when ownership was taken. */
  lines: string[];
}

export interface OwnershipLog {
  records: OwnershipRecord[];
  /** Lines that are not a valid record: they grant nothing (fail closed), and are reported. */
  problems: { line: number; message: string }[];
}

/** One record as a log line (with its newline). */
export function formatOwnershipRecord(r: OwnershipRecord): string {
  const { file, block, tool, by, at, why, lines } = r;
  return `${JSON.stringify({ file, block, tool, by, at, why, lines })}\n`;
}

export function parseOwnershipLog(text: string): OwnershipLog {
  const out: OwnershipLog = { records: [], problems: [] };
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') {
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      out.problems.push({ line: i + 1, message: 'not valid JSON' });
      return;
    }
    const problem = recordProblem(value);
    if (problem) {
      out.problems.push({ line: i + 1, message: problem });
    } else {
      out.records.push(value as OwnershipRecord);
    }
  });
  return out;
}

function recordProblem(v: unknown): string | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    return 'not a JSON object';
  }
  const r = v as Record<string, unknown>;
  for (const key of ['file', 'block', 'tool', 'by', 'at', 'why'] as const) {
    if (typeof r[key] !== 'string' || r[key] === '') {
      return `"${key}" must be a non-empty string`;
    }
  }
  if (!isMarkerId(r.block as string)) {
    return '"block" must be a marker id (4–12 hex digits)';
  }
  if (!isMarkerTime(r.at as string)) {
    return '"at" must be an ISO-8601 UTC time such as 2026-11-24T10:31Z';
  }
  if (!Array.isArray(r.lines) || !r.lines.every((h) => typeof h === 'string' && /^[0-9a-f]{16}$/.test(h))) {
    return '"lines" must be an array of line hashes (16 hex digits)';
  }
  return undefined;
}
