import type * as vscode from 'vscode';
import { markerProvenance, type ParsedProvenance } from '../../../server/src/engine/provenance';

/** AI regions of a document, parsed once per document version. */
const cache = new WeakMap<vscode.TextDocument, { version: number; parsed: ParsedProvenance }>();

export function regionsOf(doc: vscode.TextDocument): ParsedProvenance {
  const hit = cache.get(doc);
  if (hit && hit.version === doc.version) {
    return hit.parsed;
  }
  const parsed = markerProvenance.regionsFor(doc.uri.path, doc.getText(), doc.languageId);
  cache.set(doc, { version: doc.version, parsed });
  return parsed;
}
