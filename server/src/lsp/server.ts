#!/usr/bin/env node
// conductor-lsp: the Conductor language server. Speaks LSP over --stdio, --node-ipc or --socket.
import * as path from 'path';
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  WatchKind,
  CodeActionKind,
  MessageType,
  ShowMessageNotification,
  type Diagnostic,
  type InitializeResult,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineDocument } from './line-document';
import { URI } from 'vscode-uri';
import { enableLinearRegexFallback, invalidateBoundaryCaches, loadWorkspaceConfig, Policy, type ConfigProblem } from '../engine';
import { findBuiltinDir, docsResolver } from '../host/builtin-dir';
import { CheckScheduler } from './check-scheduler';
import { codeActions } from './code-actions';
import { executeCommand } from './commands';
import { DocumentChecker, type CheckedDocument } from './document-checker';
import { Failures } from './failures';
import { toPosix } from '../host/paths';
import { FolderConfigs } from './folder-configs';
import { InstructionsDiagnostics } from './instructions-diagnostics';
import { overlayHost } from './overlay-host';
import { Commands, EffectiveRulesRequest, FIX_ALL_KIND, StatusNotification, type StatusParams } from '../protocol/messages';
import { SettingsCache } from './settings';
import { problemToDiagnostic, toDiagnostic } from './to-lsp';
import { effectiveRulesMarkdown } from '../engine/org-policy';
import { orgCacheRoot } from '../org-fetch/cache';
import { OrgRulesetManager } from './org-manager';
import { diskConfigHost } from '../host/disk-config-host';
import { envOrgSource, parseOrgRuleset, readMachinePolicy, type SourceResult } from '../org-fetch/source';

enableLinearRegexFallback();

const connection = createConnection();
const documents = new TextDocuments<TextDocument>(LineDocument);
const builtinDir = findBuiltinDir(__dirname);
const host = overlayHost(documents, builtinDir, () => folders.roots());
const docsUrl = docsResolver(builtinDir);
const checker = new DocumentChecker(docsUrl);
// One request's, reload's or check's failure is logged and shown in the status; the server keeps serving.
const failures = new Failures((message) => connection.console.error(message), () => statusSoon());
process.on('uncaughtException', (e) => failures.record('process', 'The server', e));
process.on('unhandledRejection', (e) => failures.record('process', 'The server', e));
const instructions = new InstructionsDiagnostics(host); // stale generated sections in AI-assistant instruction files
let defaultPolicy: Policy | undefined;
const fallbackPolicy = (): Policy => {
  defaultPolicy ??= loadWorkspaceConfig(builtinDir, host, undefined, org.layer()).policy ?? new Policy(emptyConfig());
  return defaultPolicy;
};
const folders = new FolderConfigs(host, fallbackPolicy);
// Org ruleset (issue 8): verified cache at once, refresh in the background, never blocking a check.
const org = new OrgRulesetManager({
  cacheRoot: orgCacheRoot(),
  host: diskConfigHost(builtinDir),
  onChange: failures.guard('The org ruleset update', (changed: boolean) => (changed ? reloadSoon() : sendStatus())),
  onError: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message }),
  log: (message) => connection.console.info(message),
});
let hasConfigurationCapability = false;
let hasWatchedFilesRegistration = false;
let hasWorkspaceFolderCapability = false;
const settings = new SettingsCache(connection, () => hasConfigurationCapability);
/** Files that currently carry rule-file diagnostics, so fixed files get theirs cleared. */
let filesWithProblems = new Set<string>();
let last: Pick<StatusParams, 'lastCheckAt' | 'lastCheckMs' | 'checks'> = {};
let lastOrgText: string | undefined;

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  hasConfigurationCapability = !!caps.workspace?.configuration;
  hasWatchedFilesRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  hasWorkspaceFolderCapability = !!caps.workspace?.workspaceFolders;
  const roots = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri).fsPath);
  if (roots.length === 0 && params.rootUri) {
    roots.push(URI.parse(params.rootUri).fsPath);
  }
  // The org layer before the first load: the policy file and the environment need no round trip (the setting does, see configureOrg).
  org.configure(readMachinePolicy() ?? envOrgSource(process.env, process.cwd()));
  folders.setOrgLayer(org.layer());
  folders.setFolders(roots);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      executeCommandProvider: { commands: Object.values(Commands) },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'conductor-lsp', version: '0.1.0' },
  };
});

