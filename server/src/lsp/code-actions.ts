import { CodeAction, CodeActionKind, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { safeFixEdits } from '../engine';
import type { CheckedDocument } from './document-checker';
import { Commands, DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from './protocol';
import { quickFix, toTextEdits, type DiagnosticData } from './to-lsp';
import { aiCodeActions } from './ai-actions';

/** Quick fixes for the diagnostics in the request, plus `source.fixAll.conductor`. */
export interface ActionTarget {
  text: string;
  relPath: string;
  root?: string;
  languageId: string;
  /** Org-locked rules cannot be suppressed inline, so no suppression is offered for them. */
  isLocked: (ruleId: string) => boolean;
}

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
