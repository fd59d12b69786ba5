// The report page's style sheet. Colours are CSS variables: light/dark from the OS for the HTML file,
// VS Code's theme variables in the webview (body.vscode), so the page follows the editor's theme.
export const PAGE_CSS = `
:root {
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --card: #f6f8fa; --border: #d1d9e0;
  --ai: #8250df; --human: #0969da; --ok: #1a7f37; --warn: #9a6700; --err: #cf222e; --accent: #bc4c00;
  --grid: rgba(127, 127, 127, 0.18);
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --card: #151b23; --border: #3d444d;
    --ai: #ab7df8; --human: #4493f8; --ok: #3fb950; --warn: #d29922; --err: #f85149; --accent: #f0883e;
  }
}
body.vscode {
  --bg: var(--vscode-editor-background); --fg: var(--vscode-foreground); --muted: var(--vscode-descriptionForeground);
  --card: var(--vscode-editorWidget-background, var(--vscode-sideBar-background)); --border: var(--vscode-widget-border, var(--vscode-panel-border));
  --ai: var(--vscode-charts-purple); --human: var(--vscode-charts-blue); --ok: var(--vscode-charts-green);
  --warn: var(--vscode-charts-yellow); --err: var(--vscode-charts-red); --accent: var(--vscode-charts-orange);
  --font: var(--vscode-font-family);
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 13px/1.45 var(--font); }
#app { max-width: 1280px; margin: 0 auto; padding: 20px 24px 32px; }
header h1 { font-size: 20px; margin: 0 0 2px; font-weight: 600; }
header .sub, .muted { color: var(--muted); }
.toolbar { display: flex; gap: 12px; align-items: center; margin: 6px 0 0; }
.toolbar button { font: inherit; color: var(--vscode-button-foreground, #fff); background: var(--vscode-button-background, var(--human)); border: 0; border-radius: 3px; padding: 4px 12px; cursor: pointer; }
.toolbar button:hover { background: var(--vscode-button-hoverBackground, var(--human)); }
.status.error { color: var(--err); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 12px; margin: 18px 0; }
.card, .panel { background: var(--card); border: 1px solid var(--border); border-radius: 8px; padding: 12px 14px; min-width: 0; }
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card .value { font-size: 26px; font-weight: 600; margin: 4px 0 2px; white-space: nowrap; }
.card .value .ai { color: var(--ai); }
.card .value .human { color: var(--human); }
.card .value small { font-size: 14px; font-weight: 400; color: var(--muted); }
.card .note { color: var(--muted); font-size: 12px; }
.grid2 { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; margin-bottom: 12px; }
@media (max-width: 820px) { .grid2 { grid-template-columns: minmax(0, 1fr); } }
.panel { margin-bottom: 12px; }
.panel h2 { font-size: 14px; margin: 0 0 8px; font-weight: 600; }
.panel h2 .muted { font-weight: 400; font-size: 12px; }
.chart { width: 100%; min-height: 40px; }
.empty { color: var(--muted); padding: 24px 0; text-align: center; }
.heat { display: flex; flex-direction: column; gap: 6px; }
.heat-row { display: flex; gap: 6px; flex-wrap: wrap; }
.tile { width: 112px; min-height: 52px; border-radius: 6px; padding: 5px 7px; border: 1px solid var(--border); overflow: hidden; }
.tile.top { font-weight: 600; }
.tile .name { font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.tile .pct { font-size: 15px; font-weight: 600; }
.tile .lines { font-size: 11px; opacity: .8; font-weight: 400; }
.h0 { background: var(--card); }
.h1 { background: color-mix(in srgb, var(--ai) 10%, var(--card)); }
.h2 { background: color-mix(in srgb, var(--ai) 20%, var(--card)); }
.h3 { background: color-mix(in srgb, var(--ai) 30%, var(--card)); }
.h4 { background: color-mix(in srgb, var(--ai) 40%, var(--card)); }
.h5 { background: color-mix(in srgb, var(--ai) 50%, var(--card)); }
.h6 { background: color-mix(in srgb, var(--ai) 60%, var(--card)); }
.h7 { background: color-mix(in srgb, var(--ai) 70%, var(--card)); }
.h8 { background: color-mix(in srgb, var(--ai) 80%, var(--card)); }
.h9 { background: color-mix(in srgb, var(--ai) 90%, var(--card)); }
.h10 { background: var(--ai); }
.h6, .h7, .h8, .h9, .h10 { color: #fff; }
.legend-scale { display: flex; align-items: center; gap: 6px; margin-top: 10px; font-size: 11px; color: var(--muted); }
.legend-scale span.sw { width: 18px; height: 10px; border-radius: 2px; display: inline-block; }
.stack { display: flex; height: 22px; border-radius: 4px; overflow: hidden; background: var(--grid); margin: 8px 0; }
.stack div { height: 100%; }
.bg-ok { background: var(--ok); }
.bg-warn { background: var(--warn); }
.bg-ai { background: var(--ai); }
.bg-human { background: var(--human); }
.keys { display: flex; gap: 16px; flex-wrap: wrap; font-size: 12px; }
.keys span.sw { width: 10px; height: 10px; border-radius: 2px; display: inline-block; margin-right: 5px; vertical-align: -1px; }
.minibars { display: grid; grid-template-columns: 84px 1fr 48px; gap: 3px 8px; align-items: center; font-size: 12px; margin-top: 10px; }
.minibars .bar { height: 10px; border-radius: 2px; background: var(--warn); }
.minibars .bar.bg-ai { background: var(--ai); }
.tools-title { margin-top: 14px; }
.minibars span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.minibars .track { background: var(--grid); border-radius: 2px; }
table { width: 100%; border-collapse: collapse; font-size: 12px; }
th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid var(--border); }
th { color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.sev-error { color: var(--err); }
.sev-warning { color: var(--warn); }
footer { color: var(--muted); font-size: 11px; margin-top: 16px; }
.uplot { font-family: var(--font); }
.u-legend { color: var(--fg); font-size: 12px; }
.u-legend .u-marker { border-radius: 2px; }
`;
