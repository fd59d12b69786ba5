import * as path from 'path';
import type { CodeAction, CodeActionParams, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { Policy } from '../engine';
import { effectiveRulesMarkdown } from '../engine/org-policy';
import { toPosix } from '../host/paths';
import type { EffectiveRulesParams } from '../protocol/messages';
import { codeActions } from './code-actions';
import type { DocumentChecker } from './document-checker';
import type { FolderConfigs } from './folder-configs';
import type { InstructionsDiagnostics } from './instructions-diagnostics';
import type { OrgRulesetManager } from './org-manager';

/** What the request handlers read: nothing here changes state. */
export interface RequestDeps {
  documents: TextDocuments<TextDocument>;
  folders: FolderConfigs;
  checker: DocumentChecker;
  instructions: InstructionsDiagnostics;
  org: OrgRulesetManager;
  builtinDir: string;
  fallbackPolicy: () => Policy;
}

/** `conductor/effectiveRules`: the rules in force for a file (or the first folder), as Markdown. */
export function effectiveRules(p: EffectiveRulesParams, deps: RequestDeps): { markdown: string } {
  const uri = p.uri ? URI.parse(p.uri) : undefined;
  const file = uri?.scheme === 'file' ? uri.fsPath : undefined;
  const folder = file ? deps.folders.folderOf(file) : deps.folders.all()[0];
  const o = deps.org.status();
  const markdown = effectiveRulesMarkdown({
    policy: folder?.policy ?? deps.fallbackPolicy(),
    root: folder?.root,
    ruleFile: folder?.ruleFile,
    relPath: folder && file ? toPosix(path.relative(folder.root, file)) : undefined,
    problems: folder?.problems,
    builtinDir: deps.builtinDir,
    ...(o && { org: { ...o, configuredBy: o.configuredBy, lastRefreshAt: o.lastRefreshAt && `${o.lastRefreshAt} (${o.lastRefreshResult})` } }),
  });
  return { markdown };
}

/** Quick fixes and fix-all for a document: instruction-file sections, then policy findings. */
export function codeActionsFor(p: CodeActionParams, deps: RequestDeps): CodeAction[] {
  const doc = deps.documents.get(p.textDocument.uri);
  const file = URI.parse(p.textDocument.uri).fsPath;
  const folder = deps.folders.folderOf(file);
  const policy = folder?.policy ?? deps.fallbackPolicy();
  const target = doc && {
    text: doc.getText(),
    relPath: folder ? toPosix(path.relative(folder.root, file)) : path.basename(file),
    root: folder?.root,
    languageId: doc.languageId,
    isLocked: (id: string) => policy.isLocked(id),
  };
  return [...deps.instructions.codeActions(p, file, doc?.getText(), folder), ...codeActions(p, deps.checker.get(p.textDocument.uri), target)];
}
