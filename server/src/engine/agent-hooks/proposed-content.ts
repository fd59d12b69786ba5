// The file as it will be after the agent's write, and which of its lines the agent wrote. Linear in the
// text and the edits: replace_all maps earlier changes through the new occurrences by binary search.
import type { ProposedChange, TextEdit } from './types';

/** Lines `start` (inclusive) to `end` (exclusive), 0-based, of the new text. */
export interface LineSpan {
  start: number;
  end: number;
}

export type ProposedContent =
  | { kind: 'file'; text: string; changed: LineSpan[] }
  /** The edits cannot be placed in the current file (the agent's tool will fail on them too): their new text alone. */
  | { kind: 'fragment'; text: string; why: string };

/** Character ranges [start, end) of the text being built, sorted and disjoint. */
type Ranges = { start: number; end: number }[];

export function proposedContent(current: string | undefined, change: ProposedChange): ProposedContent {
  switch (change.kind) {
    case 'content':
      return { kind: 'file', text: change.content, changed: changedLines(current ?? '', change.content, current === undefined) };
    case 'fragment':
      return { kind: 'fragment', text: change.text, why: 'only part of the new content is known' };
    case 'edits':
      return applyEdits(current, change.edits);
  }
}

function applyEdits(current: string | undefined, edits: TextEdit[]): ProposedContent {
  const fragment = (why: string): ProposedContent => ({ kind: 'fragment', text: edits.map((e) => e.newString).join('\n'), why });
  if (current === undefined) {
    // An Edit with an empty old_string creates the file; anything else fails in the agent.
    return edits.length === 1 && edits[0].oldString === '' ? { kind: 'file', text: edits[0].newString, changed: wholeText(edits[0].newString) } : fragment('the file does not exist yet');
  }
  let text = current;
  let ranges: Ranges = [];
  for (const e of edits) {
    if (e.oldString === '') {
      return fragment('an edit has an empty old_string');
    }
    const at = occurrences(text, e.oldString, e.replaceAll);
    if (at.length === 0) {
      return fragment('an old_string does not occur in the current file');
    }
    const delta = e.newString.length - e.oldString.length;
    // Earlier changes move with the text; one the edit rewrites grows to cover the new text.
    const shifted: Ranges = ranges.map((r) => ({ start: mapOffset(at, e, r.start, false), end: mapOffset(at, e, r.end, true) }));
    const added: Ranges = at.map((s, i) => ({ start: s + i * delta, end: s + i * delta + e.newString.length }));
    ranges = mergeRanges([...shifted, ...added]);
    text = replaceAt(text, at, e.oldString.length, e.newString);
  }
  return { kind: 'file', text, changed: toLineSpans(text, ranges) };
}

/** Start offsets of `needle` (all of them, or the first one). */
function occurrences(text: string, needle: string, all: boolean): number[] {
  const out: number[] = [];
  let i = text.indexOf(needle);
  while (i !== -1) {
    out.push(i);
    if (!all) {
      break;
    }
    i = text.indexOf(needle, i + needle.length);
  }
  return out;
}

/** Where an offset of the text before the edit lands after it; inside a replaced occurrence: its new start or end. */
function mapOffset(at: number[], e: TextEdit, offset: number, isEnd: boolean): number {
  const delta = e.newString.length - e.oldString.length;
  const i = countBefore(at, offset);
  if (i > 0 && at[i - 1] + e.oldString.length > offset) {
    const start = at[i - 1] + (i - 1) * delta;
    return isEnd ? start + e.newString.length : start;
  }
  return offset + i * delta;
}

/** How many of the sorted offsets lie before `offset`. */
function countBefore(sorted: number[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < offset) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

function replaceAt(text: string, at: number[], length: number, replacement: string): string {
  const parts: string[] = [];
  let prev = 0;
  for (const s of at) {
    parts.push(text.slice(prev, s), replacement);
    prev = s + length;
  }
  parts.push(text.slice(prev));
  return parts.join('');
}

function mergeRanges(ranges: Ranges): Ranges {
  ranges.sort((a, b) => a.start - b.start);
  const out: Ranges = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) {
      last.end = Math.max(last.end, r.end);
    } else {
      out.push({ ...r });
    }
  }
  return out;
}

/** The lines character ranges touch; an empty range (a deletion) marks the line it falls on. */
function toLineSpans(text: string, ranges: Ranges): LineSpan[] {
  const spans: LineSpan[] = [];
  let line = 0;
  let offset = 0;
  const lineAt = (target: number): number => {
    while (offset < target) {
      const nl = text.indexOf('\n', offset);
      if (nl === -1 || nl >= target) {
        offset = target;
        break;
      }
      line++;
      offset = nl + 1;
    }
    return line;
  };
  for (const r of ranges) {
    const start = lineAt(r.start);
    // The line holding the range's last character (a range ending in a newline ends on that line).
    const end = lineAt(Math.max(r.start, r.end - 1)) + 1;
    const last = spans[spans.length - 1];
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
    } else {
      spans.push({ start, end });
    }
  }
  return spans;
}

function wholeText(text: string): LineSpan[] {
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  return lines > 0 ? [{ start: 0, end: lines }] : [];
}

/**
 * The lines of `next` that differ from `prev` (a Write over an existing file: the changed lines only).
 * Linear: common leading and trailing lines are kept, and in between a line that was already there
 * (counted, so each old line vouches for one new line) is kept too, wherever it moved. A new file is
 * all its lines; a pure deletion marks the line where it happened.
 */
export function changedLines(prev: string, next: string, isNew = false): LineSpan[] {
  if (isNew) {
    return wholeText(next);
  }
  const a = prev.split('\n');
  const b = next.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) {
    head++;
  }
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) {
    tail++;
  }
  const end = b.length - tail;
  const old = new Map<string, number>();
  for (let i = head; i < a.length - tail; i++) {
    old.set(a[i], (old.get(a[i]) ?? 0) + 1);
  }
  const spans: LineSpan[] = [];
  for (let i = head; i < end; i++) {
    const left = old.get(b[i]) ?? 0;
    if (left > 0) {
      old.set(b[i], left - 1);
      continue;
    }
    const last = spans[spans.length - 1];
    if (last && last.end === i) {
      last.end = i + 1;
    } else {
      spans.push({ start: i, end: i + 1 });
    }
  }
  if (spans.length === 0 && a.length > b.length) {
    const at = Math.min(head, b.length - 1);
    return [{ start: at, end: at + 1 }];
  }
  return spans;
}
