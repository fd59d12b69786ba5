// Writes markers as edits. Every function returns edits against the text it was given (LSP style),
// so hosts apply them as one workspace edit and the user can undo them as one step.
import { randomBytes } from 'node:crypto';
import type { Range, TextEdit } from '../types';
import { lineComment, type LanguageSyntax } from '../text/languages';
import { lex } from '../text/lexer';
import { LineIndex } from '../text/positions';
import { deleteLines, deleteToken, indentOf, insertLineBefore, insideSpan } from './line-edits';
import { DIRECTIVE, KEY_PROPERTY, formatField, isKnownKey, tokenize, type Token } from './marker-grammar';
import type { AiRegion, MarkerFields } from './types';

/** 6 random hex digits: collisions within one file are unlikely and reported as `duplicate-id`. */
export function newMarkerId(): string {
  return randomBytes(3).toString('hex');
}

/** JSON has no comments, so its provenance needs the sidecar store instead. */
export function canHoldMarkers(syntax: LanguageSyntax): boolean {
  return syntax.lineComment !== undefined || syntax.blockComment !== undefined;
}

/** The begin marker comment, without indentation or line break. Throws on fields the grammar cannot hold. */
export function beginMarker(syntax: LanguageSyntax, fields: MarkerFields): string {
  const parts = [DIRECTIVE, 'begin'];
  for (const [key, property] of Object.entries(KEY_PROPERTY)) {
    const value = fields[property];
    if (value !== undefined) {
      parts.push(formatField(key, value));
    }
  }
  for (const [key, value] of Object.entries(fields.extra ?? {})) {
    if (isKnownKey(key)) {
      throw new RangeError(`"${key}" is a known marker key; set it through its own field, not extra.`);
    }
    parts.push(formatField(key, value));
  }
  return comment(syntax, parts.join(' '));
}

export function endMarker(syntax: LanguageSyntax, id: string): string {
  return comment(syntax, `${DIRECTIVE} end ${formatField('id', id)}`);
}

function comment(syntax: LanguageSyntax, body: string): string {
  if (!canHoldMarkers(syntax)) {
    throw new RangeError(`${syntax.id} files have no comments to hold provenance markers.`);
  }
  return lineComment(syntax, body);
}

/**
 * Wraps the lines of `range` in markers indented like its first line. Returns no edits when the
 * language has no comments or a marker line would fall inside a string or block comment, where
 * it would change the program. Throws like `beginMarker` on fields the grammar cannot hold.
 */
export function wrapInMarkers(text: string, range: Range, fields: MarkerFields, syntax: LanguageSyntax): TextEdit[] {
  const lines = new LineIndex(text);
  const covered = coveredLines(lines, range);
  if (!covered || !canHoldMarkers(syntax) || !canInsertLinesAt(text, syntax, lines, [covered.first, covered.last + 1])) {
    return [];
  }
  const indent = indentOf(lines, covered.first);
  const begin = insertLineBefore(lines, covered.first, indent + beginMarker(syntax, fields));
  const end = insertLineBefore(lines, covered.last + 1, indent + endMarker(syntax, fields.id));
  // Both land at the end of the file when the block is its empty last line; one edit keeps their order.
  if (lines.offsetAt(begin.range.start) === lines.offsetAt(end.range.start)) {
    return [{ range: begin.range, newText: begin.newText + end.newText }];
  }
  return [begin, end];
}

/**
 * The lines a range touches, ignoring an end at the very start of a line and a start at the very
 * end of a non-empty one: a completion typed at the end of a line starts with a line break.
 */
export function coveredLines(lines: LineIndex, range: Range): { first: number; last: number } | undefined {
  const lastLine = lines.lineCount - 1;
  const start = Math.min(range.start.line, lastLine);
  const end = Math.min(range.end.line, lastLine);
  const multiLine = end > start;
  const startsAtLineEnd = range.start.character > 0 && range.start.character >= lines.lineEnd(start) - lines.lineStart(start);
  const first = multiLine && startsAtLineEnd ? start + 1 : start;
  const last = multiLine && range.end.character === 0 ? end - 1 : end;
  return first <= last ? { first, last } : undefined;
}

/** Whether new lines before each of `lineNumbers` stay outside strings and block comments. */
export function canInsertLinesAt(text: string, syntax: LanguageSyntax, lines: LineIndex, lineNumbers: number[]): boolean {
  const spans = lex(text, syntax);
  return lineNumbers.every((line) => line >= lines.lineCount || !insideSpan(spans, lines.lineStart(line)));
}

/** Sets one field of a region's begin marker, e.g. `reviewed-by` after a review or `use=`. */
export function setMarkerField(text: string, region: AiRegion, key: string, value: string): TextEdit {
  if (key === 'id') {
    throw new RangeError('The id is shared with the end marker; change both markers instead.');
  }
  const field = formatField(key, value);
  const { lines, fields, fieldsEnd } = beginFields(text, region);
  const existing = fields.find((t) => t.key === key);
  if (existing) {
    return { range: lines.rangeOf(existing.valueStart, existing.end), newText: field.slice(key.length + 1) };
  }
  const at = lines.positionAt(fieldsEnd);
  return { range: { start: at, end: at }, newText: ` ${field}` };
}

/** Removes one field from a region's begin marker, or returns undefined when it has none. */
export function removeMarkerField(text: string, region: AiRegion, key: string): TextEdit | undefined {
  const { lines, fields } = beginFields(text, region);
  const existing = fields.find((t) => t.key === key);
  return existing && deleteToken(lines, existing.start, existing.end);
}

/** Deletes both marker lines of a region and keeps the code between them. */
export function removeMarkers(text: string, region: AiRegion): TextEdit[] {
  const lines = new LineIndex(text);
  if (region.endLine === region.beginLine + 1) {
    return [deleteLines(lines, region.beginLine, region.endLine)];
  }
  return [deleteLines(lines, region.beginLine, region.beginLine), deleteLines(lines, region.endLine, region.endLine)];
}

function beginFields(text: string, region: AiRegion): { lines: LineIndex; fields: Extract<Token, { kind: 'field' }>[]; fieldsEnd: number } {
  const lines = new LineIndex(text);
  const fieldsEnd = lines.offsetAt(region.fieldsEnd);
  const directive = text.indexOf(DIRECTIVE, lines.offsetAt(region.beginRange.start));
  if (directive === -1 || directive >= fieldsEnd) {
    throw new RangeError(`Region ${region.id} does not match the text; parse the text again.`);
  }
  const fields = tokenize(text, directive + DIRECTIVE.length, fieldsEnd).filter((t) => t.kind === 'field');
  return { lines, fields, fieldsEnd };
}
