import * as vscode from 'vscode';
import { activeAiTool } from './ai-tool';
import { withoutDetection } from './edit-detector';
import { markInsertion } from './mark-insertion';
import { diffTexts } from './text-diff';

// VS Code has no event for "ghost text accepted". Conductor's keybindings (same `when` as the
// built-ins) run these commands instead: snapshot, run the built-in accept, diff, then mark.
export const ACCEPT_COMMANDS: [ours: string, builtin: string][] = [
  ['conductor.inlineSuggest.commit', 'editor.action.inlineSuggest.commit'],
  ['conductor.inlineSuggest.acceptNextWord', 'editor.action.inlineSuggest.acceptNextWord'],
  ['conductor.inlineSuggest.acceptNextLine', 'editor.action.inlineSuggest.acceptNextLine'],
];

export function registerInlineAccept(log: vscode.LogOutputChannel, enabled: () => boolean): vscode.Disposable[] {
  return ACCEPT_COMMANDS.map(([ours, builtin]) => vscode.commands.registerCommand(ours, () => acceptAndMark(builtin, log, enabled())));
}

async function acceptAndMark(builtin: string, log: vscode.LogOutputChannel, tag: boolean): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !tag) {
    await vscode.commands.executeCommand(builtin);
    return;
  }
  const doc = editor.document;
  const before = doc.getText();
  // The edit detector would take a long completion for an unexplained insertion and ask the user about it.
  await withoutDetection(doc, () => vscode.commands.executeCommand(builtin));
  const after = doc.getText();
  const change = diffTexts(before, after);
  // Accepting only whitespace (the first acceptNextWord on indented ghost text accepts the indentation) adds no
  // AI code: marking it would wrap an empty-looking line and count what the user types there next as AI.
  if (!change || change.inserted.trim().length === 0) {
    return;
  }
  const range = new vscode.Range(doc.positionAt(change.start), doc.positionAt(change.start + change.inserted.length));
  const tool = activeAiTool('completion');
  // Join the marker edit to the completion's undo step: one undo removes both.
  const marked = await markInsertion(editor, range, { tool }, true);
  log.info(`AI completion accepted (${tool}) at ${doc.uri.fsPath}:${range.start.line + 1}-${range.end.line + 1}${marked ? '' : ' (markers not written: no safe place)'}`);
}
