// `conductor provenance --convert markers-to-sidecar | sidecar-to-markers`: moves attribution between
// the two stores without changing a code line other than the marker lines themselves.
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits } from '../engine/check/edits';
import { markerProvenance, newMarkerId, removeMarkers, wrapInMarkers, type AiRegion } from '../engine/provenance';
import {
  anchorRecord,
  blockAt,
  blockFieldsOf,
  formatRecord,
  markerFieldsOf,
  parseRecord,
  recordOf,
  recordPathFor,
  SIDECAR_DIR,
  type SidecarBlock,
} from '../engine/provenance/sidecar';
import { syntaxFor } from '../engine/text/languages';
import { repoInfo } from '../host/git/repo';
import { readRecordText, updateRecord } from '../host/provenance-store';
import { DEFAULT_MAX_BYTES, readTextFile } from '../host/read-text-file';
import { walkFiles } from '../host/walk-files';
import { writeIfUnchanged } from './write-if-unchanged';

declare const VERSION: string;

export type Conversion = 'markers-to-sidecar' | 'sidecar-to-markers';

export interface ConvertOutcome {
  converted: number;
  blocks: number;
  /** Blocks of records whose lines were all gone (sidecar-to-markers). */
  dropped: number;
  /** `path: why` for each file left as it was. */
  refused: string[];
}

export function convertProvenance(root: string, direction: Conversion, targets: readonly string[], gitignore: boolean): ConvertOutcome {
  const out: ConvertOutcome = { converted: 0, blocks: 0, dropped: 0, refused: [] };
  const revision = repoInfo(root)?.head;
  if (direction === 'markers-to-sidecar') {
    for (const rel of walkFiles(root, [...targets], { gitignore })) {
      if (!rel.startsWith(`${SIDECAR_DIR}/`)) {
        markersToSidecar(root, rel, revision, out);
      }
    }
  } else {
    for (const rel of recordedFiles(root, targets)) {
      sidecarToMarkers(root, rel, out);
    }
  }
  return out;
}

function markersToSidecar(root: string, rel: string, revision: string | undefined, out: ConvertOutcome): void {
  const read = readTextFile(path.join(root, rel), undefined, [root]);
  if (!('text' in read) || !read.text.includes('@ai-generated')) {
    return;
  }
  const text = read.text;
  const parsed = markerProvenance.regionsFor(rel, text);
  const broken = parsed.problems.find((p) => p.kind !== 'unknown-key');
  if (broken) {
    out.refused.push(`${rel}: ${broken.message} (fix the markers first)`);
    return;
  }
  if (parsed.regions.length === 0) {
    return;
  }
  const after = applyEdits(text, parsed.regions.flatMap((r) => removeMarkers(text, r)));
  const markerLines = new Set(parsed.regions.flatMap((r) => [r.beginLine, r.endLine]));
  const oldLines = text.split(/\r?\n/);
  const newLines = after.split(/\r?\n/);
  // Every kept line must be unchanged and in order: the code is exactly the old code minus the markers.
  const kept = oldLines.filter((_, i) => !markerLines.has(i));
  if (kept.length !== newLines.length || kept.some((l, i) => l !== newLines[i])) {
    out.refused.push(`${rel}: removing its markers would change other lines`);
    return;
  }
  const sortedMarkers = [...markerLines].sort((a, b) => a - b);
  const newIndex = (oldLine: number): number => oldLine - countBelow(sortedMarkers, oldLine);
  const blocks = parsed.regions.filter((r) => r.endLine > r.beginLine + 1).map((r) => blockOf(r, newLines, newIndex));
  try {
    // The record first: if writing the code fails, markers and record both say the same.
    updateRecord(
      root,
      rel,
      (current) => {
        const ids = new Set(blocks.map((b) => b.id));
        const keep = current?.blocks.filter((b) => !ids.has(b.id)) ?? [];
        return recordOf(rel, after, [...keep, ...blocks], { id: randomUUID(), timestamp: new Date().toISOString(), revision });
      },
      (r) => formatRecord(r, VERSION),
    );
  } catch (e) {
    out.refused.push(`${rel}: ${(e as Error).message}`);
    return;
  }
  const refused = writeIfUnchanged(root, rel, DEFAULT_MAX_BYTES, text, after);
  if (refused) {
    out.refused.push(`${rel}: ${refused}`);
    return;
  }
  out.converted++;
  out.blocks += blocks.length;
}

