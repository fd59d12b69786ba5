// "Conductor: Show Governance Dashboard": the report page in a webview, in the editor's theme, fed
// with `conductor report --format json` for the workspace folder and refreshed (debounced) when a
// file is saved. The bundled CLI draws the page (`report --webview-page`); the extension only shows
// it. The webview is CSP-locked: default-src 'none', the inline script and styles only with the
// page's nonce; it loads nothing.
import * as vscode from 'vscode';
import { dashboardPage, ReportCancelled, runReport, type ReportRun } from './run-report';

export const DASHBOARD_VIEW_TYPE = 'conductor.dashboard';
export const SHOW_DASHBOARD = 'conductor.showDashboard';
/** Not contributed: the e2e suite reads what the webview last drew. */
export const DASHBOARD_STATE = 'conductor.dashboard.state';
const SAVE_DEBOUNCE_MS = 1500;

interface Rendered {
  type: 'rendered';
  hasReport: boolean;
  share: number | null;
  charts: { id: string; width: number; height: number; points: number }[];
}

export interface DashboardState {
  open: boolean;
  folder?: string;
  runs: number;
  lastError?: string;
  lastRender?: Rendered;
}

class Dashboard implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The page is in the panel: messages posted before it would be lost. */
  private pageShown = false;
  private run: ReportRun | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** A file was saved while the panel was hidden: refresh when it shows again. */
  private stale = false;
  private readonly state: DashboardState = { open: false, runs: 0 };
  private readonly status = vscode.languages.createLanguageStatusItem('conductor.dashboard', { pattern: '**' });

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.status.name = 'Conductor Governance Dashboard';
    this.status.text = '$(graph) Governance';
    this.status.detail = 'AI share, review, rework, findings';
    this.status.command = { title: 'Show Dashboard', command: SHOW_DASHBOARD };
  }

  show(): void {
    if (this.panel) {
      this.panel.reveal();
      this.refresh();
      return;
    }
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'Governance Dashboard', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [],
      retainContextWhenHidden: true,
    });
    this.panel = panel;
    this.state.open = true;
    panel.iconPath = new vscode.ThemeIcon('graph');
    panel.webview.onDidReceiveMessage((m: { type?: string }) => {
      if (m?.type === 'refresh') {
        this.refresh();
      } else if (m?.type === 'rendered') {
        this.state.lastRender = m as Rendered;
      }
    });
    panel.onDidChangeViewState(() => {
      if (panel.visible && this.stale) {
        this.refresh();
      }
    });
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.pageShown = false;
      this.state.open = false;
      this.run?.cancel();
      this.run = undefined;
    });
    this.showPage(panel);
  }

  private showPage(panel: vscode.WebviewPanel): void {
    const cwd = this.folder()?.uri.fsPath ?? this.context.extensionPath;
    dashboardPage(this.context.asAbsolutePath('dist/cli.js'), cwd).done.then(
      (html) => {
        if (this.panel !== panel) {
          return;
        }
        panel.webview.html = html;
        this.pageShown = true;
        this.refresh();
      },
      (e: Error) => {
        if (this.panel !== panel) {
          return;
        }
        this.state.lastError = e.message;
        this.log.warn(`Governance dashboard page failed: ${e.message}`);
        panel.webview.html = failurePage(e.message);
      },
    );
  }

  /** A save refreshes an open dashboard once edits pause (a hidden one when it shows again). */
  saved(): void {
    if (!this.panel) {
      return;
    }
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), SAVE_DEBOUNCE_MS);
  }

  snapshot(): DashboardState {
    return { ...this.state };
  }

  private folder(): vscode.WorkspaceFolder | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  }

  private refresh(): void {
    const panel = this.panel;
    if (!panel || !this.pageShown) {
      return; // showPage() refreshes once the page is there
    }
    const folder = this.folder();
    if (!folder || folder.uri.scheme !== 'file') {
      void panel.webview.postMessage({ type: 'status', text: 'Open a folder to see its governance figures.', error: true });
      return;
    }
    this.run?.cancel();
    this.stale = false;
    const config = vscode.workspace.getConfiguration('conductor', folder.uri);
    const run = runReport(this.context.asAbsolutePath('dist/cli.js'), folder.uri.fsPath, {
      configFile: config.get<string>('configFile') || undefined,
      maxFileSizeMB: config.get<number>('maxFileSizeMB'),
      sarifFiles: config.get<string[]>('report.sarifFiles'),
    });
    this.run = run;
    this.state.folder = folder.uri.fsPath;
    void panel.webview.postMessage({ type: 'status', text: `Computing the report for ${folder.name}…`, busy: true });
    run.done.then(
      (report) => {
        if (this.run !== run) {
          return;
        }
        this.run = undefined;
        this.state.runs++;
        this.state.lastError = undefined;
        const share = report.aiShare.share;
        this.status.detail = `AI share ${share === null ? '–' : `${(share * 100).toFixed(1)}%`}, ${report.review.lines.unreviewed} unreviewed AI lines`;
        void this.panel?.webview.postMessage({ type: 'report', report, status: `Updated ${new Date().toLocaleTimeString()}` });
      },
      (e: Error) => {
        if (e instanceof ReportCancelled || this.run !== run) {
          return;
        }
        this.run = undefined;
        this.state.lastError = e.message;
        this.log.warn(`Governance report failed: ${e.message}`);
        void this.panel?.webview.postMessage({ type: 'status', text: `The report failed: ${e.message.split('\n')[0]}`, error: true });
      },
    );
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.run?.cancel();
    this.panel?.dispose();
    this.status.dispose();
  }
}

/** Why there is no dashboard: text only, nothing runs. */
function failurePage(message: string): string {
  const text = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>The governance dashboard could not be drawn: ${text}</p></body></html>`;
}

export function registerDashboard(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const dashboard = new Dashboard(context, log);
  return [
    dashboard,
    vscode.commands.registerCommand(SHOW_DASHBOARD, () => dashboard.show()),
    vscode.commands.registerCommand(DASHBOARD_STATE, () => dashboard.snapshot()),
    vscode.workspace.onDidSaveTextDocument(() => dashboard.saved()),
  ];
}
