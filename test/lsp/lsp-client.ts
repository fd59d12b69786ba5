// A small LSP client for black-box tests. It talks to the server like an editor would, either to the
// BUILT server as a process (`node dist/server.js --stdio`: for tests about the process, its stdio and
// its survival) or to `startServer` in this process over in-memory streams (faster; as
// vscode-languageserver-node's own tests do). No fixed sleeps: every wait re-checks its condition
// whenever a message arrives and fails with a description of what it saw on timeout.
import { spawn, type ChildProcess } from 'child_process';
import { PassThrough } from 'stream';
import { createConnection } from 'vscode-languageserver/node';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  createProtocolConnection,
  type ApplyWorkspaceEditParams,
  type CodeAction,
  type Command,
  type Diagnostic,
  type FileEvent,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { nonOverlapping } from '../../server/src/engine';
import { StatusNotification, type StatusParams } from '../../server/src/protocol/messages';
import type { Settings } from '../../server/src/lsp/settings';
import { startServer, type ConductorServer } from '../../server/src/lsp/start-server';
import { applyTextEdits } from '../helpers/edits';
import { BUILTIN_DIR, SERVER_JS } from '../helpers/paths';
import { fileUri } from '../helpers/temp-workspace';

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface LspClientOptions {
  /** Workspace folder paths (absolute). */
  folders: string[];
  /** `conductor.*` settings per scope URI (the server asks per document and per folder). */
  settings?: (scopeUri: string | undefined) => Partial<Settings>;
  /** `memory`: startServer in this process over in-memory streams; default `stdio`: the built server as a process. */
  transport?: 'stdio' | 'memory';
}

/** The server under test: a child process, or a server started in this process. */
type ServerUnderTest = { child: ChildProcess } | { inMemory: ConductorServer };

export interface PublishEvent {
  /** Arrival order over all publishDiagnostics notifications. */
  seq: number;
  params: PublishDiagnosticsParams;
}

interface OpenDocument {
  languageId: string;
  version: number;
  text: string;
}

export class LspClient {
  /** Every publishDiagnostics, per URI, in arrival order. */
  readonly published = new Map<string, PublishEvent[]>();
  readonly statuses: StatusParams[] = [];
  readonly registrations: Registration[] = [];
  readonly applyEditRequests: ApplyWorkspaceEditParams[] = [];
  readonly logs: string[] = [];
  readonly configurationRequests: (string | undefined)[] = [];
  stderr = '';
  exitCode: number | null | undefined = undefined;
  initializeResult?: InitializeResult;

  private readonly docs = new Map<string, OpenDocument>();
  /** Edits the server asked us to apply (workspace/applyEdit), applied to our copy but not yet sent. */
  private readonly unsent = new Map<string, TextEdit[][]>();
  private readonly listeners = new Set<() => void>();
  private readonly exited: Promise<number | null>;
  private seq = 0;

