// Reads one marker comment into its fields, reporting what is wrong with that line alone.
// Pairing begins with ends is parse-markers.ts's job.
import type { Range } from '../types';
import type { LanguageSyntax } from '../text/languages';
import { spanAt, type Spans } from '../text/lexer';
import type { LineIndex } from '../text/positions';
import { deleteComment, deleteToken } from './line-edits';
import { DIRECTIVE, KEY_PROPERTY, TIME_KEYS, isKnownKey, isMarkerId, isMarkerTime, isSpace, tokenize, type Token } from './marker-grammar';
import type { AiRegion, MarkerProblem } from './types';

export type RegionFields = Pick<AiRegion, 'tool' | 'useCase' | 'at' | 'reviewedBy' | 'reviewedAt' | 'acceptedBy' | 'extra'>;

export interface MarkerLine {
  kind: 'begin' | 'end';
  id: string;
  line: number;
  range: Range;
  /** Offsets of the id's value, for the fix that corrects a mismatched end. */
  idStart: number;
  idEnd: number;
  fieldsEnd: number;
  /** Only filled for begin markers. */
  fields: RegionFields;
}

type Report = (kind: MarkerProblem['kind'], t: Token, message: string, removable: boolean) => void;

export interface MarkerText {
  text: string;
  syntax: LanguageSyntax;
  spans: Spans;
  lines: LineIndex;
}

/**
 * The marker whose directive is at `offset`, or undefined when that is not a marker: not in a
 * comment, or not at the start of the comment's body. Broken markers report problems and return
 * undefined when they cannot take part in pairing.
 */
export function readMarker(doc: MarkerText, offset: number, problems: MarkerProblem[]): MarkerLine | undefined {
  const { text, syntax, spans, lines } = doc;
  const k = spanAt(spans, offset);
  if (k === -1 || spans.kinds[k] !== 'comment') {
    return undefined;
  }
  const start = spans.starts[k];
  const block = syntax.blockComment && text.startsWith(syntax.blockComment[0], start) ? syntax.blockComment : undefined;
  const opener = block ? block[0] : (syntax.lineComment ?? '');
  const afterDirective = offset + DIRECTIVE.length;
  const line = lines.positionAt(start).line;
  const end = block ? spans.ends[k] : Math.min(spans.ends[k], lines.lineEnd(line));
  const closed = block !== undefined && end - block[1].length >= start + opener.length && text.startsWith(block[1], end - block[1].length);
  const bodyEnd = closed && block ? end - block[1].length : end;
  if (!blankBefore(text, start + opener.length, offset) || (afterDirective < bodyEnd && !isSpace(text.charCodeAt(afterDirective)))) {
    return undefined;
  }
  const range = lines.rangeOf(start, end);
  const fatal = (message: string): undefined => {
    problems.push({ kind: 'malformed', message, range, fix: { title: 'Remove the malformed marker', edits: [deleteComment(lines, start, end)] } });
    return undefined;
  };
  if (range.end.line !== line) {
    return fatal(`An ${DIRECTIVE} marker must fit on one line.`);
  }
  if (!blankBefore(text, lines.lineStart(line), start) || !blankAfter(text, end, lines.lineEnd(line))) {
    return fatal(`An ${DIRECTIVE} marker must be on a line of its own.`);
  }
  const [kindToken, ...rest] = tokenize(text, afterDirective, bodyEnd);
  const kind = kindToken?.kind === 'word' ? kindToken.text : undefined;
  if (kind !== 'begin' && kind !== 'end') {
    return fatal(`Expected "begin" or "end" after ${DIRECTIVE}.`);
  }
  const idToken = rest.find((t) => t.kind === 'field' && t.key === 'id');
  if (idToken?.kind !== 'field' || !isMarkerId(idToken.value)) {
    return fatal(`The ${kind} marker needs id=<4–12 hex digits>.`);
  }
  const marker: MarkerLine = {
    kind,
    id: idToken.value.toLowerCase(),
    line,
    range,
    idStart: idToken.valueStart,
    idEnd: idToken.end,
    fieldsEnd: (rest[rest.length - 1] ?? kindToken).end,
    fields: { tool: 'unknown', extra: {} },
  };
  readFields(lines, marker, rest, problems);
  return marker;
}

function readFields(lines: LineIndex, marker: MarkerLine, tokens: Token[], problems: MarkerProblem[]): void {
  const seen = new Set<string>();
  const report: Report = (kind, t, message, removable) => {
    const range = lines.rangeOf(t.start, t.end);
    const fix = removable ? { title: 'Remove the invalid field', edits: [deleteToken(lines, t.start, t.end)] } : undefined;
    problems.push(fix ? { kind, message, range, fix } : { kind, message, range });
  };
  for (const t of tokens) {
    if (t.kind === 'word') {
      report('malformed', t, `Expected key=value in the marker, found "${t.text}".`, true);
    } else if (seen.has(t.key)) {
      report('malformed', t, `The marker repeats "${t.key}"; the first value counts.`, true);
    } else if (marker.kind === 'end') {
      seen.add(t.key);
      if (t.key !== 'id') {
        report('unknown-key', t, `End markers carry only id; "${t.key}" is ignored.`, false);
      }
    } else {
      seen.add(t.key);
      readBeginField(marker, t, report);
    }
  }
  if (marker.kind === 'begin' && !seen.has('tool')) {
    const at = lines.positionAt(marker.fieldsEnd);
    problems.push({
      kind: 'malformed',
      message: 'The begin marker needs tool=<assistant>; it counts as "unknown" until then.',
      range: marker.range,
      fix: { title: 'Add tool=unknown', edits: [{ range: { start: at, end: at }, newText: ' tool=unknown' }] },
    });
  }
}

function readBeginField(marker: MarkerLine, t: Extract<Token, { kind: 'field' }>, report: Report): void {
  if (!isKnownKey(t.key)) {
    report('unknown-key', t, `Unknown marker field "${t.key}" (kept as is; a newer Conductor may know it).`, false);
    marker.fields.extra[t.key] = t.value;
    return;
  }
  if (t.key === 'id') {
    return;
  }
  if (TIME_KEYS.has(t.key) && !isMarkerTime(t.value)) {
    report('malformed', t, `"${t.key}" must be an ISO-8601 UTC time such as 2026-11-24T10:31Z.`, true);
    return;
  }
  marker.fields[KEY_PROPERTY[t.key]] = t.value;
}

// Each stops at the first non-blank character next to the marker instead of slicing the whole line:
// a one-line file (a source map, minified code) can hold thousands of markers.
function blankBefore(text: string, from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) {
    if (!isBlank(text.charCodeAt(i))) {
      return false;
    }
  }
  return true;
}

function blankAfter(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (!isBlank(text.charCodeAt(i))) {
      return false;
    }
  }
  return true;
}

/** What String.prototype.trim removes (its set is \s). */
function isBlank(c: number): boolean {
  return /\s/.test(String.fromCharCode(c));
}
