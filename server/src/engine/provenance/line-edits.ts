// Whole-line edits for marker comments: markers own their lines, so fixes add or drop lines.
import type { TextEdit } from '../types';
import { spanAt, type Spans } from '../text/lexer';
import type { LineIndex } from '../text/positions';

/**
 * Inserts `content` as a new line before `line`; a line past the end becomes the new last line,
 * keeping whether the text ends with a line break.
 */
export function insertLineBefore(lines: LineIndex, line: number, content: string): TextEdit {
  if (line < lines.lineCount) {
    const at = { line, character: 0 };
    return { range: { start: at, end: at }, newText: content + lines.eol };
  }
  const at = lines.positionAt(lines.text.length);
  return { range: { start: at, end: at }, newText: lines.text.endsWith('\n') ? content + lines.eol : lines.eol + content };
}

/** Deletes lines `first..last` with their line break; the last line of a file takes the break before it. */
export function deleteLines(lines: LineIndex, first: number, last: number): TextEdit {
  if (last + 1 < lines.lineCount) {
    return { range: { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } }, newText: '' };
  }
  const from = first > 0 ? lines.lineEnd(first - 1) : 0;
  return { range: lines.rangeOf(from, lines.text.length), newText: '' };
}

/** Deletes a comment: its whole lines when it is alone on them, else only the comment and the blanks beside it. */
export function deleteComment(lines: LineIndex, start: number, end: number): TextEdit {
  const text = lines.text;
  const first = lines.positionAt(start).line;
  const last = lines.positionAt(end).line;
  const before = text.slice(lines.lineStart(first), start);
  const after = text.slice(end, lines.lineEnd(last));
  if (before.trim() === '' && after.trim() === '') {
    return deleteLines(lines, first, last);
  }
  if (before.trim() === '') {
    return { range: lines.rangeOf(start, end + (after.length - after.trimStart().length)), newText: '' };
  }
  return { range: lines.rangeOf(start - (before.length - before.trimEnd().length), end), newText: '' };
}

/** Deletes `text[start, end)` and the blanks before it, e.g. one field of a marker. */
export function deleteToken(lines: LineIndex, start: number, end: number): TextEdit {
  let from = start;
  while (from > 0 && (lines.text.charCodeAt(from - 1) === 32 || lines.text.charCodeAt(from - 1) === 9)) {
    from--;
  }
  return { range: lines.rangeOf(from, end), newText: '' };
}

/** Leading blanks of a line, so marker lines line up with the code they wrap. */
export function indentOf(lines: LineIndex, line: number): string {
  return /^[ \t]*/.exec(lines.lineText(line))?.[0] ?? '';
}

/** Whether a new line at `offset` would land inside a string or block comment and change it. */
export function insideSpan(spans: Spans, offset: number): boolean {
  const i = spanAt(spans, offset);
  return i !== -1 && spans.starts[i] < offset;
}
