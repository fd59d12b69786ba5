// The Conductor language server on a given connection: stdio in the `conductor-lsp` bin (server.ts),
// in-memory streams in tests. Everything it keeps lives in this call, so two servers never share state.
import {
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  type Connection,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { enableLinearRegexFallback, invalidateBoundaryCaches, type Policy } from '../engine';
import { docsResolver } from '../host/builtin-dir';
import { orgCacheRoot } from '../org-fetch/cache';
import { diskConfigHost } from '../host/disk-config-host';
import { EffectiveRulesRequest } from '../protocol/messages';
import { clientCapabilities, FILE_WATCHERS, NO_CLIENT_CAPABILITIES, SERVER_CAPABILITIES } from './capabilities';
import { CheckScheduler } from './check-scheduler';
import { executeCommand } from './commands';
import { ConfigProblemPublisher } from './config-problems';
import { DelayedRun } from './delayed-run';
import { DocumentChecker } from './document-checker';
import { DocumentValidator } from './document-validator';
import { FallbackPolicy } from './fallback-policy';
import { Failures } from './failures';
import { FolderConfigs } from './folder-configs';
import { InstructionsDiagnostics } from './instructions-diagnostics';
import { LineDocument } from './line-document';
import { OrgRulesetManager } from './org-manager';
import { configuredOrgSource, initialOrgSource } from './org-source';
import { overlayHost } from './overlay-host';
import { codeActionsFor, effectiveRules, type RequestDeps } from './requests';
import { SettingsCache } from './settings';
import { StatusReporter } from './status-reporter';

export interface ServerOptions {
  /** The shipped `rules/` folder (built-in rulesets and rule docs). */
  builtinDir: string;
}

export interface ConductorServer {
  /** Where a throw that escaped every handler goes (the bin routes the process's uncaught errors here). */
  readonly failures: Failures;
  /** Stops the server's timers and its connection (in-memory servers; a process just exits). */
  dispose(): void;
}

export function startServer(connection: Connection, { builtinDir }: ServerOptions): ConductorServer {
  enableLinearRegexFallback();
  const documents = new TextDocuments<TextDocument>(LineDocument);
  let caps = NO_CLIENT_CAPABILITIES;
  const host = overlayHost(documents, builtinDir, () => folders.roots());
  const checker = new DocumentChecker(docsResolver(builtinDir));
  // One request's, reload's or check's failure is logged and shown in the status; the server keeps serving.
  const failures = new Failures((message) => connection.console.error(message), () => status.soon());
  const instructions = new InstructionsDiagnostics(host); // stale generated sections in AI-assistant instruction files
  const fallback: FallbackPolicy = new FallbackPolicy(builtinDir, host, () => org.layer());
  const fallbackPolicy = (): Policy => fallback.get();
  const folders: FolderConfigs = new FolderConfigs(host, fallbackPolicy);
  // Org ruleset (issue 8): verified cache at once, refresh in the background, never blocking a check.
  const org: OrgRulesetManager = new OrgRulesetManager({
    cacheRoot: orgCacheRoot(),
    host: diskConfigHost(builtinDir),
    onChange: failures.guard('The org ruleset update', (changed: boolean) => (changed ? reload.trigger() : status.send())),
    onError: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message }),
    log: (message) => connection.console.info(message),
  });
  const settings = new SettingsCache(connection, () => caps.configuration);
  const status: StatusReporter = new StatusReporter(connection, folders, org, () => failures.summary());
  const configProblems = new ConfigProblemPublisher(connection);
  const validator = new DocumentValidator({ connection, documents, folders, settings, checker, instructions, configProblems, status, failures, fallbackPolicy });
  const requestDeps: RequestDeps = { documents, folders, checker, instructions, org, builtinDir, fallbackPolicy };
  const scheduler = new CheckScheduler(
    (uri) => documents.get(uri)?.version,
    (uri) => {
      const doc = documents.get(uri);
      if (doc) {
        void validator.validate(doc);
      }
    },
  );
  // Re-checks open documents once file-system events settle (a branch switch sends thousands).
  const recheck = new DelayedRun(200, () => documents.all().forEach((d) => scheduler.schedule(d.uri)), true);
  const reload = new DelayedRun(100, failures.guard('Reloading the rules', reloadAll), true);

  /** Reloads every folder's rule files (with each folder's `conductor.configFile`), then re-checks. */
  async function reloadAll(): Promise<void> {
    const layer = org.layer();
    fallback.orgLayerChanged(layer);
    folders.setOrgLayer(layer);
    for (const root of folders.roots()) {
      try {
        const s = await settings.get(URI.file(root).toString());
        folders.reload(root, s.configFile || undefined);
        failures.clear(`reload:${root}`);
      } catch (e) {
        failures.record(`reload:${root}`, `Loading the rules of ${root} (the last loaded rules stay in force)`, e);
      }
    }
    configProblems.publish(folders.all());
    status.send();
    await Promise.all(documents.all().map((d) => validator.validate(d)));
  }

  connection.onInitialize((params) => {
    caps = clientCapabilities(params);
    const roots = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri).fsPath);
    if (roots.length === 0 && params.rootUri) {
      roots.push(URI.parse(params.rootUri).fsPath);
    }
    org.configure(initialOrgSource()); // the setting needs a round trip: see onInitialized
    folders.setOrgLayer(org.layer());
    folders.setFolders(roots);
    return SERVER_CAPABILITIES;
  });

  connection.onInitialized(
    failures.guard('Initialization', async () => {
      if (caps.watchedFilesRegistration) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: FILE_WATCHERS });
      }
      if (caps.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          failures.guard('Changing workspace folders', async (e: WorkspaceFoldersChangeEvent) => {
            const removed = new Set(e.removed.map((f) => URI.parse(f.uri).fsPath));
            const roots = folders.roots().filter((r) => !removed.has(r)).concat(e.added.map((f) => URI.parse(f.uri).fsPath));
            folders.setFolders(roots);
            await reloadAll();
          }),
        );
      }
      org.configure(await configuredOrgSource(connection, caps.configuration));
      await reloadAll();
    }),
  );

  documents.onDidChangeContent((e) => {
    const uri = URI.parse(e.document.uri);
    if (uri.scheme === 'file' && folders.affects(uri.fsPath)) {
      reload.trigger();
      return;
    }
    scheduler.schedule(e.document.uri);
  });

  documents.onDidClose((e) => {
    scheduler.cancel(e.document.uri);
    failures.clear(e.document.uri);
    checker.forget(e.document.uri);
    settings.forget(e.document.uri);
    const uri = URI.parse(e.document.uri);
    if (uri.scheme === 'file' && folders.affects(uri.fsPath)) {
      reload.trigger(); // the rule file on disk may differ from the closed editor's text
      return;
    }
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDidChangeWatchedFiles((e) => {
    const files = e.changes.map((c) => URI.parse(c.uri).fsPath);
    if (files.some((f) => folders.affects(f))) {
      reload.trigger();
      return;
    }
    // Manifests, tsconfig and created/deleted files change how imports resolve: drop those caches.
    files.forEach((f) => invalidateBoundaryCaches(f));
    recheck.trigger();
  });

  connection.onDidChangeConfiguration(
    failures.guard('Applying the settings', async () => {
      settings.forget();
      org.configure(await configuredOrgSource(connection, caps.configuration));
      reload.trigger();
    }),
  );

  connection.onRequest(EffectiveRulesRequest.type, (p) => effectiveRules(p, requestDeps));

  connection.onCodeAction((p) => {
    try {
      return codeActionsFor(p, requestDeps);
    } catch (e) {
      connection.console.error(`Code actions failed: ${(e as Error).stack ?? e}`);
      return [];
    }
  });

  connection.onExecuteCommand(async (p) => {
    try {
      await executeCommand(p, { connection, documents, checker, folders, settings, fallbackPolicy });
    } catch (e) {
      connection.console.error(`Command ${p.command} failed: ${(e as Error).stack ?? e}`);
    }
  });

  documents.listen(connection);
  connection.listen();
  return {
    failures,
    dispose() {
      for (const timer of [status, recheck, reload, scheduler, org]) {
        timer.dispose();
      }
      connection.dispose();
    },
  };
}
