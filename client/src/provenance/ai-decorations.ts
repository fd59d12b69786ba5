import * as vscode from 'vscode';
import type { AiRegion } from '../../../server/src/engine/provenance';
import { provenanceSettings } from './provenance-settings';
import { regionsOf } from './regions';

/**
 * Shows AI regions: a theme-aware background and overview-ruler mark, a hover on the markers,
 * and an "AI lines / total" figure for the active file. Updates are debounced, not per keystroke.
 */
export class AiDecorations implements vscode.Disposable {
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('diffEditor.unchangedRegionBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.infoForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  private readonly status = vscode.window.createStatusBarItem('conductor.aiShare', vscode.StatusBarAlignment.Right, 90);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.status.name = 'Conductor AI share';
    this.status.command = 'conductor.showOutput';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refresh()),
      vscode.workspace.onDidChangeTextDocument(() => this.refreshSoon()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('conductor.provenance') && this.refresh()),
      vscode.languages.registerHoverProvider({ scheme: 'file' }, { provideHover: (d, p) => this.hover(d, p) }),
    );
    this.refresh();
  }

  private refreshSoon(): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => this.refresh(), 150);
  }

  refresh(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const show = provenanceSettings(editor.document.uri).decorations;
      const regions = show ? regionsOf(editor.document).regions : [];
      editor.setDecorations(this.decoration, regions.map((r) => new vscode.Range(r.beginLine, 0, r.endLine, 0)));
    }
    const active = vscode.window.activeTextEditor?.document;
    if (!active || active.uri.scheme !== 'file') {
      this.status.hide();
      return;
    }
    const regions = regionsOf(active).regions;
    const aiLines = regions.reduce((n, r) => n + Math.max(0, r.endLine - r.beginLine - 1), 0);
    const total = active.lineCount;
    this.status.text = `$(sparkle) AI ${aiLines}/${total}`;
    this.status.tooltip = `Conductor: ${aiLines} of ${total} lines in this file are marked AI-generated (${regions.length} block${regions.length === 1 ? '' : 's'}, ${regions.filter((r) => !r.reviewedBy).length} unreviewed).`;
    this.status.show();
  }

  private hover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const region = regionsOf(doc).regions.find((r) => pos.line === r.beginLine || pos.line === r.endLine);
    return region ? new vscode.Hover(describe(region), new vscode.Range(pos.line, 0, pos.line, doc.lineAt(pos.line).text.length)) : undefined;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    this.decoration.dispose();
    this.status.dispose();
  }
}

function describe(r: AiRegion): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**AI-generated block** \`${r.id}\` — ${r.endLine - r.beginLine - 1} lines\n\n`);
  md.appendMarkdown(`- Tool: ${r.tool}\n- Use case: ${r.useCase ?? '_none recorded_'}\n- Written: ${r.at ?? '_unknown_'}\n`);
  md.appendMarkdown(r.reviewedBy ? `- Reviewed by ${r.reviewedBy}${r.reviewedAt ? ` on ${r.reviewedAt}` : ''}\n` : '- **Not reviewed yet**: a human must review this block before it merges.\n');
  return md;
}
