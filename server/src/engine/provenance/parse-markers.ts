// Pairs `@ai-generated begin`/`end` markers into regions in one pass over the file.
import type { LanguageSyntax } from '../text/languages';
import { lex, type Spans } from '../text/lexer';
import { LineIndex } from '../text/positions';
import { deleteLines, indentOf, insertLineBefore } from './line-edits';
import { DIRECTIVE } from './marker-grammar';
import { regionAt } from './region-at';
import { readMarker, type MarkerLine, type MarkerText } from './read-marker';
import type { AiRegion, MarkerProblem, ParsedProvenance, UnpairedBlock } from './types';
import { endMarker } from './write-markers';

/**
 * Regions and marker problems of one text. `spans` lets a caller that already lexed the text
 * (e.g. a DocumentContext) share the work; the text is lexed only when it mentions the directive.
 */
export function parseMarkers(text: string, syntax: LanguageSyntax, spans: () => Spans = () => lex(text, syntax)): ParsedProvenance {
  const first = text.indexOf(DIRECTIVE);
  if (first === -1) {
    return { regions: [], problems: [] };
  }
  const doc: MarkerText = { text, syntax, spans: spans(), lines: new LineIndex(text) };
  const problems: MarkerProblem[] = [];
  const markers: MarkerLine[] = [];
  // Every marker line, readable or not, in order: where an unpaired block stops.
  const markerLines: number[] = [];
  const unreadable: Omit<UnpairedBlock, 'endLine'>[] = [];
  for (let i = first; i !== -1; i = text.indexOf(DIRECTIVE, i + DIRECTIVE.length)) {
    const before = problems.length;
    const marker = readMarker(doc, i, problems);
    if (marker) {
      markers.push(marker);
      markerLines.push(marker.line);
    } else if (problems.length > before) {
      const p = problems[before];
      markerLines.push(p.range.start.line);
      if (!/^\s*end\b/.test(text.slice(i + DIRECTIVE.length, i + DIRECTIVE.length + 16))) {
        unreadable.push({ beginLine: p.range.start.line, beginRange: p.range });
      }
    }
  }
  const unclosed: MarkerLine[] = [];
  const regions = pair(doc, markers, problems, unclosed);
  regions.sort((a, b) => a.beginLine - b.beginLine);
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const begins = [...unreadable, ...unclosed.map((m) => ({ id: m.id, beginLine: m.line, beginRange: m.range }))];
  const unpaired = unpairedBlocks(begins, markerLines, regions, doc.lines.lineCount);
  return unpaired.length > 0 ? { regions, problems, unpaired } : { regions, problems };
}

/** Each unpaired begin outside every paired block runs to the next marker line (binary search), or to the end. */
function unpairedBlocks(begins: Omit<UnpairedBlock, 'endLine'>[], markerLines: number[], regions: AiRegion[], lineCount: number): UnpairedBlock[] {
  const out: UnpairedBlock[] = [];
  for (const b of begins) {
    if (regionAt(regions, b.beginLine)) {
      continue; // already AI code of a readable block
    }
    let lo = 0;
    let hi = markerLines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (markerLines[mid] <= b.beginLine) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    out.push({ ...b, endLine: lo < markerLines.length ? markerLines[lo] : lineCount });
  }
  return out.sort((a, b) => a.beginLine - b.beginLine);
}

/**
 * Matches each end with the innermost open begin of the same id. Knowing how many ends of each id
 * are still ahead tells an unclosed begin (none left) from one that merely contains another block.
 */
