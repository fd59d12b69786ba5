import * as fs from 'fs';
import { URI } from 'vscode-uri';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigHost } from '../engine';

/** Reads rule files from open editors first (unsaved edits count), then from disk. */
export function overlayHost(documents: TextDocuments<TextDocument>, builtinDir: string): ConfigHost {
  return {
    builtinDir,
    readFile(file: string): string | undefined {
      const open = documents.get(URI.file(file).toString());
      if (open) {
        return open.getText();
      }
      try {
        return fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}