/** How many of the sorted numbers are below `n` (binary search). */
function countBelow(sorted: number[], n: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < n) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

function blockOf(r: AiRegion, lines: string[], newIndex: (l: number) => number): SidecarBlock {
  return blockAt(blockFieldsOf(r), lines, newIndex(r.beginLine + 1), newIndex(r.endLine - 1));
}

function sidecarToMarkers(root: string, rel: string, out: ConvertOutcome): void {
  const found = readRecordText(root, rel);
  if (found.kind !== 'text') {
    out.refused.push(`${rel}: ${found.kind === 'error' ? found.reason : 'no record'}`);
    return;
  }
  const read = readTextFile(path.join(root, rel), undefined, [root]);
  if (!('text' in read)) {
    out.refused.push(`${rel}: ${read.skipped}`);
    return;
  }
  const parsed = parseRecord(rel, found.text);
  if (!parsed.ok || parsed.rejected.length > 0) {
    out.refused.push(`${recordPathFor(rel)} cannot be trusted: ${parsed.ok ? parsed.rejected[0].reason : parsed.reason}`);
    return;
  }
  const text = read.text;
  const anchored = anchorRecord(parsed.record, [], text, text.split(/\r?\n/));
  const syntax = syntaxFor(undefined, rel);
  const ids = new Set<string>();
  const freshId = (): string => {
    let id = newMarkerId();
    while (ids.has(id)) {
      id = newMarkerId();
    }
    return id;
  };
  const runs = anchored.blocks.flatMap(({ block, runs: rs }) => rs.map((run, i) => ({ block, run, id: i === 0 ? block.id : '' })));
  runs.forEach((r) => ids.add(r.id));
  // Bottom-up: wrapping one run changes no line above it, so the others' positions stay right.
  runs.sort((a, b) => b.run.first - a.run.first);
  let next = text;
  for (const { block, run, id } of runs) {
    const range = { start: { line: run.first, character: 0 }, end: { line: run.last + 1, character: 0 } };
    const edits = wrapInMarkers(next, range, markerFieldsOf(block, id || freshId()), syntax);
    if (edits.length === 0) {
      out.refused.push(`${rel}: lines ${run.first + 1}–${run.last + 1} cannot hold markers (no comments in this language, or inside a string); its record is kept`);
      return;
    }
    next = applyEdits(next, edits);
  }
  const refused = writeIfUnchanged(root, rel, DEFAULT_MAX_BYTES, text, next);
  if (refused) {
    out.refused.push(`${rel}: ${refused}`);
    return;
  }
  fs.rmSync(path.join(root, recordPathFor(rel)), { force: true });
  out.converted++;
  out.blocks += runs.length;
  out.dropped += anchored.dropped;
}

/** Source files that have a record, from the records under SIDECAR_DIR (limited to the targets). */
function recordedFiles(root: string, targets: readonly string[]): string[] {
  const dir = path.join(root, SIDECAR_DIR);
  if (!fs.existsSync(dir)) {
    return [];
  }
  const inTargets = (rel: string): boolean => targets.length === 0 || targets.some((t) => rel === t || rel.startsWith(`${t.replace(/\/$/, '')}/`));
  return walkFiles(root, [SIDECAR_DIR], { gitignore: false })
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(SIDECAR_DIR.length + 1, -'.json'.length))
    .filter(inTargets);
}
