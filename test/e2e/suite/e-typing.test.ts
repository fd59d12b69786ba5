// (e) Findings follow the text being typed, without saving.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, APP, appIsFlagged, byCode, fmt, NO_EVAL, openFresh, waitFor, waitForDiagnostics } from './helpers';

describe('typing', () => {
  before(activateExtension);

  it('a line inserted with a TextEditor edit gets a diagnostic before any save', async () => {
    const editor = await openFresh(APP);
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, appIsFlagged, 'the initial findings');

    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'eval(x);\n')));
    assert.strictEqual(doc.lineAt(1).text, 'eval(x);');
    const ds = await waitForDiagnostics(doc.uri, (d) => byCode(d, NO_EVAL).length === 2, 'a second no-eval finding');
    assert.ok(
      byCode(ds, NO_EVAL).some((d) => fmt(d.range) === '1:0-1:5'),
      `no finding on the inserted line: ${byCode(ds, NO_EVAL).map((d) => fmt(d.range)).join(', ')}`,
    );
    assert.strictEqual(doc.isDirty, true, 'the document must not have been saved');
  });

  it('a finding appears as soon as the typed text matches, keystroke by keystroke', async () => {
    const editor = await openFresh(APP);
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, appIsFlagged, 'the initial findings');
    await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });

    // A fresh line after the import, then type `eval(` one character at a time like a user.
    const end = doc.lineAt(0).range.end;
    editor.selection = new vscode.Selection(end, end);
    assert.ok(await editor.edit((b) => b.insert(end, '\n')));
    const line = 1;
    await waitFor(() => editor.selection.active.line === line, 5000, 'the cursor on the new line');
    for (const ch of 'eval') {
      await vscode.commands.executeCommand('type', { text: ch });
    }
    await waitFor(() => doc.lineAt(line).text === 'eval', 5000, 'the typed text', () => JSON.stringify(doc.lineAt(line).text));
    // `eval` alone is not a call: still only the original finding.
    assert.strictEqual(byCode(await waitForDiagnostics(doc.uri, (d) => d.length > 0, 'findings'), NO_EVAL).length, 1);
    await vscode.commands.executeCommand('type', { text: '(' });
    const ds = await waitForDiagnostics(doc.uri, (d) => byCode(d, NO_EVAL).some((x) => x.range.start.line === line), 'a finding on the typed line');
    assert.strictEqual(fmt(byCode(ds, NO_EVAL).find((x) => x.range.start.line === line)!.range), `${line}:0-${line}:5`);
    assert.strictEqual(doc.isDirty, true);
  });
});
