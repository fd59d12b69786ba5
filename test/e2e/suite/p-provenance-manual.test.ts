// (p) Conductor: Mark Selection as AI-Generated / Remove AI Marker, run with arguments (no quick pick, no dialog).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openFresh, original, resetFile } from './helpers';
import { contentLines, lines, onlyRegion, parse, PY_TARGET, TS_TARGET } from './p-provenance-helpers';

describe('provenance: manual marking', () => {
  before(activateExtension);
  beforeEach(closeAllEditors);
  afterEach(async () => {
    await resetFile(TS_TARGET);
    await resetFile(PY_TARGET);
  });

  it('markSelectionAsAi("tests") wraps the selected lines with tool=manual use=tests; removeAiMarker(id, true) keeps the code', async () => {
    const editor = await openFresh(TS_TARGET);
    const doc = editor.document;
    const pristine = doc.getText();
    const selected = lines(doc).slice(1, 3);
    editor.selection = new vscode.Selection(1, 0, 2, selected[1].length);
    await vscode.commands.executeCommand('conductor.markSelectionAsAi', 'tests');

    const r = onlyRegion(doc, { tool: 'manual', useCase: 'tests' });
    assert.deepStrictEqual(contentLines(doc, r), selected);
    const ls = pristine.split('\n');
    assert.strictEqual(
      doc.getText(),
      [ls[0], `// @ai-generated begin id=${r.id} tool=manual use=tests at=${r.at}`, ...selected, `// @ai-generated end id=${r.id}`, ...ls.slice(3)].join('\n'),
    );

    await vscode.commands.executeCommand('conductor.removeAiMarker', r.id, true);
    assert.deepStrictEqual(parse(doc).regions, []);
    assert.strictEqual(doc.getText(), pristine, 'both marker lines gone, the code unchanged');
  });

  it('removeAiMarker without an id removes the block under the cursor (Python, # markers)', async () => {
    const editor = await openFresh(PY_TARGET);
    const doc = editor.document;
    const pristine = original(PY_TARGET);
    editor.selection = new vscode.Selection(1, 0, 4, lines(doc)[4].length);
    await vscode.commands.executeCommand('conductor.markSelectionAsAi', 'tests');
    const r = onlyRegion(doc, { tool: 'manual', useCase: 'tests' });
    assert.strictEqual(lines(doc)[r.beginLine], `# @ai-generated begin id=${r.id} tool=manual use=tests at=${r.at}`);
    assert.deepStrictEqual(contentLines(doc, r), pristine.split('\n').slice(1, 5));

    editor.selection = new vscode.Selection(r.beginLine + 2, 0, r.beginLine + 2, 0);
    await vscode.commands.executeCommand('conductor.removeAiMarker', undefined, true);
    assert.strictEqual(doc.getText(), pristine);
  });
});
