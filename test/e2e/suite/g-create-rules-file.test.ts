// (g) `Conductor: Create Rules File` in a workspace without a rule file scaffolds .conductor/rules.jsonc and opens it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension, APP, appIsFlagged, byCode, closeAllEditors, NO_CONSOLE, NO_EVAL, openFresh, resetFile, RULES, waitFor,
  waitForDiagnostics, wsUri,
} from './helpers';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

describe('create rules file', () => {
  before(activateExtension);
  after(async () => {
    await resetFile(RULES); // put the suite's rule file back for whatever runs next
  });

  it('creates .conductor/rules.jsonc from the template, opens it, and its rules apply', async () => {
    const ext = await activateExtension();
    const target = wsUri(RULES);
    const app = (await openFresh(APP)).document;
    await waitForDiagnostics(app.uri, appIsFlagged, 'the findings under the workspace rules');

    // Make this a workspace without a rule file: Conductor falls back to conductor:recommended
    // (no team rule; eval is only a warning there).
    await closeAllEditors();
    // Deleted through VS Code (a WorkspaceEdit, like the Explorer does), so the editor model of the rule file is
    // released too; a model that stays open keeps feeding its text to the server, as LSP intends.
    const del = new vscode.WorkspaceEdit();
    del.deleteFile(target);
    assert.ok(await vscode.workspace.applyEdit(del), 'could not delete the rule file');
    assert.ok(!(await exists(target)));
    await vscode.window.showTextDocument(app, { preview: false });
    await waitForDiagnostics(
      app.uri,
      (d) => byCode(d, NO_CONSOLE).length === 0 && byCode(d, NO_EVAL)[0]?.severity === vscode.DiagnosticSeverity.Warning,
      'the built-in default to apply once the rule file is gone',
    );

    await vscode.commands.executeCommand('conductor.createRulesFile');
    assert.ok(await exists(target), 'rules.jsonc was not created');
    const template = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'rules', 'templates', 'team.jsonc'))).toString('utf8');
    assert.strictEqual(Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8'), template);
    const active = await waitFor(() => vscode.window.activeTextEditor, 5000, 'an active editor');
    assert.strictEqual(active.document.uri.toString(), target.toString(), 'the new rule file is not the active editor');

    // The template's team rules are in force again.
    await waitForDiagnostics(app.uri, appIsFlagged, 'the template rules to apply');
  });

  it('does not overwrite an existing rule file, and opens it', async () => {
    await activateExtension();
    const target = wsUri(RULES);
    await resetFile(RULES);
    await closeAllEditors();
    await vscode.commands.executeCommand('conductor.createRulesFile');
    const active = await waitFor(() => vscode.window.activeTextEditor, 5000, 'an active editor');
    assert.strictEqual(active.document.uri.toString(), target.toString());
    assert.match(active.document.getText(), /"name": "e2e-team"/, 'the existing rule file was overwritten');
  });
});
