// The "Get started with Conductor" walkthrough (contributes.walkthroughs `conductor.gettingStarted`). VS Code
// completes each step on an event (package.json completionEvents); this module provides the events that are not a
// plain command: context keys for "a rule file exists", "Conductor reported a finding" and "the CI gate ran", and
// the task that runs the gate.
import * as vscode from 'vscode';
import { registerUpdateInstructions } from './update-instructions';

/** Context keys the walkthrough's completionEvents wait for (`onContext:<key>`). */
export const CONTEXT = {
  hasRulesFile: 'conductor.hasRulesFile',
  hasSeenFinding: 'conductor.hasSeenFinding',
  ranCiGate: 'conductor.ranCiGate',
  hasAiInstructions: 'conductor.hasAiInstructions',
} as const;
type ContextName = keyof typeof CONTEXT;

export const RUN_CI_GATE = 'conductor.runCiGate';
/** Internal (not contributed): the context values this extension has set, for tests and support. */
export const WALKTHROUGH_CONTEXT = '_conductor.walkthroughContext';
export const TASK_TYPE = 'conductor';
const RULE_FILES = '.conductor/rules.{jsonc,json}';

export function registerWalkthrough(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const values: Record<ContextName, boolean> = { hasRulesFile: false, hasSeenFinding: false, ranCiGate: false, hasAiInstructions: false };
  const set = (name: ContextName, value: boolean): void => {
    if (values[name] !== value) {
      values[name] = value;
      log.info(`Walkthrough: ${CONTEXT[name]} = ${value}`);
    }
    void vscode.commands.executeCommand('setContext', CONTEXT[name], value);
  };

  const refreshRulesFile = async (): Promise<void> => {
    const found = await vscode.workspace.findFiles(RULE_FILES, undefined, 1);
    set('hasRulesFile', found.length > 0);
  };
  void refreshRulesFile();
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${RULE_FILES}`);

  const sawFinding = (uris: readonly vscode.Uri[]): void => {
    if (!values.hasSeenFinding && uris.some((u) => vscode.languages.getDiagnostics(u).some((d) => d.source === 'conductor'))) {
      set('hasSeenFinding', true);
    }
  };

  const gateTask = (folder: vscode.WorkspaceFolder): vscode.Task => {
    // The CLI bundled with the extension, run by the extension host's Node (Electron as Node in desktop VS Code).
    const cli = vscode.Uri.joinPath(context.extensionUri, 'dist', 'cli.js').fsPath;
    const exec = new vscode.ProcessExecution(process.execPath, [cli, 'check'], { cwd: folder.uri.fsPath, env: { ELECTRON_RUN_AS_NODE: '1' } });
    const task = new vscode.Task({ type: TASK_TYPE, command: 'check' }, folder, 'check', 'conductor', exec, []);
    task.detail = 'conductor check: the CI gate (exit code 1 on errors)';
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, clear: true };
    return task;
  };

  return [
    watcher,
    watcher.onDidCreate(() => void refreshRulesFile()),
    watcher.onDidDelete(() => void refreshRulesFile()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void refreshRulesFile()),
    vscode.languages.onDidChangeDiagnostics((e) => sawFinding(e.uris)),
    vscode.tasks.registerTaskProvider(TASK_TYPE, {
      provideTasks: () => (vscode.workspace.workspaceFolders ?? []).map(gateTask),
      resolveTask: () => undefined,
    }),
    vscode.tasks.onDidEndTaskProcess((e) => {
      if (e.execution.task.definition.type === TASK_TYPE) {
        log.info(`Walkthrough: the CI gate task ended with exit code ${e.exitCode ?? 'unknown'}`);
        set('ranCiGate', true);
      }
    }),
    // `conductor check` typed in a terminal counts too, where shell integration reports commands.
    vscode.window.onDidEndTerminalShellExecution((e) => {
      if (/\bconductor(?:\.js)?\s+check\b|\bcli\.js\s+check\b/.test(e.execution.commandLine.value)) {
        set('ranCiGate', true);
      }
    }),
    vscode.commands.registerCommand(RUN_CI_GATE, async () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) {
        void vscode.window.showWarningMessage('Open a folder first: the CI gate checks a workspace.');
        return;
      }
      await vscode.tasks.executeTask(gateTask(folder));
    }),
    vscode.commands.registerCommand(WALKTHROUGH_CONTEXT, () => ({ ...values })),
    ...registerUpdateInstructions(context, log, () => set('hasAiInstructions', true)),
  ];
}
