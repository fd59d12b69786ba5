// "Conductor: Show Effective Rules": asks the server for a Markdown description of the rules in force
// (layers, org locks, severities and where they come from) and shows it as a read-only document.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EffectiveRulesRequest } from '../../server/src/protocol/messages';

const SCHEME = 'conductor-effective-rules';

export function registerEffectiveRules(getClient: () => LanguageClient | undefined): vscode.Disposable[] {
  const contents = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    provideTextDocumentContent: (uri) => contents.get(uri.toString()) ?? '',
  };
  const show = async (): Promise<void> => {
    const client = getClient();
    if (!client?.isRunning()) {
      void vscode.window.showWarningMessage('Conductor: the language server is not running.');
      return;
    }
    const active = vscode.window.activeTextEditor?.document.uri;
    const forFile = active?.scheme === 'file' ? active : undefined;
    const { markdown } = await client.sendRequest(EffectiveRulesRequest.type, { uri: forFile?.toString() });
    const name = forFile ? `Effective Rules — ${vscode.workspace.asRelativePath(forFile)}` : 'Effective Rules';
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${name.replace(/[\\/]/g, '∕')}.md` });
    contents.set(uri.toString(), markdown);
    changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    await vscode.window.showTextDocument(doc, { preview: true });
  };
  return [changed, vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider), vscode.commands.registerCommand('conductor.showEffectiveRules', show)];
}
