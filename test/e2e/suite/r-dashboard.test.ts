// (r) Governance dashboard (issue 10) in a real VS Code: `Conductor: Show Governance Dashboard` opens a webview
// panel of the right view type, the extension runs the bundled CLI's `report --format json` for the workspace
// folder, the page draws its charts (it reports back what it drew), a save refreshes it, and the command
// reuses the open panel. The test makes the workspace copy a git repository with one dated commit (and removes
// .git afterwards), so the trend chart has a point.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, folder, resetFile, waitFor } from './helpers';

const VIEW_TYPE = 'conductor.dashboard';
const FILE = 'src/logger.ts';

interface DashboardState {
  open: boolean;
  folder?: string;
  runs: number;
  lastError?: string;
  lastRender?: { hasReport: boolean; share: number | null; charts: { id: string; width: number; height: number; points: number }[] };
}

/** VS Code reports a panel's view type with a `mainThreadWebview-` prefix in tab inputs; accept both spellings. */
function dashboardTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && (t.input.viewType === VIEW_TYPE || t.input.viewType.endsWith(`-${VIEW_TYPE}`)));
}

const state = async (): Promise<DashboardState> => (await vscode.commands.executeCommand<DashboardState>('conductor.dashboard.state'))!;

function git(root: string, ...args: string[]): void {
  const when = '2026-01-05T10:00:00Z';
  execFileSync('git', args, {
    cwd: root,
    stdio: 'ignore',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'E2E',
      GIT_AUTHOR_EMAIL: 'e2e@example.invalid',
      GIT_COMMITTER_NAME: 'E2E',
      GIT_COMMITTER_EMAIL: 'e2e@example.invalid',
      GIT_AUTHOR_DATE: when,
      GIT_COMMITTER_DATE: when,
    },
  });
}

/** Asks the code-server runner for a screenshot of the workbench (see suite/index.ts), saved as test-artifacts/<name>. */
async function screenshot(name: string): Promise<void> {
  const shot = process.env.CONDUCTOR_E2E_SHOT;
  if (process.env.CONDUCTOR_E2E_SHOT_ON_REQUEST !== '1' || !shot) {
    return;
  }
  // The runner always writes the suite's screenshot file: take it, then move it aside.
  await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  fs.rmSync(shot, { force: true });
  console.log(`[e2e:screenshot] ${shot}`);
  await waitFor(() => fs.existsSync(shot), 20000, `the runner to save ${shot}`);
  fs.copyFileSync(shot, path.join(path.dirname(shot), name));
  fs.rmSync(shot, { force: true }); // the suite's final screenshot is taken fresh
}

describe('governance dashboard', function () {
  this.timeout(180000);
  let root: string;
  let withGit = false;

  before(async () => {
    await activateExtension();
    await closeAllEditors();
    root = folder().uri.fsPath;
    try {
      git(root, 'init', '-q');
      git(root, 'add', '-A');
      git(root, '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'e2e fixture');
      withGit = true;
    } catch {
      withGit = false; // no git on PATH: the dashboard still shows the working-tree figures
    }
  });

  after(async () => {
    for (const t of dashboardTabs()) {
      await vscode.window.tabGroups.close(t);
    }
    fs.rmSync(path.join(root, '.git'), { recursive: true, force: true });
    await resetFile(FILE);
    await closeAllEditors();
  });

  it('opens the dashboard webview and draws the workspace report in it', async () => {
    await vscode.commands.executeCommand('conductor.showDashboard');
    const tab = await waitFor(() => dashboardTabs()[0], 20000, `a webview tab of view type ${VIEW_TYPE}`, () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => `${t.label}: ${t.input instanceof vscode.TabInputWebview ? t.input.viewType : typeof t.input}`).join(', '),
    );
    assert.strictEqual(tab.label, 'Governance Dashboard');
    let last: DashboardState | undefined;
    const s = await waitFor(
      async () => {
        last = await state();
        if (last.lastError) {
          throw new Error(`the report failed: ${last.lastError}`);
        }
        return last.lastRender?.hasReport ? last : undefined;
      },
      120000,
      'the dashboard to draw a report',
      () => JSON.stringify(last),
    );
    assert.strictEqual(s.open, true);
    assert.strictEqual(s.folder, root);
    assert.strictEqual(typeof s.lastRender!.share, 'number');
    const charts = s.lastRender!.charts;
    const ids = charts.map((c) => c.id);
    assert.ok(ids.includes('layers'), `findings by layer drawn (${ids.join(', ')})`);
    if (withGit) {
      assert.deepStrictEqual(
        charts.filter((c) => c.id === 'trend').map((c) => c.points),
        [1],
        'one trend point: the one commit',
      );
    }
    for (const c of charts) {
      assert.ok(c.width > 0 && c.height > 0, `${c.id} has a size (${c.width}×${c.height})`);
    }
    await screenshot('e2e-dashboard.png');
  });

  it('refreshes after a file is saved', async () => {
    // Beside the dashboard: a hidden dashboard waits until it is shown again.
    const editor = await vscode.window.showTextDocument(await resetFile(FILE), { viewColumn: vscode.ViewColumn.Beside, preview: false });
    const before = (await state()).runs;
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '// touched by the dashboard test\n'));
    await editor.document.save();
    await waitFor(async () => (await state()).runs > before, 120000, 'a refresh after the save');
  });

  it('reuses the open panel', async () => {
    await vscode.commands.executeCommand('conductor.showDashboard');
    await waitFor(async () => !(await state()).lastError && dashboardTabs().length === 1, 20000, 'still one dashboard tab');
    assert.strictEqual(dashboardTabs().length, 1);
  });
});
