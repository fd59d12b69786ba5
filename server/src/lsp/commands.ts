import * as path from 'path';
import { MessageType, ShowMessageNotification, type Connection, type ExecuteCommandParams, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { DocumentContext, suppressionEdit, type AiRegion, type Policy, type TextEdit } from '../engine';
import { findRegion, markReviewedEdits, ownershipRecord, takeOwnershipEdits } from '../engine/ai-policy';
import { OWNERSHIP_LOG } from '../engine/attribution';
import { appendOwnershipRecord } from './ownership-log-writer';
import type { DocumentChecker } from './document-checker';
import { toPosix } from '../host/paths';
import type { FolderConfigs } from './folder-configs';
import { Commands } from '../protocol/messages';
import { reviewerIdentity } from './reviewer-identity';
import type { SettingsCache } from './settings';

export interface CommandDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  checker: DocumentChecker;
  folders: FolderConfigs;
  settings: SettingsCache;
  fallbackPolicy: () => Policy;
}

/** Server-side commands behind code actions; each applies its edit through `workspace/applyEdit`. */
export async function executeCommand(p: ExecuteCommandParams, deps: CommandDeps): Promise<void> {
  const args = p.arguments ?? [];
  switch (p.command) {
    case Commands.suppress:
      return suppress(deps, args[0] as string, args[1] as number, args[2] as string, args[3] as string | undefined);
    case Commands.markReviewed:
      return markReviewed(deps, args[0] as string, args[1] as string);
    case Commands.takeOwnership:
      return takeOwnership(deps, args[0] as string, args[1] as string);
    case Commands.explain:
      await deps.connection.window.showDocument({ uri: args[0] as string, takeFocus: true });
      return;
  }
}

interface OpenDoc {
  doc: TextDocument;
  rel: string;
  root?: string;
  policy: Policy;
}

function open(deps: CommandDeps, uri: string): OpenDoc | undefined {
  const doc = deps.documents.get(uri);
  if (!doc) {
    return undefined;
  }
  const file = URI.parse(uri).fsPath;
  const folder = deps.folders.folderOf(file);
  return {
    doc,
    rel: folder ? toPosix(path.relative(folder.root, file)) : path.basename(file),
    root: folder?.root,
    policy: folder?.policy ?? deps.fallbackPolicy(),
  };
}

async function apply(deps: CommandDeps, uri: string, label: string, edits: TextEdit[]): Promise<void> {
  await deps.connection.workspace.applyEdit({ label, edit: { changes: { [uri]: edits } } });
}

async function suppress(deps: CommandDeps, uri: string, line: number, ruleId: string, reason: string | undefined): Promise<void> {
  const o = open(deps, uri);
  const finding = deps.checker.get(uri)?.findings.find((f) => f.range.start.line === line && f.ruleId === ruleId);
  if (!o || !finding) {
    return;
  }
  const ctx = new DocumentContext({ relPath: o.rel, text: o.doc.getText(), languageId: o.doc.languageId }, o.policy);
  await apply(deps, uri, `Suppress ${ruleId}`, [suppressionEdit(ctx, finding, reason ?? '')]);
}

async function markReviewed(deps: CommandDeps, uri: string, regionId: string): Promise<void> {
  const o = open(deps, uri);
  if (!o || !findRegion(o.rel, o.doc.getText(), regionId, o.doc.languageId)) {
    return;
  }
  // Read the setting now: VS Code sends no didChangeConfiguration to this server, so a cached value
  // could be the identity from before the user changed it.
  deps.settings.forget(uri);
  const settings = await deps.settings.get(uri);
  const reviewer = await reviewerIdentity(settings.reviewIdentity, o.root);
  if (!reviewer) {
    warn(deps, 'Conductor: set `conductor.review.identity` or `git config user.email` to record who reviewed this block.');
    return;
  }
  // The document may have changed while we waited: find the block again in the text the edit is for.
  const now = snapshot(deps, uri, regionId);
  if (!now) {
    return;
  }
  const result = markReviewedEdits(now.text, now.region, reviewer, new Date(), now.o.policy, now.o.rel);
  if ('refused' in result) {
    warn(deps, `Conductor: cannot mark block ${regionId} as reviewed: ${result.refused}`);
    return;
  }
  await apply(deps, uri, `Mark AI block ${regionId} as reviewed`, result.edits);
  deps.connection.console.info(`AI block ${regionId} in ${now.o.rel} marked as reviewed by ${reviewer}.`);
}

/** The answers of the Take ownership question, and the reason each records. */
const OWNERSHIP_REASONS: Record<string, string> = { 'I rewrote it': 'rewritten by a human', 'I vetted it as is': 'vetted line by line and kept as is' };

async function takeOwnership(deps: CommandDeps, uri: string, regionId: string): Promise<void> {
  const o = open(deps, uri);
  if (!o || !findRegion(o.rel, o.doc.getText(), regionId, o.doc.languageId)) {
    return;
  }
  const answer = await deps.connection.window.showWarningMessage(
    `Take ownership of AI block ${regionId} in ${o.rel}? Its markers are removed, the code counts as written by you, and ${OWNERSHIP_LOG} records who, when and why.`,
    ...Object.keys(OWNERSHIP_REASONS).map((title) => ({ title })),
    { title: 'Cancel' },
  );
  const why = answer ? OWNERSHIP_REASONS[answer.title] : undefined;
  if (!why) {
    return;
  }
  // Without a record the CI reports the removed markers (ai/attribution-removed): record first, or refuse.
  deps.settings.forget(uri);
  const owner = o.root ? await reviewerIdentity((await deps.settings.get(uri)).reviewIdentity, o.root) : undefined;
  if (!o.root || !owner) {
    warn(deps, o.root ? 'Conductor: set `conductor.review.identity` or `git config user.email` to record who takes ownership.' : `Conductor: ${o.rel} is in no workspace folder, so there is no ${OWNERSHIP_LOG} to record ownership in.`);
    return;
  }
  // The user may have edited the file while the question was open: remove the markers where they are now.
  const now = snapshot(deps, uri, regionId);
  if (!now) {
    deps.connection.console.info(`AI block ${regionId} in ${o.rel} is gone; nothing to take ownership of.`);
    return;
  }
  const failed = appendOwnershipRecord(o.root, ownershipRecord(now.o.rel, now.text, now.region, owner, new Date(), why));
  if (failed) {
    warn(deps, `Conductor: cannot take ownership of block ${regionId}: ${OWNERSHIP_LOG} could not be written (${failed}).`);
    return;
  }
  await apply(deps, uri, `Take ownership of AI block ${regionId}`, takeOwnershipEdits(now.text, now.region));
  deps.connection.console.info(`Ownership taken of AI block ${regionId} (tool=${now.region.tool}) in ${now.o.rel} by ${owner} (${why}): markers removed, recorded in ${OWNERSHIP_LOG}.`);
}

/** The open document's current text and the block in it, read together so edits match the text. */
function snapshot(deps: CommandDeps, uri: string, regionId: string): { o: OpenDoc; text: string; region: AiRegion } | undefined {
  const o = open(deps, uri);
  if (!o) {
    return undefined;
  }
  const text = o.doc.getText();
  const region = findRegion(o.rel, text, regionId, o.doc.languageId);
  return region && { o, text, region };
}

/** A warning the user reads; a notification, since there is nothing to answer (a request would stay pending). */
function warn(deps: CommandDeps, message: string): void {
  void deps.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
}