function pair(doc: MarkerText, markers: MarkerLine[], problems: MarkerProblem[], unclosedBegins: MarkerLine[]): AiRegion[] {
  const { lines } = doc;
  const endsAhead = new Map<string, number>();
  for (const m of markers) {
    if (m.kind === 'end') {
      endsAhead.set(m.id, (endsAhead.get(m.id) ?? 0) + 1);
    }
  }
  const firstBegin = new Map<string, number>();
  const open: MarkerLine[] = [];
  const regions: AiRegion[] = [];
  // Open blocks with no end left ahead are unclosed; `m` is where the fix closes them.
  const closeUnfinished = (m: MarkerLine): void => {
    let top = open.at(-1);
    while (top && !endsAhead.get(top.id) && (m.kind === 'begin' || top.id !== m.id)) {
      problems.push(unclosed(doc, top, m));
      unclosedBegins.push(top);
      open.pop();
      top = open.at(-1);
    }
  };
  for (const m of markers) {
    if (m.kind === 'begin') {
      closeUnfinished(m);
      const seen = firstBegin.get(m.id);
      if (seen === undefined) {
        firstBegin.set(m.id, m.line);
      } else {
        problems.push({ kind: 'duplicate-id', message: `Marker id ${m.id} is already used on line ${seen + 1}; give this block its own id.`, range: m.range });
      }
      const outer = open.at(-1);
      if (outer) {
        problems.push({ kind: 'nested', message: `Block ${m.id} begins inside block ${outer.id} (line ${outer.line + 1}); blocks cannot nest.`, range: m.range });
      }
      open.push(m);
      continue;
    }
    endsAhead.set(m.id, (endsAhead.get(m.id) ?? 1) - 1);
    const top = open.at(-1);
    if (top && top.id !== m.id && !endsAhead.get(top.id) && !open.some((b) => b.id === m.id)) {
      // The open block has no end of its own left: this end was meant for it.
      problems.push(mismatched(doc, m, top));
      open.pop();
      regions.push(region(doc, top, m));
      continue;
    }
    closeUnfinished(m);
    const at = findLastIndex(open, m.id);
    if (at === -1) {
      problems.push({
        kind: 'stray-end',
        message: `End marker ${m.id} has no open begin marker.`,
        range: m.range,
        fix: { title: 'Remove the stray marker', edits: [deleteLines(lines, m.line, m.line)] },
      });
      continue;
    }
    regions.push(region(doc, open.splice(at, 1)[0], m));
  }
  for (const m of open.reverse()) {
    problems.push(unclosed(doc, m, undefined));
    unclosedBegins.push(m);
  }
  return regions;
}

function findLastIndex(open: MarkerLine[], id: string): number {
  for (let i = open.length - 1; i >= 0; i--) {
    if (open[i].id === id) {
      return i;
    }
  }
  return -1;
}

function region(doc: MarkerText, begin: MarkerLine, end: MarkerLine): AiRegion {
  return {
    id: begin.id,
    ...begin.fields,
    beginLine: begin.line,
    endLine: end.line,
    contentRange: { start: { line: begin.line + 1, character: 0 }, end: { line: end.line, character: 0 } },
    beginRange: begin.range,
    endRange: end.range,
    fieldsEnd: doc.lines.positionAt(begin.fieldsEnd),
  };
}

/** An unclosed block is closed right before the marker that showed it open, or at the end of the file. */
function unclosed(doc: MarkerText, begin: MarkerLine, before: MarkerLine | undefined): MarkerProblem {
  const { lines, syntax } = doc;
  const edit = insertLineBefore(lines, before ? before.line : lines.lineCount, indentOf(lines, begin.line) + endMarker(syntax, begin.id));
  return {
    kind: 'unclosed',
    message: `Block ${begin.id} has no end marker.`,
    range: begin.range,
    fix: { title: 'Close the block here', edits: [edit] },
  };
}

function mismatched(doc: MarkerText, end: MarkerLine, begin: MarkerLine): MarkerProblem {
  return {
    kind: 'mismatched-end',
    message: `End marker ${end.id} does not match the open block ${begin.id} (line ${begin.line + 1}).`,
    range: end.range,
    fix: { title: `Change the end marker's id to ${begin.id}`, edits: [{ range: doc.lines.rangeOf(end.idStart, end.idEnd), newText: begin.id }] },
  };
}
