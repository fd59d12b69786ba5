// AI-assistant instruction files (AGENTS.md, CLAUDE.md, .github/copilot-instructions.md, …) whose generated
// Conductor section no longer matches the rule files: a warning on the section, and a quick fix that replaces
// exactly the section (and the front matter Conductor owns, if that is stale too).
import * as path from 'path';
import { CodeAction, CodeActionKind, DiagnosticSeverity, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { LineIndex, loadWorkspaceConfig, type ConfigHost, type Policy } from '../engine';
import { findSection, generatedEdits, generatedFiles, INSTRUCTION_TARGETS, isInstructionPath, type GeneratedFile } from '../instructions';
import { DIAGNOSTIC_SOURCE } from '../protocol/messages';

export const STALE_INSTRUCTIONS = 'conductor/stale-instructions';
export const REGENERATE_TITLE = 'Regenerate Conductor section';

/** What a folder contributes: its root, rule file and (last good) policy, and whether its rule files have errors. */
export interface InstructionsFolder {
  root: string;
  ruleFile?: string;
  policy: Policy;
  problems: readonly { severity: string }[];
}

interface Rendered {
  files: Map<string, GeneratedFile>;
}

export class InstructionsDiagnostics {
  /** Per policy object (a reload makes a new one), the files `conductor instructions` would write. */
  private readonly cache = new WeakMap<Policy, Rendered>();

  constructor(private readonly host: ConfigHost) {}

  /** Diagnostics for an open document: none unless it is an instruction file with a generated section. */
  diagnostics(file: string, text: string, folder: InstructionsFolder | undefined): Diagnostic[] {
    const target = this.target(file, text, folder);
    if (!target) {
      return [];
    }
    const lines = new LineIndex(text);
    const found = findSection(text);
    if ('error' in found) {
      const at = lines.positionAt(found.at);
      return [diagnostic({ start: at, end: { line: at.line, character: lines.lineEnd(at.line) - lines.lineStart(at.line) } }, `This file's ${found.error}: Conductor cannot update it.`, DiagnosticSeverity.Error)];
    }
    if (!('found' in found)) {
      return [];
    }
    const range = lines.rangeOf(found.found.start, found.found.end);
    if (!target.expected) {
      return [diagnostic(range, 'Conductor no longer generates this file: run `conductor instructions` to remove the section.', DiagnosticSeverity.Information)];
    }
    let stale: boolean;
    try {
      stale = generatedEdits(text, target.expected).length > 0;
    } catch {
      return [];
    }
    if (!stale) {
      return [];
    }
    const rules = folder?.ruleFile ? path.relative(folder.root, folder.ruleFile).split(path.sep).join('/') : 'the rules';
    return [diagnostic(range, `The generated Conductor section is out of date with ${rules}. Use "${REGENERATE_TITLE}" or run \`conductor instructions\`.`, DiagnosticSeverity.Warning)];
  }

  /** "Regenerate Conductor section" for the stale diagnostics in the request. */
  codeActions(params: CodeActionParams, file: string, text: string | undefined, folder: InstructionsFolder | undefined): CodeAction[] {
    const stale = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.code === STALE_INSTRUCTIONS && d.severity === DiagnosticSeverity.Warning);
    const wanted = !params.context.only || params.context.only.some((k) => CodeActionKind.QuickFix === k || CodeActionKind.QuickFix.startsWith(`${k}.`));
    if (stale.length === 0 || text === undefined || !wanted) {
      return [];
    }
    const expected = this.target(file, text, folder)?.expected;
    if (!expected) {
      return [];
    }
    let edits;
    try {
      edits = generatedEdits(text, expected);
    } catch {
      return [];
    }
    if (edits.length === 0) {
      return [];
    }
    const lines = new LineIndex(text);
    const textEdits: TextEdit[] = edits.map((e) => ({ range: lines.rangeOf(e.start, e.end), newText: e.newText }));
    const action = CodeAction.create(REGENERATE_TITLE, { changes: { [params.textDocument.uri]: textEdits } }, CodeActionKind.QuickFix);
    action.diagnostics = stale;
    action.isPreferred = true;
    return [action];
  }

  /** The instruction file this document is (with what it should contain, if Conductor still generates it). */
  private target(file: string, text: string, folder: InstructionsFolder | undefined): { expected?: GeneratedFile } | undefined {
    if (!folder || !text.includes('conductor:begin')) {
      return undefined;
    }
    const rel = path.relative(folder.root, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      return undefined;
    }
    const relPath = rel.split(path.sep).join('/');
    if (!isInstructionPath(relPath) || folder.problems.some((p) => p.severity === 'error')) {
      return undefined; // a broken rule file: `conductor instructions` would refuse too
    }
    const rendered = this.render(folder);
    return rendered ? { expected: rendered.files.get(relPath) } : undefined;
  }

  private render(folder: InstructionsFolder): Rendered | undefined {
    const cached = this.cache.get(folder.policy);
    if (cached) {
      return cached;
    }
    // The CLI renders the workspace's rule files without the org layer; so does this, to agree with it.
    const policy = folder.policy.org ? loadWorkspaceConfig(folder.root, this.host, folder.ruleFile).policy : folder.policy;
    if (!policy) {
      return undefined;
    }
    const ruleFile = folder.ruleFile ? path.relative(folder.root, folder.ruleFile).split(path.sep).join('/') : undefined;
    const files = generatedFiles(policy, INSTRUCTION_TARGETS, { ruleFile });
    const rendered = { files: new Map(files.map((f) => [f.path, f])) };
    this.cache.set(folder.policy, rendered);
    return rendered;
  }
}

function diagnostic(range: Diagnostic['range'], message: string, severity: DiagnosticSeverity): Diagnostic {
  return { range, message, severity, source: DIAGNOSTIC_SOURCE, code: STALE_INSTRUCTIONS, data: { conductorInstructions: true } };
}
