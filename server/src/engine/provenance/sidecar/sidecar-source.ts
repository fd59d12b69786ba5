// The sidecar implementation of ProvenanceSource: records under .conductor/provenance/, read by the
// host, re-anchored to the text being checked. Markers still in the file count as well, so switching
// stores never hides AI code.
import type { Position, Range } from '../../types';
import { markerProvenance } from '../marker-source';
import type { AiRegion, MarkerProblem, ParsedProvenance, ProvenanceSource, UnpairedBlock } from '../types';
import { anchorRecord } from './anchor-record';
import { parseRecord, type RejectedBlock } from './parse-record';
import type { LineRun } from './reanchor';
import { recordPathFor, type SidecarBlock } from './record';

/** What the host found at a file's record path. */
export type RecordLookup = { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'error'; reason: string };

/** Provenance from sidecar records (looked up per file) together with any markers in the text. */
export function sidecarProvenance(lookup: (relPath: string) => RecordLookup): ProvenanceSource {
  return {
    regionsFor: (relPath, text, languageId) => {
      const markers = markerProvenance.regionsFor(relPath, text, languageId);
      const found = lookup(relPath);
      return found.kind === 'none' ? markers : combine(markers, recordProvenance(relPath, text, found));
    },
  };
}

/** The regions one record describes in `text`; a record that cannot be read or trusted fails closed. */
export function recordProvenance(relPath: string, text: string, found: Exclude<RecordLookup, { kind: 'none' }>): ParsedProvenance {
  const lines = text.split(/\r?\n/);
  const parsed = found.kind === 'error' ? { ok: false as const, reason: found.reason } : parseRecord(relPath, found.text);
  if (!parsed.ok) {
    const all: RejectedBlock = { first: 0, last: lines.length - 1, reason: parsed.reason };
    return { regions: [], problems: [problemOf(relPath, all, lines, 'the whole file counts')], unpaired: [unpairedOf(all, lines, -1)] };
  }
  const anchored = anchorRecord(parsed.record, parsed.rejected, text, lines);
  const regions = anchored.blocks.flatMap(({ block, runs }) => runs.map((run) => regionOf(block, run, lines)));
  regions.sort((a, b) => a.beginLine - b.beginLine);
  const problems = anchored.rejected.map((r) => problemOf(relPath, r, lines, 'its recorded lines count'));
  const unpaired = anchored.rejected.map((r) => unpairedOf(r, lines));
  return { regions, problems, ...(unpaired.length > 0 ? { unpaired } : {}), ...(anchored.dropped > 0 ? { dropped: anchored.dropped } : {}) };
}

function combine(a: ParsedProvenance, b: ParsedProvenance): ParsedProvenance {
  const regions = [...a.regions, ...b.regions].sort((x, y) => x.beginLine - y.beginLine);
  const problems = [...a.problems, ...b.problems].sort((x, y) => x.range.start.line - y.range.start.line);
  const unpaired = [...(a.unpaired ?? []), ...(b.unpaired ?? [])].sort((x, y) => x.beginLine - y.beginLine);
  const dropped = (a.dropped ?? 0) + (b.dropped ?? 0);
  return { regions, problems, ...(unpaired.length > 0 ? { unpaired } : {}), ...(dropped > 0 ? { dropped } : {}) };
}

/**
 * A run of recorded lines as the region markers would give: the code is lines `first..last`, and the
 * "marker" lines are the ones just outside, so `beginLine + 1 .. endLine - 1` is the code either way.
 * Findings about the block underline its first line; `fieldsEnd` at its start means "no marker text".
 */
function regionOf(block: SidecarBlock, run: LineRun, lines: readonly string[]): AiRegion {
  const first = lineRange(lines, run.first);
  const atLast = run.last + 1 >= lines.length;
  const end: Position = atLast ? { line: run.last, character: lines[run.last].length } : { line: run.last + 1, character: 0 };
  return {
    id: block.id,
    tool: block.tool,
    useCase: block.useCase,
    at: block.at,
    reviewedBy: block.reviewedBy,
    reviewedAt: block.reviewedAt,
    acceptedBy: block.acceptedBy,
    extra: block.model ? { ...block.extra, model: block.model } : { ...block.extra },
    beginLine: run.first - 1,
    endLine: run.last + 1,
    contentRange: { start: { line: run.first, character: 0 }, end },
    beginRange: first,
    endRange: lineRange(lines, run.last),
    fieldsEnd: first.start,
  };
}

function lineRange(lines: readonly string[], line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: lines[line]?.length ?? 0 } };
}

function clampLine(line: number, lines: readonly string[]): number {
  return Math.max(0, Math.min(line, lines.length - 1));
}

function problemOf(relPath: string, r: RejectedBlock, lines: readonly string[], what: string): MarkerProblem {
  return {
    kind: 'malformed',
    message: `Sidecar record ${recordPathFor(relPath)} cannot be trusted: ${r.reason}. Until it is fixed, ${what} as unreviewed AI code of unknown use case.`,
    range: lineRange(lines, clampLine(r.first, lines)),
  };
}

/** Rejected lines as an unpaired block (AI code with nothing known); `beginLine` is the line before them. */
function unpairedOf(r: RejectedBlock, lines: readonly string[], beginLine = clampLine(r.first, lines) - 1): UnpairedBlock {
  const endLine = Math.min(lines.length, clampLine(r.last, lines) + 1);
  return { ...(r.id ? { id: r.id } : {}), beginLine, endLine, beginRange: lineRange(lines, clampLine(r.first, lines)) };
}
