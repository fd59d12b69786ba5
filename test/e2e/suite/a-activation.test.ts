// (a) The extension activates from its development path and registers its commands.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID } from './helpers';

describe('activation', () => {
  it('activates conductor-dev.conductor from the path under test', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} not found; extensions: ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
    await activateExtension();
    assert.strictEqual(ext.isActive, true);
    const expected = process.env.CONDUCTOR_E2E_EXTENSION_PATH;
    if (expected) {
      assert.strictEqual(path.resolve(ext.extensionUri.fsPath), path.resolve(expected), 'the extension was loaded from somewhere else');
    }
    assert.strictEqual(ext.packageJSON.main, './dist/client.js');
  });

  it('registers every command its manifest contributes', async () => {
    const ext = await activateExtension();
    const contributed: string[] = ext.packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    for (const id of ['conductor.createRulesFile', 'conductor.restartServer', 'conductor.showOutput']) {
      assert.ok(contributed.includes(id), `${id} is not contributed`);
    }
    const all = new Set(await vscode.commands.getCommands(true));
    for (const id of contributed) {
      assert.ok(all.has(id), `command ${id} is not registered`);
    }
    // The output channel command runs without error.
    await vscode.commands.executeCommand('conductor.showOutput');
  });
});
