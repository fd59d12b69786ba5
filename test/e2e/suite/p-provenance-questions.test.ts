// (p) The questions Conductor asks (or must not ask) about large insertions. The test answers them through a stand-in
// for vscode.window.showInformationMessage: the suite shares the extension's `vscode` API object when it runs from
// the extension's own folder (the default launch); against an installed .vsix it does not, so the launcher leaves
// the @dev-host tests out of that run (see launch.ts).
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openFresh, resetFile, waitFor } from './helpers';
import { AGENT, contentLines, GhostText, onlyRegion, parse, TS_TARGET, withProvenanceSetting } from './p-provenance-helpers';

type Answer = (message: string) => string | undefined;

/** Replaces showInformationMessage: records the questions, answers them with `answer`. Returns the restore. */
function interceptQuestions(asked: string[], answer: Answer): () => void {
  const window = vscode.window as { showInformationMessage: typeof vscode.window.showInformationMessage };
  const real = window.showInformationMessage;
  window.showInformationMessage = ((message: string) => {
    asked.push(message);
    return Promise.resolve(answer(message));
  }) as typeof vscode.window.showInformationMessage;
  return () => {
    window.showInformationMessage = real;
  };
}

const AGENT_BLOCK = ['export function barrier(): number {', '  const a = 1;', '  const b = 2;', '  const c = a + b;', '  return c;', '}'];

/**
 * Waits until Conductor has handled every insertion made before this call: it classifies insertions in order, so
 * once a (background, chatEdits=tag) agent edit made now is tagged, the earlier ones are done, questions included.
 */
async function barrier(): Promise<void> {
  const agent = await resetFile(AGENT);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(agent.uri, new vscode.Position(agent.lineCount - 1, 0), AGENT_BLOCK.map((l) => `${l}\n`).join(''));
  assert.ok(await vscode.workspace.applyEdit(edit));
  await waitFor(() => parse(agent).regions.length === 1, 20000, 'the barrier edit to be tagged', () => agent.getText());
}

describe('provenance: questions about large insertions @dev-host', () => {
  let restoreWindow: (() => void) | undefined;
  let restoreSetting: (() => Promise<void>) | undefined;
  let ghost: GhostText | undefined;

  before(async () => {
    const ext = await activateExtension();
    assert.ok(!path.relative(ext.extensionPath, __dirname).startsWith('..'), 'runs against the development path only');
  });
  beforeEach(closeAllEditors);
  afterEach(async () => {
    restoreWindow?.();
    restoreWindow = undefined;
    ghost?.dispose();
    ghost = undefined;
    await restoreSetting?.();
    restoreSetting = undefined;
    await resetFile(TS_TARGET);
    await resetFile(AGENT);
  });

  it('a long accepted completion is tagged once, and nobody is asked whether it was AI', async () => {
    restoreSetting = await withProvenanceSetting('chatEdits', 'tag');
    const asked: string[] = [];
    restoreWindow = interceptQuestions(asked, () => 'Yes, tag it');
    const editor = await openFresh(TS_TARGET);
    const snippet = ['  for (const v of values) {', '    if (v < 0) {', '      continue;', '    }', '    sum += v;', '  }'];
    ghost = new GhostText();
    await ghost.accept(editor, new vscode.Position(3, 0), snippet.join('\n'));
    await barrier();

    assert.deepStrictEqual(asked, [], 'an accepted completion is known to be AI: no question');
    const r = onlyRegion(editor.document, { tool: 'unknown' });
    assert.deepStrictEqual(contentLines(editor.document, r), snippet);
  });

  it('chatEdits=confirm: the agent edit is tagged only after the user says yes', async () => {
    restoreSetting = await withProvenanceSetting('chatEdits', 'confirm');
    const asked: string[] = [];
    restoreWindow = interceptQuestions(asked, () => 'Yes, tag it');
    await openFresh(TS_TARGET);
    const agent = await resetFile(AGENT);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(agent.uri, new vscode.Position(agent.lineCount - 1, 0), AGENT_BLOCK.map((l) => `${l}\n`).join(''));
    assert.ok(await vscode.workspace.applyEdit(edit));
    const r = await waitFor(() => parse(agent).regions[0], 20000, 'markers after the user said yes', () => agent.getText());
    assert.deepStrictEqual(contentLines(agent, r), AGENT_BLOCK);
    assert.strictEqual(asked.length, 1);
    assert.match(asked[0], /^6 lines were added to src\/ai\/agent\.ts\. Were they written by an AI assistant\?$/);
  });
});
