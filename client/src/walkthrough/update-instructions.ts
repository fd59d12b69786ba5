// "Conductor: Update AI Assistant Instructions": runs the bundled CLI's `conductor instructions` for a workspace
// folder, so the editor writes exactly what CI's `conductor instructions --check` expects.
import { execFile } from 'child_process';
import * as vscode from 'vscode';

export const UPDATE_AI_INSTRUCTIONS = 'conductor.updateAiInstructions';
const DEFAULT_TARGETS = ['copilot', 'agents', 'cursor', 'claude'];
const INSTRUCTION_GLOB = '{AGENTS.md,CLAUDE.md,.github/copilot-instructions.md,.github/instructions/conductor-*.instructions.md,.cursor/rules/conductor.mdc,.conductor/*}';

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

export function registerUpdateInstructions(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, onDone: () => void): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(UPDATE_AI_INSTRUCTIONS, async (folderArg?: vscode.Uri) => {
      const folder = folderArg ? vscode.workspace.getWorkspaceFolder(folderArg) : await pickFolder();
      if (!folder) {
        return undefined;
      }
      const targets = vscode.workspace.getConfiguration('conductor.instructions', folder.uri).get<string[]>('targets') ?? DEFAULT_TARGETS;
      const configFile = vscode.workspace.getConfiguration('conductor', folder.uri).get<string>('configFile') ?? '';
      // The CLI reads the disk: save open edits of the rule file and the instruction files first.
      const dirty = vscode.workspace.textDocuments.filter(
        (d) => d.isDirty && vscode.workspace.getWorkspaceFolder(d.uri)?.uri.toString() === folder.uri.toString() && vscode.languages.match({ pattern: new vscode.RelativePattern(folder, INSTRUCTION_GLOB) }, d) > 0,
      );
      await Promise.all(dirty.map((d) => d.save()));
      const cli = vscode.Uri.joinPath(context.extensionUri, 'dist', 'cli.js').fsPath;
      const args = [cli, 'instructions', '--cwd', folder.uri.fsPath, '--targets', (targets.length ? targets : DEFAULT_TARGETS).join(','), ...(configFile ? ['--config', configFile] : [])];
      const outcome = await run(args);
      log.info(`conductor instructions (${folder.name}) exited with ${outcome.code}\n${outcome.stdout}${outcome.stderr}`);
      if (outcome.code !== 0) {
        void vscode.window.showErrorMessage(`Conductor could not update the AI assistant instructions: ${outcome.stderr.replace(/^conductor: /, '').trim() || `exit code ${outcome.code}`}`);
        return outcome;
      }
      onDone();
      const summary = outcome.stdout.trim().split('\n').pop() ?? '';
      void vscode.window.showInformationMessage(`Conductor: AI assistant instructions updated (${summary.replace(/\.$/, '')}).`);
      return outcome;
    }),
  ];
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showWarningMessage('Open a folder first: the instructions are written into the workspace.');
    return undefined;
  }
  if (folders.length === 1) {
    return folders[0];
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  const current = active && vscode.workspace.getWorkspaceFolder(active);
  return current ?? vscode.window.showWorkspaceFolderPick({ placeHolder: 'Write AI assistant instructions for which folder?' });
}

/** The extension host's Node runs the CLI (Electron as Node in desktop VS Code). */
function run(args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 2) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