connection.onInitialized(failures.guard('Initialization', async () => {
  if (hasWatchedFilesRegistration) {
    await connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [
        { globPattern: '**/.conductor/**' },
        { globPattern: '**/*.jsonc' },
        { globPattern: '**/{package.json,tsconfig*.json,jsconfig.json,go.mod,pyproject.toml,requirements*.txt}' },
        { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
      ],
    });
  }
  if (hasWorkspaceFolderCapability) {
    connection.workspace.onDidChangeWorkspaceFolders(
      failures.guard('Changing workspace folders', async (e: WorkspaceFoldersChangeEvent) => {
        const removed = new Set(e.removed.map((f) => URI.parse(f.uri).fsPath));
        const roots = folders.roots().filter((r) => !removed.has(r)).concat(e.added.map((f) => URI.parse(f.uri).fsPath));
        folders.setFolders(roots);
        await reloadAll();
      }),
    );
  }
  await configureOrg();
  await reloadAll();
}));

/** The org ruleset source: the machine policy file wins; else the machine-scoped setting; else the environment. */
async function configureOrg(): Promise<void> {
  let source: SourceResult | undefined = readMachinePolicy();
  if (!source && hasConfigurationCapability) {
    const setting: unknown = await connection.workspace.getConfiguration({ section: 'conductor.orgRuleset' }).then(
      (v: unknown) => v,
      () => undefined,
    );
    const set = typeof setting === 'string' ? setting.trim() !== '' : !!setting && typeof setting === 'object' && Object.keys(setting).length > 0;
    source = set ? parseOrgRuleset(setting, 'setting', 'setting conductor.orgRuleset', undefined) : undefined;
  }
  source ??= envOrgSource(process.env, process.cwd());
  org.configure(source);
}

/** Reloads every folder's rule files (with each folder's `conductor.configFile`), then re-checks. */
async function reloadAll(): Promise<void> {
  const layer = org.layer();
  if (layer?.text !== lastOrgText) {
    lastOrgText = layer?.text;
    defaultPolicy = undefined;
  }
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
  publishConfigProblems();
  sendStatus();
  await Promise.all(documents.all().map((d) => validate(d)));
}

function publishConfigProblems(): void {
  const byFile = new Map<string, ConfigProblem[]>();
  for (const f of folders.all()) {
    for (const p of f.problems) {
      byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
    }
  }
  for (const file of filesWithProblems) {
    if (!byFile.has(file)) {
      void connection.sendDiagnostics({ uri: URI.file(file).toString(), diagnostics: [] });
    }
  }
  for (const [file, problems] of byFile) {
    void connection.sendDiagnostics({ uri: URI.file(file).toString(), diagnostics: problems.map(problemToDiagnostic) });
  }
  filesWithProblems = new Set(byFile.keys());
}

function sendStatus(): void {
  const orgStatus = org.status();
  const list = folders.all().map((f) => folders.status(f)).map((s) => (orgStatus ? { ...s, message: `${s.message} · ${orgStatus.message}` } : s));
  const failure = failures.summary();
  const state =
    list.some((f) => f.configErrors > 0) || orgStatus?.state === 'error' || failure
      ? 'error'
      : list.some((f) => f.usingDefault) || orgStatus?.state === 'pending'
        ? 'warning'
        : 'ok';
  void connection.sendNotification(StatusNotification.type, { state, folders: list, ...last, ...(orgStatus && { org: orgStatus }), ...(failure && { failure }) });
}

let statusTimer: ReturnType<typeof setTimeout> | undefined;
/** The status item shows the last check's time; at most one update a second while typing. */
function statusSoon(): void {
  statusTimer ??= setTimeout(() => {
    statusTimer = undefined;
    sendStatus();
  }, 1000);
}

const scheduler = new CheckScheduler(
  (uri) => documents.get(uri)?.version,
  (uri) => {
    const doc = documents.get(uri);
    if (doc) {
      void validate(doc);
    }
  },
);

async function validate(doc: TextDocument): Promise<void> {
  const uri = URI.parse(doc.uri);
  const file = uri.scheme === 'file' ? uri.fsPath : path.join('/', uri.path);
  if (filesWithProblems.has(file) || folders.affects(file)) {
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
      fallbackPolicy(),
      s.maxFileSizeMB * 1024 * 1024,
    );
    const extra = instructions.diagnostics(file, doc.getText(), folder);
    last = { lastCheckAt: new Date().toISOString(), lastCheckMs: Math.round(result.ms * 100) / 100, checks: (last.checks ?? 0) + 1 };
    statusSoon();
    failures.clear(doc.uri);
    // Changes queued during the check supersede it: publish only what is still current.
    await new Promise((resolve) => setImmediate(resolve));
    if (documents.get(doc.uri)?.version === result.version) {
      publish(doc.uri, result, extra);
    }
  } catch (e) {
    failures.record(doc.uri, `Checking ${doc.uri}`, e);
    publishFailure(doc, e);
  }
}

