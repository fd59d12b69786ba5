// (p) The questions Conductor asks (or must not ask) about large insertions. The test answers them through a stand-in
// for vscode.window.showInformationMessage: the suite shares the extension's `vscode` API object when it runs from
// the extension's own folder (the default launch); against an installed .vsix it does not, so the launcher leaves
// the @dev-host tests out of that run (see launch.ts).
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openFresh, resetFile, waitFor } from './helpers';
import { AGENT, barrier, CHAT_BLOCK, chatAppends, chatSessionOn, contentLines, GhostText, onlyRegion, parse, TS_TARGET, withProvenanceSetting } from './p-provenance-helpers';

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

  it('chatEdits=confirm: the chat edit is tagged only after the user says yes', async () => {
    restoreSetting = await withProvenanceSetting('chatEdits', 'confirm');
    const asked: string[] = [];
    restoreWindow = interceptQuestions(asked, () => 'Yes, tag it');
    await openFresh(TS_TARGET);
    await chatSessionOn(AGENT);
    const agent = await resetFile(AGENT);
    await chatAppends(agent, CHAT_BLOCK);
    const r = await waitFor(() => parse(agent).regions[0], 20000, 'markers after the user said yes', () => agent.getText());
    assert.deepStrictEqual(contentLines(agent, r), CHAT_BLOCK);
    assert.deepStrictEqual(asked, ['A chat edit added 6 lines to src/ai/agent.ts. Tag them as AI-generated?']);
  });

  it('a snippet and an edit of another extension, 30 lines each, in the active editor: nobody is asked, nothing is tagged', async () => {
    const asked: string[] = [];
    restoreWindow = interceptQuestions(asked, () => 'Yes, tag it');
    const editor = await openFresh(TS_TARGET);
    const thirty = Array.from({ length: 30 }, (_, i) => `export const human${i} = ${i};\n`).join('');
    assert.ok(await editor.insertSnippet(new vscode.SnippetString(thirty), new vscode.Position(7, 0)));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, new vscode.Position(7, 0), thirty.replace(/human/g, 'refactored'));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await barrier();

    assert.deepStrictEqual(asked, [], 'a human operation is not asked about');
    assert.deepStrictEqual(parse(editor.document).regions, []);
  });
});
