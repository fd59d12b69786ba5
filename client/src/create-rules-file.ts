import * as vscode from 'vscode';

/** Scaffolds `.conductor/rules.jsonc` from the commented template and opens it. */
export async function createRulesFile(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage('Open a folder first: the rule file lives in the workspace.');
    return;
  }
  const target = vscode.Uri.joinPath(folder.uri, '.conductor', 'rules.jsonc');
  try {
    await vscode.workspace.fs.stat(target);
    log.info(`Rule file already exists: ${target.fsPath}`);
  } catch {
    const template = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'rules', 'templates', 'team.jsonc'));
    await vscode.workspace.fs.writeFile(target, template);
    log.info(`Created ${target.fsPath}`);
  }
  await vscode.window.showTextDocument(target);
}
