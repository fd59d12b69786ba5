// Entry point VS Code loads in the extension host (--extensionTestsPath): runs every *.test.js here with mocha.
// The same file works under @vscode/test-electron with desktop VS Code and under the code-server runner.
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { APP, activateExtension, appIsFlagged, closeAllEditors, openFresh, resetFile, RULES, waitFor, waitForDiagnostics } from './helpers';

/**
 * Lines starting with this tag are the suite's own output: the code-server runner prints them and keeps the rest of
 * the workbench's log (which it receives on the same channel) in a file. Harmless in desktop VS Code.
 */
const TAG = '[e2e] ';
/** Asks the code-server runner for a screenshot now (must match run-in-code-server.js). */
const SHOT_REQUEST = '[e2e:screenshot] ';
const say = (...args: unknown[]): void => console.log(util.format(...args).split('\n').map((l) => TAG + l).join('\n'));

export async function run(): Promise<void> {
  // Mocha's reporters all print through Base.consoleLog.
  (Mocha.reporters.Base as unknown as { consoleLog: (...a: unknown[]) => void }).consoleLog = say;
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 60000,
    // CONDUCTOR_E2E_GREP=<text> runs only the matching tests (reaches the extension host through the environment).
    ...(process.env.CONDUCTOR_E2E_GREP ? { grep: process.env.CONDUCTOR_E2E_GREP } : {}),
    ...(process.env.CONDUCTOR_E2E_EXCLUDE && !process.env.CONDUCTOR_E2E_GREP ? { grep: process.env.CONDUCTOR_E2E_EXCLUDE, invert: true } : {}),
  });
  for (const f of testFiles()) {
    mocha.addFile(path.join(__dirname, f));
  }
  const failures = await new Promise<number>((resolve, reject) => {
    try {
      mocha.run(resolve);
    } catch (e) {
      say(`the suite did not load: ${(e as Error).stack ?? e}`);
      reject(e);
    }
  });
  try {
    await stageScreenshot();
  } catch (e) {
    say(`(could not stage the screenshot: ${(e as Error).message})`);
  }
  if (failures > 0) {
    throw new Error(`${failures} e2e test(s) failed`);
  }
}

/** The compiled *.test.js files, minus stale ones whose .ts source was deleted (tsc never removes outputs). */
function testFiles(): string[] {
  const sources = path.resolve(__dirname, '../../../../test/e2e/suite');
  const all = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  if (!fs.existsSync(sources)) {
    return all;
  }
  const stale = all.filter((f) => !fs.existsSync(path.join(sources, f.replace(/\.js$/, '.ts'))));
  if (stale.length > 0) {
    say(`(skipping stale compiled tests without a source: ${stale.join(', ')})`);
  }
  return all.filter((f) => !stale.includes(f));
}

/** Leaves the workbench showing app.ts with Conductor's findings and the Problems panel, for the runner's screenshot. */
async function stageScreenshot(): Promise<void> {
  await activateExtension();
  await resetFile(RULES);
  await resetFile('src/many.ts');
  await closeAllEditors();
  const editor = await openFresh(APP);
  await waitForDiagnostics(editor.document.uri, appIsFlagged, 'the findings shown in the screenshot');
  await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar'); // the Chat view
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await vscode.window.showTextDocument(editor.document, { preview: false, preserveFocus: false });
  // Put the cursor on the console.log line so its squiggle and the Problems entry are both in view.
  const line = editor.document.getText().split('\n').findIndex((l) => l.includes('console.log('));
  editor.selection = new vscode.Selection(line, 2, line, 2);

  // The screenshot must be taken while the extension host (and so its diagnostics) is still alive: ask the runner
  // for it and wait until the file is there. Only the code-server runner answers (it sets the variable).
  const shot = process.env.CONDUCTOR_E2E_SHOT;
  if (process.env.CONDUCTOR_E2E_SHOT_ON_REQUEST === '1' && shot) {
    console.log(`${SHOT_REQUEST}${shot}`);
    await waitFor(() => fs.existsSync(shot), 20000, `the runner to save ${shot}`);
  }
}