  private constructor(
    private readonly server: ServerUnderTest,
    readonly connection: ProtocolConnection,
    private readonly options: LspClientOptions,
  ) {
    // An in-memory server has no process to exit: it ends with dispose().
    this.exited = new Promise((resolve) => {
      if ('child' in server) {
        server.child.stderr?.setEncoding('utf8');
        server.child.stderr?.on('data', (d: string) => (this.stderr += d));
        server.child.on('exit', (code) => {
          this.exitCode = code;
          this.notify();
          resolve(code);
        });
      }
    });

    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = this.published.get(params.uri) ?? [];
      list.push({ seq: ++this.seq, params });
      this.published.set(params.uri, list);
      this.notify();
    });
    connection.onNotification(StatusNotification.type, (params) => {
      this.statuses.push(params);
      this.notify();
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
    });
    connection.onRequest(ConfigurationRequest.type, (params) => {
      return params.items.map((item) => {
        this.configurationRequests.push(item.scopeUri);
        return item.section === 'conductor' ? { enable: true, configFile: '', maxFileSizeMB: 5, ...this.options.settings?.(item.scopeUri) } : null;
      });
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
      this.notify();
    });
    connection.onRequest(UnregistrationRequest.type, () => undefined);
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.applyEditRequests.push(params);
      for (const [uri, edits] of Object.entries(params.edit.changes ?? {})) {
        const doc = this.docs.get(uri);
        if (!doc) {
          return { applied: false, failureReason: `not open: ${uri}` };
        }
        doc.text = applyTextEdits(doc.text, edits);
        this.unsent.set(uri, [...(this.unsent.get(uri) ?? []), edits]);
      }
      this.notify();
      return { applied: true };
    });
    connection.listen();
  }

  /** Starts the server, initializes it (configuration, watched-files registration, workspace folders) and sends `initialized`. */
  static async start(options: LspClientOptions): Promise<LspClient> {
    const memory = options.transport === 'memory';
    const client = memory ? LspClient.inMemory(options) : LspClient.spawned(options);
    const folders = options.folders.map((f) => ({ uri: fileUri(f), name: f.split(/[\\/]/).pop() ?? f }));
    client.initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
      // A process id makes the library watch that process; in memory it would be our own.
      processId: memory ? null : process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders,
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          applyEdit: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          didChangeConfiguration: { dynamicRegistration: false },
          executeCommand: { dynamicRegistration: false },
        },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: {
            dynamicRegistration: false,
            isPreferredSupport: true,
            dataSupport: true,
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
          },
        },
      },
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private static spawned(options: LspClientOptions): LspClient {
    const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    return new LspClient({ child }, createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)), options);
  }

  /** Two connections over a pair of in-memory streams. Message readers, not raw streams, so the library never exits this process when a stream ends. */
  private static inMemory(options: LspClientOptions): LspClient {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const server = startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), { builtinDir: BUILTIN_DIR });
    return new LspClient({ inMemory: server }, createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer)), options);
  }

  /** The server process (stdio transport only): for tests about the process itself. */
  get child(): ChildProcess {
    if (!('child' in this.server)) {
      throw new Error('An in-memory server has no process: start the client with the stdio transport.');
    }
    return this.server.child;
  }

  // ---- waiting ---------------------------------------------------------------------------------

  /**
   * Resolves with the first truthy value of `probe`, checked now and after every message from the
   * server; rejects after `timeoutMs` (or when the server exits) with what was observed.
   */
  waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      const check = (): void => {
        let value: T | undefined | false;
        try {
          value = probe();
        } catch (e) {
          done();
          reject(e as Error);
          return;
        }
        if (value !== undefined && value !== false) {
          done();
          resolve(value);
        } else if (this.exitCode !== undefined) {
          done();
          reject(new Error(`The server exited (code ${this.exitCode}) while waiting for ${what}.\n${this.describe()}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.\n${this.describe()}`));
      }, timeoutMs);
      this.listeners.add(check);
      check();
    });
  }

  /** Sequence number of the last publishDiagnostics received (for any URI); 0 before any. */
  get lastSeq(): number {
    return this.seq;
  }

  latestDiagnostics(uri: string): PublishEvent | undefined {
    const list = this.published.get(uri);
    return list?.[list.length - 1];
  }

  /**
   * Waits until the LATEST diagnostics published for `uri` satisfy `predicate`. With `since`, only
   * diagnostics published after that sequence number count (to wait for a fresh publish).
   */
  waitForDiagnostics(
    uri: string,
    predicate: (diagnostics: Diagnostic[], params: PublishDiagnosticsParams) => boolean,
    opts: { since?: number; timeoutMs?: number; what?: string } = {},
  ): Promise<Diagnostic[]> {
    return this.waitFor(
      opts.what ?? `diagnostics for ${uri}`,
      () => {
        const latest = this.latestDiagnostics(uri);
        if (!latest || (opts.since !== undefined && latest.seq <= opts.since)) {
          return undefined;
        }
        return predicate(latest.params.diagnostics, latest.params) ? latest.params.diagnostics : undefined;
      },
      opts.timeoutMs,
    );
  }

  /** Waits for diagnostics of the document's current version (the server has seen our last change). */
  waitForCurrentDiagnostics(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean = () => true, timeoutMs?: number): Promise<Diagnostic[]> {
    const version = this.docs.get(uri)?.version;
    return this.waitForDiagnostics(uri, (d, p) => p.version === version && predicate(d), { timeoutMs, what: `diagnostics for ${uri} at version ${version}` });
  }

  waitForStatus(predicate: (s: StatusParams) => boolean, timeoutMs?: number): Promise<StatusParams> {
    return this.waitFor('a conductor/status notification', () => this.statuses.find(predicate), timeoutMs);
  }

  // ---- documents -------------------------------------------------------------------------------

  text(uri: string): string {
    const doc = this.docs.get(uri);
    if (!doc) {
      throw new Error(`not open: ${uri}`);
    }
    return doc.text;
  }

  version(uri: string): number | undefined {
    return this.docs.get(uri)?.version;
  }

  async open(uri: string, text: string, languageId = 'plaintext'): Promise<void> {
    this.docs.set(uri, { languageId, version: 1, text });
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends ranged (incremental) changes; each range refers to the text after the previous change, as in LSP. */
  async change(uri: string, changes: { range: Range; text: string }[]): Promise<void> {
    const doc = this.docs.get(uri);
    if (!doc) {
      throw new Error(`not open: ${uri}`);
    }
    for (const c of changes) {
      doc.text = applyTextEdits(doc.text, [{ range: c.range, newText: c.text }]);
    }
    doc.version++;
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: changes });
  }

  /** Replaces the whole text (a full-content change). */
  async setText(uri: string, text: string): Promise<void> {
    const doc = this.docs.get(uri);
    if (!doc) {
      throw new Error(`not open: ${uri}`);
    }
    doc.text = text;
    doc.version++;
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: [{ text }] });
  }

  /** Applies edits like an editor: to our copy (engine applyEdits) and to the server as ranged changes, last first. */
  async applyEdits(uri: string, edits: TextEdit[]): Promise<void> {
    const ordered = nonOverlapping(edits.map((e) => ({ range: e.range, newText: e.newText }))).reverse();
    await this.change(uri, ordered.map((e) => ({ range: e.range, text: e.newText })));
  }

  /** Sends the edits of workspace/applyEdit requests (already applied to our copy) to the server. */
  async flushAppliedEdits(uri: string): Promise<void> {
    const batches = this.unsent.get(uri) ?? [];
    this.unsent.delete(uri);
    const doc = this.docs.get(uri);
    if (!doc || batches.length === 0) {
      return;
    }
    const changes = batches.flatMap((edits) => nonOverlapping(edits.map((e) => ({ range: e.range, newText: e.newText }))).reverse().map((e) => ({ range: e.range, text: e.newText })));
    doc.version++;
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: changes });
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async configurationChanged(): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  // ---- requests --------------------------------------------------------------------------------

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<(CodeAction | Command)[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
    return result ?? [];
  }

  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  /** shutdown, then exit; resolves with the process exit code (stdio only: `exit` ends the process it reaches). */
  async shutdown(): Promise<number | null> {
    if (this.exitCode !== undefined) {
      return this.exitCode;
    }
    if (!('child' in this.server)) {
      throw new Error('An in-memory server has no process to exit: use dispose(), or the stdio transport to test exit codes.');
    }
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    return this.exited;
  }

  waitForExit(): Promise<number | null> {
    return this.exited;
  }

  /** Ends the server for good; safe to call twice. */
  dispose(): void {
    this.connection.dispose();
    if ('inMemory' in this.server) {
      this.server.inMemory.dispose();
    } else if (this.exitCode === undefined) {
      this.server.child.kill();
    }
  }

  describe(): string {
    const diags = [...this.published].map(([uri, events]) => {
      const last = events[events.length - 1];
      return `  ${uri} (${events.length} publishes; last v${last.params.version}): ${JSON.stringify(last.params.diagnostics.map((d) => [d.code, d.range.start.line, d.severity, d.message]))}`;
    });
    return [
      'Diagnostics seen:',
      ...diags,
      `Statuses: ${JSON.stringify(this.statuses.map((s) => [s.state, s.folders.map((f) => f.message)]))}`,
      `Server stderr: ${this.stderr.slice(-2000)}`,
      `Server log: ${this.logs.slice(-20).join('\n')}`,
    ].join('\n');
  }

  private notify(): void {
    for (const l of [...this.listeners]) {
      l();
    }
  }
}

/** Whether an item from textDocument/codeAction is a CodeAction (not a bare Command). */
export function isCodeAction(x: CodeAction | Command): x is CodeAction {
  return typeof (x as CodeAction).kind === 'string' || (x as CodeAction).edit !== undefined || typeof (x as Command).command !== 'string';
}
