import * as vscode from 'vscode';
import { formatMarkerTime, insertionEdits, markerProvenance, newMarkerId } from '../../../server/src/engine/provenance';
import { syntaxFor } from '../../../server/src/engine/text/languages';
import type { MarkerFields } from '../../../server/src/engine/provenance';

export interface InsertionOrigin {
  tool: string;
  useCase?: string;
}

/**
 * Wraps `range` (already in the document) in provenance markers, or grows a neighbouring block.
 * Runs as part of the same undo step as the insertion when `joinUndo` is set.
 */
export async function markInsertion(editor: vscode.TextEditor, range: vscode.Range, origin: InsertionOrigin, joinUndo: boolean): Promise<boolean> {
  const doc = editor.document;
  const text = doc.getText();
  const syntax = syntaxFor(doc.languageId, doc.uri.path);
  const parsed = markerProvenance.regionsFor(doc.uri.path, text, doc.languageId);
  const fields: MarkerFields = { id: newMarkerId(), tool: origin.tool, useCase: origin.useCase, at: formatMarkerTime(new Date()) };
  const edits = insertionEdits(text, syntax, toEngineRange(range), fields, parsed.regions);
  if (edits.length === 0) {
    return false;
  }
  return editor.edit(
    (b) => {
      for (const e of edits) {
        b.replace(new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
      }
    },
    { undoStopBefore: !joinUndo, undoStopAfter: !joinUndo },
  );
}

export function toEngineRange(r: vscode.Range): { start: { line: number; character: number }; end: { line: number; character: number } } {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}
