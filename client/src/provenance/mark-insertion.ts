import * as vscode from 'vscode';
import { formatMarkerTime, insertionEdits, markerProvenance, newMarkerId } from '../../../server/src/engine/provenance';
import { syntaxFor } from '../../../server/src/engine/text/languages';
import type { MarkerFields } from '../../../server/src/engine/provenance';
import type { TextEdit } from '../../../server/src/engine/types';

export interface InsertionOrigin {
  tool: string;
  useCase?: string;
}

/**
 * Wraps `range` (already in the document) in provenance markers, or grows a neighbouring block.
 * Runs as part of the same undo step as the insertion when `joinUndo` is set.
 */
export async function markInsertion(editor: vscode.TextEditor, range: vscode.Range, origin: InsertionOrigin, joinUndo: boolean): Promise<boolean> {
  const edits = markerEdits(editor.document, range, origin);
  if (edits.length === 0) {
    return false;
  }
  return editor.edit(
    (b) => {
      for (const e of edits) {
        b.replace(toVsRange(e.range), e.newText);
      }
    },
    { undoStopBefore: !joinUndo, undoStopAfter: !joinUndo },
  );
}

/**
 * Like `markInsertion`, for a document that need not be shown (an agent's edit to a background file): one workspace
 * edit, its own undo step. Opening an editor for it would take the user's editor away from what they are doing.
 */
export async function markInsertionInDocument(doc: vscode.TextDocument, range: vscode.Range, origin: InsertionOrigin): Promise<boolean> {
  const edits = markerEdits(doc, range, origin);
  if (edits.length === 0) {
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) {
    edit.replace(doc.uri, toVsRange(e.range), e.newText);
  }
  return vscode.workspace.applyEdit(edit);
}

function markerEdits(doc: vscode.TextDocument, range: vscode.Range, origin: InsertionOrigin): TextEdit[] {
  const text = doc.getText();
  const syntax = syntaxFor(doc.languageId, doc.uri.path);
  const parsed = markerProvenance.regionsFor(doc.uri.path, text, doc.languageId);
  const fields: MarkerFields = { id: newMarkerId(), tool: origin.tool, useCase: origin.useCase, at: formatMarkerTime(new Date()) };
  return insertionEdits(text, syntax, toEngineRange(range), fields, parsed.regions);
}

function toVsRange(r: TextEdit['range']): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function toEngineRange(r: vscode.Range): { start: { line: number; character: number }; end: { line: number; character: number } } {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}
