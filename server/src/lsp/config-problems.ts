import type { Connection } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import type { ConfigProblem } from '../engine';
import type { FolderConfig } from './folder-configs';
import { problemToDiagnostic } from './to-lsp';

/** Rule-file problems as diagnostics at their files; a file that no longer has any gets its diagnostics cleared. */
export class ConfigProblemPublisher {
  private filesWithProblems = new Set<string>();

  constructor(private readonly connection: Connection) {}

  /** Whether a file currently carries rule-file diagnostics (it gets those, not policy findings). */
  has(file: string): boolean {
    return this.filesWithProblems.has(file);
  }

  publish(folders: FolderConfig[]): void {
    const byFile = new Map<string, ConfigProblem[]>();
    for (const f of folders) {
      for (const p of f.problems) {
        byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
      }
    }
    for (const file of this.filesWithProblems) {
      if (!byFile.has(file)) {
        void this.connection.sendDiagnostics({ uri: URI.file(file).toString(), diagnostics: [] });
      }
    }
    for (const [file, problems] of byFile) {
      void this.connection.sendDiagnostics({ uri: URI.file(file).toString(), diagnostics: problems.map(problemToDiagnostic) });
    }
    this.filesWithProblems = new Set(byFile.keys());
  }
}
