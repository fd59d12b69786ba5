// (p) The language server reads the markers the client wrote: a finding inside the accepted AI snippet gets the
// rule's aiSeverity. security/no-new-function is a warning with aiSeverity error in conductor:recommended, which the
// e2e rule file extends without touching that rule (it does set security/no-eval to a plain error, so eval would
// prove nothing).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, byCode, closeAllEditors, describeDiagnostics, resetFile, waitForDiagnostics } from './helpers';
import { contentLines, GhostText, onlyRegion, TS_TARGET } from './p-provenance-helpers';

const NO_NEW_FUNCTION = 'security/no-new-function';
const HUMAN = [
  '// Provenance e2e tests: the same finding in human and in AI code.',
  'export function build(): unknown {',
  "  const human = new Function('return 1');",
  '',
  '  return human;',
  '}',
  '',
].join('\n');
const SNIPPET = ["  const generated = new Function('return 2');", '  void generated;'];

describe('provenance: the language server sees AI regions', () => {
  let ghost: GhostText | undefined;
  before(activateExtension);
  afterEach(async () => {
    ghost?.dispose();
    await resetFile(TS_TARGET);
  });

  it('a finding inside an accepted completion is raised to its aiSeverity (warning → error)', async () => {
    await closeAllEditors();
    const doc = await resetFile(TS_TARGET, HUMAN);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const [human] = await waitForDiagnostics(doc.uri, (ds) => byCode(ds, NO_NEW_FUNCTION).length === 1, 'new Function( in human code');
    assert.strictEqual(human.severity, vscode.DiagnosticSeverity.Warning, 'the base severity is warning');
    assert.strictEqual(human.range.start.line, 2);

    ghost = new GhostText();
    await ghost.accept(editor, new vscode.Position(3, 0), SNIPPET.join('\n'));
    const r = onlyRegion(doc, { tool: 'unknown' });
    assert.deepStrictEqual(contentLines(doc, r), SNIPPET);

    // The server may first check the version with the completion but no markers yet (a plain warning at line 3):
    // wait for the findings of the marked text, where the snippet starts below the begin marker.
    const snippetLine = r.beginLine + 1;
    const ds = await waitForDiagnostics(
      doc.uri,
      (d) => byCode(d, NO_NEW_FUNCTION).some((x) => x.range.start.line === snippetLine) && byCode(d, NO_NEW_FUNCTION).length === 2,
      `new Function( found at line ${snippetLine}, in the AI snippet`,
    );
    const [outside, inside] = byCode(ds, NO_NEW_FUNCTION).sort((a, b) => a.range.start.line - b.range.start.line);
    assert.strictEqual(outside.range.start.line, 2);
    assert.strictEqual(outside.severity, vscode.DiagnosticSeverity.Warning, `human code keeps the base severity: ${describeDiagnostics(doc.uri)}`);
    assert.strictEqual(inside.range.start.line, snippetLine);
    assert.strictEqual(inside.severity, vscode.DiagnosticSeverity.Error, `AI code gets aiSeverity: ${describeDiagnostics(doc.uri)}`);

    // Removing the markers (the code stays) makes it human code again: back to a warning.
    await vscode.commands.executeCommand('conductor.removeAiMarker', r.id, true);
    await waitForDiagnostics(
      doc.uri,
      (d) => byCode(d, NO_NEW_FUNCTION).length === 2 && byCode(d, NO_NEW_FUNCTION).every((x) => x.severity === vscode.DiagnosticSeverity.Warning),
      'both findings back to warning once the markers are gone',
    );
  });
});
