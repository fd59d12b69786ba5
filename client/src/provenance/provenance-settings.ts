import * as vscode from 'vscode';

export type ChatEditMode = 'tag' | 'confirm' | 'off';

/** `conductor.provenance.*` settings, read fresh each time (they are cheap and can change any time). */
export interface ProvenanceSettings {
  enable: boolean;
  chatEdits: ChatEditMode;
  minLines: number;
  pastePrompt: boolean;
  pasteMinLines: number;
  decorations: boolean;
}

export function provenanceSettings(scope?: vscode.Uri): ProvenanceSettings {
  const c = vscode.workspace.getConfiguration('conductor.provenance', scope);
  return {
    enable: c.get('enable', true),
    chatEdits: c.get<ChatEditMode>('chatEdits', 'tag'),
    minLines: c.get('minLines', 5),
    pastePrompt: c.get('pastePrompt', true),
    pasteMinLines: c.get('pasteMinLines', 10),
    decorations: c.get('decorations', true),
  };
}