/** Fails closed: a document whose check failed shows that, not an empty (passing) list. */
function publishFailure(doc: TextDocument, e: unknown): void {
  const message = `Conductor could not check this file: ${e instanceof Error ? e.message : String(e)}. See the Conductor output.`;
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [{ range, message, severity: 1, source: 'conductor', code: 'conductor/check-failed' }] });
}

function publish(uri: string, result: CheckedDocument, extra: Diagnostic[] = []): void {
  const diagnostics = [...result.findings.map((f, i) => toDiagnostic(f, i, result.version)), ...extra];
  if (result.skipped) {
    diagnostics.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: `Conductor skipped this file: ${result.skipped}.`,
      severity: 3,
      source: 'conductor',
      code: 'conductor/skipped',
    });
  }
  void connection.sendDiagnostics({ uri, version: result.version, diagnostics });
}

let recheckTimer: ReturnType<typeof setTimeout> | undefined;
/** Re-checks open documents once file-system events settle (a branch switch sends thousands). */
function recheckSoon(): void {
  if (recheckTimer) {
    clearTimeout(recheckTimer);
  }
  recheckTimer = setTimeout(() => documents.all().forEach((d) => scheduler.schedule(d.uri)), 200);
}

let reloadTimer: ReturnType<typeof setTimeout> | undefined;
function reloadSoon(): void {
  if (reloadTimer) {
    clearTimeout(reloadTimer);
  }
  reloadTimer = setTimeout(failures.guard('Reloading the rules', reloadAll), 100);
}

documents.onDidChangeContent((e) => {
  const uri = URI.parse(e.document.uri);
  if (uri.scheme === 'file' && folders.affects(uri.fsPath)) {
    reloadSoon();
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
    reloadSoon(); // the rule file on disk may differ from the closed editor's text
    return;
  }
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDidChangeWatchedFiles((e) => {
  const files = e.changes.map((c) => URI.parse(c.uri).fsPath);
  if (files.some((f) => folders.affects(f))) {
    reloadSoon();
    return;
  }
  // Manifests, tsconfig and created/deleted files change how imports resolve: drop those caches.
  files.forEach((f) => invalidateBoundaryCaches(f));
  recheckSoon();
});

connection.onDidChangeConfiguration(
  failures.guard('Applying the settings', async () => {
    settings.forget();
    await configureOrg();
    reloadSoon();
  }),
);

connection.onRequest(EffectiveRulesRequest.type, (p) => {
  const uri = p.uri ? URI.parse(p.uri) : undefined;
  const file = uri?.scheme === 'file' ? uri.fsPath : undefined;
  const folder = file ? folders.folderOf(file) : folders.all()[0];
  const o = org.status();
  const markdown = effectiveRulesMarkdown({
    policy: folder?.policy ?? fallbackPolicy(),
    root: folder?.root,
    ruleFile: folder?.ruleFile,
    relPath: folder && file ? toPosix(path.relative(folder.root, file)) : undefined,
    problems: folder?.problems,
    builtinDir,
    ...(o && { org: { ...o, configuredBy: o.configuredBy, lastRefreshAt: o.lastRefreshAt && `${o.lastRefreshAt} (${o.lastRefreshResult})` } }),
  });
  return { markdown };
});

connection.onCodeAction((p) => {
  try {
    const doc = documents.get(p.textDocument.uri);
    const file = URI.parse(p.textDocument.uri).fsPath;
    const folder = folders.folderOf(file);
    const policy = folder?.policy ?? fallbackPolicy();
    const target = doc && {
      text: doc.getText(),
      relPath: folder ? toPosix(path.relative(folder.root, file)) : path.basename(file),
      root: folder?.root,
      languageId: doc.languageId,
      isLocked: (id: string) => policy.isLocked(id),
    };
    return [...instructions.codeActions(p, file, doc?.getText(), folder), ...codeActions(p, checker.get(p.textDocument.uri), target)];
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

function emptyConfig(): ConstructorParameters<typeof Policy>[0] {
  return { name: 'none', entry: '', files: [], patterns: new Map(), rules: new Map(), overrides: [], ignore: [] };
}

documents.listen(connection);
connection.listen();
