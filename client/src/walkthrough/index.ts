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
  hasReviewedAiBlock: 'conductor.hasReviewedAiBlock',
  hasOpenedDashboard: 'conductor.hasOpenedDashboard',
} as const;
type ContextName = keyof typeof CONTEXT;

export const WALKTHROUGH_ID = 'conductor.gettingStarted';
/** The walkthrough step each context key completes (package.json: `onContext:<key>` in its completionEvents). */
const STEP_OF: Record<ContextName, string> = {
  hasRulesFile: 'createRulesFile',
  hasSeenFinding: 'seeViolation',
  hasReviewedAiBlock: 'reviewAiBlock',
  hasAiInstructions: 'aiInstructions',
  ranCiGate: 'runCiGate',
  hasOpenedDashboard: 'openDashboard',
};

export const RUN_CI_GATE = 'conductor.runCiGate';
/** Internal (not contributed): the context values this extension has set, for tests and support. */
export const WALKTHROUGH_CONTEXT = '_conductor.walkthroughContext';
export const TASK_TYPE = 'conductor';
const RULE_FILES = '.conductor/rules.{jsonc,json}';
/** The dashboard's webview panel type (client/src/dashboard); the tab API reports it with a prefix. */
const DASHBOARD_VIEW_TYPE = 'conductor.dashboard';

export function registerWalkthrough(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const values = Object.fromEntries(Object.keys(CONTEXT).map((k) => [k, false])) as Record<ContextName, boolean>;
  const set = (name: ContextName, value: boolean): void => {
    const changed = values[name] !== value;
    values[name] = value;
    void vscode.commands.executeCommand('setContext', CONTEXT[name], value);
    if (!changed) {
      return;
    }
    log.info(`Walkthrough: ${CONTEXT[name]} = ${value}`);
    if (value) {
      // VS Code (1.139) ignores an `onContext:` event whose expression is already true when the walkthrough is
      // registered, which races with this activation; so the step is also completed directly. The command is the
      // workbench's own (not API): where it does not exist, the completionEvents still apply.
      const step = `${context.extension.id}#${WALKTHROUGH_ID}#${STEP_OF[name]}`;
      void Promise.resolve(vscode.commands.executeCommand('welcome.markStepComplete', step)).catch((e: unknown) => log.info(`Walkthrough: cannot mark ${step} complete: ${String(e)}`));
    }
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

  // A review recorded in a marker (the "Mark AI block as reviewed" quick fix writes `reviewed-by=` into the begin marker).
  const sawReview = (e: vscode.TextDocumentChangeEvent): void => {
    if (!values.hasReviewedAiBlock && e.contentChanges.some((c) => c.text.includes('reviewed-by=') && e.document.lineAt(Math.min(c.range.start.line, e.document.lineCount - 1)).text.includes('@ai-generated'))) {
      set('hasReviewedAiBlock', true);
    }
  };
  const sawDashboard = (): void => {
    const open = vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(DASHBOARD_VIEW_TYPE)));
    if (open && !values.hasOpenedDashboard) {
      set('hasOpenedDashboard', true);
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
    vscode.workspace.onDidChangeTextDocument(sawReview),
    vscode.window.tabGroups.onDidChangeTabs(sawDashboard),
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
