import { URI } from 'vscode-uri';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigHost } from '../engine';
import { diskConfigHost } from '../host/disk-config-host';

/**
 * Reads rule files from open editors first (unsaved edits count), then from disk through the bounded
 * reader; `roots()` are the workspace folders a symlinked rule file may lead into.
 */
export function overlayHost(documents: TextDocuments<TextDocument>, builtinDir: string, roots: () => readonly string[]): ConfigHost {
  return {
    builtinDir,
    readFile(file: string) {
      const open = documents.get(URI.file(file).toString());
      if (open) {
        return open.getText();
      }
      return diskConfigHost(builtinDir, roots()).readFile(file);
    },
  };
}
