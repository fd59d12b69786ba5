import * as vscode from 'vscode';
import { removeMarkers, type AiRegion } from '../../../server/src/engine/provenance';
import { markInsertion } from './mark-insertion';
import { regionsOf } from './regions';
import type { EditDetector } from './edit-detector';

const COMMON_USE_CASES = ['tests', 'boilerplate', 'docs', 'refactor', 'migration'];

/** `Conductor: Mark Selection as AI-Generated` and `Conductor: Remove AI Marker`. */
export function registerManualCommands(log: vscode.LogOutputChannel, detector: EditDetector): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('conductor.markSelectionAsAi', async (useCaseArg?: string) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.selection.isEmpty) {
        void vscode.window.showWarningMessage('Select the AI-written code first.');
        return;
      }
      const useCase = useCaseArg ?? (await pickUseCase());
      if (useCase === undefined) {
        return;
      }
      const ok = await detector.asSelf(() => markInsertion(editor, editor.selection, { tool: 'manual', useCase: useCase || undefined }, false));
      log.info(`Marked ${editor.document.uri.fsPath}:${editor.selection.start.line + 1}-${editor.selection.end.line + 1} as AI-generated${ok ? '' : ' failed: no safe place for markers'}`);
    }),
    vscode.commands.registerCommand('conductor.removeAiMarker', async (regionId?: string, confirmed?: boolean) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        return;
      }
      const region = findRegion(editor, regionId);
      if (!region) {
        void vscode.window.showWarningMessage('The cursor is not inside an AI-generated block.');
        return;
      }
      if (!confirmed) {
        const answer = await vscode.window.showWarningMessage(
          `Remove the AI markers of block ${region.id} (${region.endLine - region.beginLine - 1} lines)? The code stays; it will count as human-written.`,
          { modal: true },
          'Remove Markers',
        );
        if (answer !== 'Remove Markers') {
          return;
        }
      }
      const edits = removeMarkers(editor.document.getText(), region);
      await detector.asSelf(() =>
        editor.edit((b) => edits.forEach((e) => b.replace(new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText))),
      );
      log.info(`Removed AI markers of block ${region.id} (tool=${region.tool}) in ${editor.document.uri.fsPath}; confirmed by the user.`);
    }),
  ];
}

function findRegion(editor: vscode.TextEditor, id?: string): AiRegion | undefined {
  const { regions } = regionsOf(editor.document);
  const line = editor.selection.active.line;
  return id ? regions.find((r) => r.id === id) : regions.find((r) => line >= r.beginLine && line <= r.endLine);
}

async function pickUseCase(): Promise<string | undefined> {
  const items = [...COMMON_USE_CASES.map((label) => ({ label })), { label: '(none)', description: 'leave the use case empty' }];
  const pick = await vscode.window.showQuickPick(items, { title: 'What was the AI used for?', placeHolder: 'Approved use case' });
  return pick === undefined ? undefined : pick.label === '(none)' ? '' : pick.label;
}
