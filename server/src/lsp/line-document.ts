import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver';

// The library's document keeps its text as one string, so every incremental change copies the whole
// text (~1 ms for 250 KB): a burst of 2,000 changes into a 5,000-line file costs seconds before any
// check runs. This document keeps an array of lines (each with its line break) instead, so a change
// costs the lines it touches; the text is joined once per version, when something reads it.
// Positions are resolved exactly as the library's `offsetAt` does. A change whose range lies past
// the end of the document switches that document to the library's own update for good, so even
// hostile ranges give the library's exact result.

const isEol = (c: number): boolean => c === 13 || c === 10;

/** Splits text into lines that keep their break (`\r\n`, `\r` or `\n`); the last has none. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) {
      i++;
    } else if (c !== 13 && c !== 10) {
      continue;
    }
    lines.push(text.slice(start, i + 1));
    start = i + 1;
  }
  lines.push(text.slice(start));
  return lines;
}

export class LineDocument implements TextDocument {
  private lines: string[] | undefined;
  private library: TextDocument | undefined;
  private view: TextDocument | undefined;

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    private ver: number,
    text: string,
  ) {
    this.lines = splitLines(text);
  }

  static create(uri: string, languageId: string, version: number, content: string): LineDocument {
    return new LineDocument(uri, languageId, version, content);
  }

  static update(doc: LineDocument, changes: TextDocumentContentChangeEvent[], version: number): LineDocument {
    for (const change of changes) {
      doc.view = undefined;
      doc.apply(change);
    }
    doc.view = undefined;
    doc.ver = version;
    return doc;
  }

  get version(): number {
    return this.ver;
  }

  get lineCount(): number {
    return this.lines?.length ?? this.current().lineCount;
  }

  getText(range?: Range): string {
    return this.current().getText(range);
  }

  positionAt(offset: number): Position {
    return this.current().positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.current().offsetAt(position);
  }

  getLineRange(line: number): Range {
    return this.current().getLineRange(line);
  }

  getEOLCharacters(line: number): string {
    return this.current().getEOLCharacters(line);
  }

  /** The library's document for this version (built once per version in line mode). */
  private current(): TextDocument {
    if (this.library) {
      return this.library;
    }
    this.view ??= TextDocument.create(this.uri, this.languageId, this.ver, this.lines!.join(''));
    return this.view;
  }

  private apply(change: TextDocumentContentChangeEvent): void {
    if (!('range' in change)) {
      this.library = undefined;
      this.lines = splitLines(change.text);
      return;
    }
    const lines = this.lines;
    if (!lines || change.range.start.line >= lines.length || change.range.end.line >= lines.length) {
      this.library = TextDocument.update(this.current(), [change], this.ver);
      this.lines = undefined;
      return;
    }
    const { start, end } = wellFormed(change.range);
    const [sl, sc] = this.resolve(start);
    const [el, ec] = this.resolve(end);
    let from = sl;
    let text = lines[sl].slice(0, sc) + change.text + lines[el].slice(ec);
    // A lone `\r` ending the line before and a `\n` starting the insertion become one `\r\n` break.
    if (sc === 0 && sl > 0 && text.charCodeAt(0) === 10 && lines[sl - 1].endsWith('\r')) {
      from = sl - 1;
      text = lines[from] + text;
    }
    const pieces = splitLines(text);
    if (el < lines.length - 1 && pieces[pieces.length - 1] === '') {
      pieces.pop(); // the text ends with a break: the next line follows, it is not an empty last line
    }
    if (pieces.length < 10_000) {
      lines.splice(from, el - from + 1, ...pieces);
    } else {
      this.lines = lines.slice(0, from).concat(pieces, lines.slice(el + 1));
    }
  }

  /** Line and column of a position, clamped as the library's `offsetAt` does (never inside a line break). */
  private resolve(p: Position): [number, number] {
    if (p.line < 0) {
      return [0, 0];
    }
    const line = this.lines![p.line];
    if (p.character <= 0) {
      return [p.line, 0];
    }
    let col = Math.min(p.character, line.length);
    while (col > 0 && isEol(line.charCodeAt(col - 1))) {
      col--;
    }
    return [p.line, col];
  }
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}
