import * as path from 'path';
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { Policy } from '../engine';
import type { ConfigProblemPublisher } from './config-problems';
import type { CheckedDocument, DocumentChecker } from './document-checker';
import type { Failures } from './failures';
import type { FolderConfigs } from './folder-configs';
import type { InstructionsDiagnostics } from './instructions-diagnostics';
import type { SettingsCache } from './settings';
import type { StatusReporter } from './status-reporter';
import { toDiagnostic } from './to-lsp';

export interface ValidatorDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  folders: FolderConfigs;
  settings: SettingsCache;
  checker: DocumentChecker;
  instructions: InstructionsDiagnostics;
  configProblems: ConfigProblemPublisher;
  status: StatusReporter;
  failures: Failures;
  fallbackPolicy: () => Policy;
}

const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Checks one open document against its folder's policy and publishes the findings of the version still open. */
export class DocumentValidator {
  constructor(private readonly deps: ValidatorDeps) {}

  async validate(doc: TextDocument): Promise<void> {
    const { connection, documents, folders, settings, checker, instructions, configProblems, status, failures } = this.deps;
    const uri = URI.parse(doc.uri);
    const file = uri.scheme === 'file' ? uri.fsPath : path.join('/', uri.path);
    if (configProblems.has(file) || folders.affects(file)) {
      return; // rule files get rule-file diagnostics, not policy findings
    }
    try {
      const s = await settings.get(doc.uri);
      if (!s.enable) {
        void connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
        return;
      }
      const current = documents.get(doc.uri);
      if (!current || current.version !== doc.version) {
        return; // a newer version is already scheduled
      }
      const folder = uri.scheme === 'file' ? folders.folderOf(file) : undefined;
      const result = checker.check(
        { uri: doc.uri, file, version: doc.version, text: doc.getText(), languageId: doc.languageId },
        folder,
        this.deps.fallbackPolicy(),
        s.maxFileSizeMB * 1024 * 1024,
      );
      const extra = instructions.diagnostics(file, doc.getText(), folder);
      status.checked(result.ms);
      failures.clear(doc.uri);
      // Changes queued during the check supersede it: publish only what is still current.
      await new Promise((resolve) => setImmediate(resolve));
      if (documents.get(doc.uri)?.version === result.version) {
        this.publish(doc.uri, result, extra);
      }
    } catch (e) {
      failures.record(doc.uri, `Checking ${doc.uri}`, e);
      this.publishFailure(doc, e);
    }
  }

  /** Fails closed: a document whose check failed shows that, not an empty (passing) list. */
  private publishFailure(doc: TextDocument, e: unknown): void {
    const message = `Conductor could not check this file: ${e instanceof Error ? e.message : String(e)}. See the Conductor output.`;
    void this.deps.connection.sendDiagnostics({
      uri: doc.uri,
      version: doc.version,
      diagnostics: [{ range: FILE_START, message, severity: 1, source: 'conductor', code: 'conductor/check-failed' }],
    });
  }

  private publish(uri: string, result: CheckedDocument, extra: Diagnostic[]): void {
    const diagnostics = [...result.findings.map((f, i) => toDiagnostic(f, i, result.version)), ...extra];
    if (result.skipped) {
      diagnostics.push({ range: FILE_START, message: `Conductor skipped this file: ${result.skipped}.`, severity: 3, source: 'conductor', code: 'conductor/skipped' });
    }
    void this.deps.connection.sendDiagnostics({ uri, version: result.version, diagnostics });
  }
}
