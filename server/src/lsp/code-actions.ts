import { CodeAction, CodeActionKind, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { safeFixEdits, type Finding } from '../engine';
import type { ManifestFix } from '../engine/boundaries/packages';
import type { CheckedDocument } from './document-checker';
import { Commands, DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from '../protocol/messages';
import { quickFix, toTextEdits, type DiagnosticData } from './to-lsp';
import { aiCodeActions } from './ai-actions';

/** The open document a code action request is about. */
export interface ActionTarget {
  text: string;
  relPath: string;
  root?: string;
  languageId: string;
  /** Org-locked rules cannot be suppressed inline, so no suppression is offered for them. */
  isLocked: (ruleId: string) => boolean;
}

/** Quick fixes for the diagnostics in the request, plus `source.fixAll.conductor`. */
export function codeActions(params: CodeActionParams, checked: CheckedDocument | undefined, target: ActionTarget | undefined): CodeAction[] {
  if (!checked) {
    return [];
  }
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      const finding = findingOf(d, checked);
      if (!finding) {
        continue;
      }
      finding.fixes.forEach((fix, i) => actions.push(quickFix(fix.title, uri, fix.edits, d, i === 0 && fix.safe)));
      if (target) {
        actions.push(...aiCodeActions(uri, target.text, finding, d, target.relPath, target.root, target.languageId));
        const manifest = manifestAction(finding, d, target.root);
        if (manifest) {
          actions.push(manifest);
        }
      }
      if (!target?.isLocked(finding.ruleId)) {
        const suppress = CodeAction.create(`Suppress ${finding.ruleId} on this line…`, CodeActionKind.QuickFix);
        suppress.command = { title: suppress.title, command: Commands.suppress, arguments: [uri, finding.range.start.line, finding.ruleId] };
        suppress.diagnostics = [d];
        actions.push(suppress);
      }
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const edits = safeFixEdits(checked.findings);
    if (edits.length > 0) {
      actions.push(CodeAction.create('Fix all auto-fixable Conductor problems', { changes: { [uri]: toTextEdits(edits) } }, FIX_ALL_KIND));
    }
  }
  return actions;
}

function findingOf(d: Diagnostic, checked: CheckedDocument): CheckedDocument['findings'][number] | undefined {
  const data = d.data as DiagnosticData | undefined;
  if (d.source !== DIAGNOSTIC_SOURCE || !data || data.version !== checked.version) {
    return undefined;
  }
  return checked.findings[data.index];
}

/** "Add to package.json" for an installed but undeclared package: an edit of the manifest, not of this file. */
function manifestAction(finding: Finding, d: Diagnostic, root: string | undefined): CodeAction | undefined {
  const fix = finding.properties?.manifestFix as ManifestFix | undefined;
  if (!fix || !root) {
    return undefined;
  }
  const action = CodeAction.create(fix.title, { changes: { [URI.file(path.join(root, fix.file)).toString()]: toTextEdits(fix.edits) } }, CodeActionKind.QuickFix);
  action.diagnostics = [d];
  return action;
}
