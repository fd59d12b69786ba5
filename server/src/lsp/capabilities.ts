import { CodeActionKind, TextDocumentSyncKind, WatchKind, type FileSystemWatcher, type InitializeParams, type InitializeResult } from 'vscode-languageserver/node';
import { Commands, FIX_ALL_KIND } from '../protocol/messages';

/** What the client can do, as the server needs to know it. */
export interface ClientCapabilities {
  configuration: boolean;
  watchedFilesRegistration: boolean;
  workspaceFolders: boolean;
}

export const NO_CLIENT_CAPABILITIES: ClientCapabilities = { configuration: false, watchedFilesRegistration: false, workspaceFolders: false };

export function clientCapabilities(params: InitializeParams): ClientCapabilities {
  const caps = params.capabilities;
  return {
    configuration: !!caps.workspace?.configuration,
    watchedFilesRegistration: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    workspaceFolders: !!caps.workspace?.workspaceFolders,
  };
}

export const SERVER_CAPABILITIES: InitializeResult = {
  capabilities: {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
    executeCommandProvider: { commands: Object.values(Commands) },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  },
  serverInfo: { name: 'conductor-lsp', version: '0.1.0' },
};

/** Files whose change reloads rules or changes how imports resolve; created and deleted files change resolution too. */
export const FILE_WATCHERS: FileSystemWatcher[] = [
  { globPattern: '**/.conductor/**' },
  { globPattern: '**/*.jsonc' },
  { globPattern: '**/{package.json,tsconfig*.json,jsconfig.json,go.mod,pyproject.toml,requirements*.txt}' },
  { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
];
