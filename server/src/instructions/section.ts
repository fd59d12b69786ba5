// The generated section inside an instruction file, and the front matter of files Conductor owns.
// Pure text functions: everything outside the section (and the front matter) is kept byte for byte.

export const BEGIN_MARKER = '<!-- conductor:begin generated — do not edit; run `conductor instructions` -->';
export const END_MARKER = '<!-- conductor:end -->';
/** A begin marker is any line starting like this (older or hand-typed wording is replaced by BEGIN_MARKER). */
const BEGIN_PREFIX = '<!-- conductor:begin';

/** One file Conductor writes: where, optional front matter, and the section (LF line breaks, no final newline). */
export interface GeneratedFile {
  /** Workspace-relative posix path. */
  path: string;
  /** `---` … `---` with LF line breaks and a final newline; Conductor owns it in files it creates. */
  frontMatter?: string;
  /** From BEGIN_MARKER to END_MARKER inclusive. */
  section: string;
}

/** Offsets of the generated section: `start` at the begin marker's `<`, `end` just after END_MARKER. */
export interface SectionLocation {
  start: number;
  end: number;
}

export type FindResult = { found: SectionLocation } | { missing: true } | { error: string; at: number };

/** The first generated section in a text. A begin marker without an end marker is an error (nothing is guessed). */
export function findSection(text: string): FindResult {
  const start = lineStartingWith(text, BEGIN_PREFIX, 0);
  if (start === -1) {
    return { missing: true };
  }
  const endAt = text.indexOf(END_MARKER, start);
  if (endAt === -1) {
    return { error: `the Conductor section has no end marker (${END_MARKER})`, at: start };
  }
  return { found: { start, end: endAt + END_MARKER.length } };
}

/** Offset of the first line (after `from`) whose text starts with `prefix` (indentation allowed), or -1. */
function lineStartingWith(text: string, prefix: string, from: number): number {
  for (let i = text.indexOf(prefix, from); i !== -1; i = text.indexOf(prefix, i + 1)) {
    const lineStart = text.lastIndexOf('\n', i - 1) + 1;
    if (/^[ \t]*$/.test(text.slice(lineStart, i))) {
      return i;
    }
  }
  return -1;
}

/** The line break a text uses (its first one); LF for texts without any. */
export function eolOf(text: string): '\r\n' | '\n' {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** LF text converted to a line break style. */
export function withEol(lfText: string, eol: string): string {
  return eol === '\n' ? lfText : lfText.replace(/\n/g, eol);
}

/** The front matter block at the very start of a text (`---` line … `---` line, with its line break), if any. */
export function frontMatterRange(text: string): { start: 0; end: number } | undefined {
  const m = /^---[ \t]*\r?\n/.exec(text);
  if (!m) {
    return undefined;
  }
  const close = /^---[ \t]*(?:\r?\n|$)/m;
  const rest = text.slice(m[0].length);
  const c = close.exec(rest);
  return c ? { start: 0, end: m[0].length + c.index + c[0].length } : undefined;
}

/** A text edit by offsets (the LSP turns it into a range). */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * The edits that bring `existing` (undefined: the file does not exist) up to date with `file`, against `existing`,
 * in the file's own line-break style; none when it is up to date. Throws SectionError for an unterminated section.
 *   - no file: front matter + section + newline;
 *   - a section: exactly its range is replaced;
 *   - no section: appended after the hand-written text, separated by a blank line (after the front matter
 *     when the file is empty otherwise);
 *   - front matter (files Conductor owns): replaced, or inserted at the very start.
 */
export function generatedEdits(existing: string | undefined, file: GeneratedFile): OffsetEdit[] {
  if (existing === undefined) {
    return [{ start: 0, end: 0, newText: `${file.frontMatter ?? ''}${file.section}\n` }];
  }
  const eol = eolOf(existing);
  const section = withEol(file.section, eol);
  const edits: OffsetEdit[] = [];
  let bodyStart = 0;
  if (file.frontMatter !== undefined) {
    const fm = withEol(file.frontMatter, eol);
    const range = frontMatterRange(existing);
    bodyStart = range?.end ?? 0;
    if (existing.slice(0, bodyStart) !== fm) {
      edits.push({ start: 0, end: bodyStart, newText: fm });
    }
  }
  const found = findSection(existing);
  if ('error' in found) {
    throw new SectionError(found.error, found.at);
  }
  if ('found' in found) {
    if (found.found.start < bodyStart) {
      throw new SectionError('the Conductor section starts inside the front matter', found.found.start);
    }
    if (existing.slice(found.found.start, found.found.end) !== section) {
      edits.push({ start: found.found.start, end: found.found.end, newText: section });
    }
    return edits;
  }
  const body = existing.slice(bodyStart);
  if (body.trim() === '') {
    // One edit (front matter included): two inserts at one offset would have no defined order.
    const head = file.frontMatter !== undefined ? withEol(file.frontMatter, eol) : existing.slice(0, bodyStart);
    return [{ start: 0, end: existing.length, newText: `${head}${section}${eol}` }];
  }
  const separator = body.endsWith(eol + eol) ? '' : body.endsWith(eol) ? eol : eol + eol;
  edits.push({ start: existing.length, end: existing.length, newText: `${separator}${section}${eol}` });
  return edits;
}

export class SectionError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Applies offset edits (non-overlapping, any order) to a text. */
export function applyOffsetEdits(text: string, edits: OffsetEdit[]): string {
  let out = text;
  // Last first; at one offset the replacement before the insertion, so the insertion lands in front of it.
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  }
  return out;
}

/** The new text of a file (undefined when it does not exist yet). */
export function updatedText(existing: string | undefined, file: GeneratedFile): string {
  return applyOffsetEdits(existing ?? '', generatedEdits(existing, file));
}

/**
 * A file Conductor no longer generates (e.g. a removed layer's scoped instructions): its section removed, or
 * `undefined` when nothing else is in it (then the file goes). Front matter alone does not count as content.
 */
export function withoutSection(existing: string): string | undefined {
  const found = findSection(existing);
  if (!('found' in found)) {
    return existing;
  }
  let { start, end } = found.found;
  // Take the section's own line break and the blank line we put before it.
  const eol = eolOf(existing);
  if (existing.startsWith(eol, end)) {
    end += eol.length;
  }
  if (existing.slice(0, start).endsWith(eol + eol)) {
    start -= eol.length;
  }
  const rest = existing.slice(0, start) + existing.slice(end);
  const fm = frontMatterRange(rest);
  return rest.slice(fm?.end ?? 0).trim() === '' ? undefined : rest;
}
