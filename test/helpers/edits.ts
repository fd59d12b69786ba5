import { applyEdits, type Finding, type TextEdit } from '../../server/src/engine';

/** The text after applying one fix of a finding, with the engine's own applyEdits (as the CLI does). */
export function applyFix(text: string, finding: Finding, fixIndex = 0): string {
  const fix = finding.fixes[fixIndex];
  if (!fix) {
    throw new Error(`finding ${finding.ruleId} at line ${finding.range.start.line} has no fix #${fixIndex}`);
  }
  return applyEdits(text, fix.edits);
}

/** LSP TextEdits have the same shape as the engine's; applied with the engine's applyEdits. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  return applyEdits(text, edits.map((e) => ({ range: e.range, newText: e.newText })));
}

/** Joins lines with an end of line (a trailing one too), for readable expected texts. */
export function lines(eol: '\n' | '\r\n', ...ls: string[]): string {
  return ls.map((l) => l + eol).join('');
}
