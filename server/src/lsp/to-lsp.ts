import { CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, type TextEdit } from 'vscode-languageserver';
import type { ConfigProblem, Finding, Severity, TextEdit as EngineEdit } from '../engine';
import { DIAGNOSTIC_SOURCE } from '../protocol/messages';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Data kept on each diagnostic so code actions can find the finding it came from. */
export interface DiagnosticData {
  index: number;
  version: number;
}

export function toDiagnostic(f: Finding, index: number, version: number): Diagnostic {
  const d = Diagnostic.create(f.range, f.message, SEVERITY[f.severity], f.ruleId, DIAGNOSTIC_SOURCE);
  if (f.docsUrl) {
    d.codeDescription = { href: f.docsUrl };
  }
  const data: DiagnosticData = { index, version };
  d.data = data;
  return d;
}

export function problemToDiagnostic(p: ConfigProblem): Diagnostic {
  return Diagnostic.create(p.range, p.message, SEVERITY[p.severity], 'conductor/rule-file', DIAGNOSTIC_SOURCE);
}

export function toTextEdits(edits: EngineEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: e.range, newText: e.newText }));
}

export function quickFix(title: string, uri: string, edits: EngineEdit[], diagnostic?: Diagnostic, preferred = false): CodeAction {
  const action = CodeAction.create(title, { changes: { [uri]: toTextEdits(edits) } }, CodeActionKind.QuickFix);
  if (diagnostic) {
    action.diagnostics = [diagnostic];
  }
  action.isPreferred = preferred;
  return action;
}
