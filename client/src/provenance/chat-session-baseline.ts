import * as vscode from 'vscode';

/**
 * VS Code (1.139) keeps, for every file a chat editing session modifies, the file's content before the session as a
 * text model under this scheme, with the file's path (`ChatEditingTextModelContentProvider.getFileURI`). Extensions
 * see it as a TextDocument for as long as the session holds the file. It is the one stable-API trace of a chat edit:
 * the edits themselves arrive like any other change (`reason` undefined; the edit source is proposed API only).
 */
export const CHAT_BASELINE_SCHEME = 'chat-editing-text-model';

/** The chat editing session's baseline of `file`, when a session is editing it right now. */
export function chatSessionBaseline(file: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.scheme === CHAT_BASELINE_SCHEME && d.uri.path === file.path);
}
