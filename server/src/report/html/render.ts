// One self-contained HTML page for the report: style, uPlot, the page script and the data inline;
// a CSP that allows nothing remote (scripts and styles only with this page's nonce). The same page
// is the `--format html` file and, with mode 'webview', the editor's dashboard.
import { randomBytes } from 'crypto';
import type { OrgReport } from '../org-schema';
import type { GovernanceReport } from '../schema';
import { pageScript } from './page-scripts';
import { PAGE_CSS } from './page-style';
import { uplotAssets } from './uplot-assets';

export interface PageOptions {
  /** 'file': a standalone HTML file; 'webview': VS Code's theme variables, data posted by the extension. */
  mode: 'file' | 'webview';
  /** The report to show now (the webview may start without one and receive it by message). */
  report?: GovernanceReport;
  /** Fresh per page; generated when omitted. */
  nonce?: string;
  title?: string;
}

export function newNonce(): string {
  return randomBytes(18).toString('base64').replace(/[+/=]/g, '');
}

/** JSON that is safe inside a <script> element: no `</script>`, no `<!--`, no JS line separators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value ?? null)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The Content-Security-Policy of the page: nothing from anywhere, only its own nonce'd inline script
 * and styles (the webview loads no resource either, so it needs no `webview.cspSource`).
 */
export function pageCsp(nonce: string): string {
  return ["default-src 'none'", `script-src 'nonce-${nonce}'`, `style-src 'nonce-${nonce}'`, "img-src data:", "base-uri 'none'", "form-action 'none'"].join('; ');
}

export function renderPage(o: PageOptions): string {
  const title = o.title ?? (o.report ? `Governance report — ${o.report.repository.name}` : 'Governance report');
  return page({ mode: o.mode, title, data: o.report, script: pageScript('report'), nonce: o.nonce });
}

/** The organisation view of merged reports (`report --merge --format html`): the same shell, its own script. */
export function renderOrgPage(org: OrgReport, nonce?: string): string {
  return page({ mode: 'file', title: `Governance report — ${org.repositories.length} repositories`, data: org, script: pageScript('org'), nonce });
}

function page(o: { mode: 'file' | 'webview'; title: string; data: unknown; script: string; nonce?: string }): string {
  const nonce = o.nonce ?? newNonce();
  const { js, css } = uplotAssets();
  const inline = (code: string): string => code.replace(/<\/(script)/gi, '<\\/$1');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(pageCsp(nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(o.title)}</title>
<style nonce="${nonce}">${inline(css)}</style>
<style nonce="${nonce}">${inline(PAGE_CSS)}</style>
</head>
<body class="${o.mode === 'webview' ? 'vscode' : 'file'}">
<main id="app"><noscript>This report draws its figures with JavaScript; open it in a browser with scripts enabled, or use conductor report --format text.</noscript></main>
<script type="application/json" id="report-data" nonce="${nonce}">${o.data ? scriptJson(o.data) : ''}</script>
<script nonce="${nonce}">${inline(js)}</script>
<script nonce="${nonce}">${inline(o.script)}</script>
</body>
</html>
`;
}
