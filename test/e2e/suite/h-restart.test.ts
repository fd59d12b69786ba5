// (h) `Conductor: Restart Server` restarts the language server and the findings come back.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, APP, appIsFlagged, byCode, conductorDiagnostics, NO_EVAL, openFresh, waitFor, waitForDiagnostics } from './helpers';

describe('restart server', () => {
  before(activateExtension);

  it('clears the findings, restarts, and the new server checks again', async () => {
    const editor = await openFresh(APP);
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, appIsFlagged, 'the findings before the restart');

    // Watch for the moment the old server's findings are withdrawn, to know the restart really happened.
    let cleared = false;
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === doc.uri.toString()) && conductorDiagnostics(doc.uri).length === 0) {
        cleared = true;
      }
    });
    try {
      await vscode.commands.executeCommand('conductor.restartServer');
      await waitFor(() => cleared, 10000, 'the old findings to be withdrawn (did the server restart?)');
      await waitForDiagnostics(doc.uri, appIsFlagged, 'the findings after the restart');
    } finally {
      sub.dispose();
    }

    // The new server follows edits too.
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'eval(y);\n')));
    await waitForDiagnostics(doc.uri, (d) => byCode(d, NO_EVAL).length === 2, 'a finding from the restarted server');
  });
});
