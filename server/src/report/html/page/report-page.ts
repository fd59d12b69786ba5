// The repository report page: it builds the page from the report JSON (embedded in the HTML file,
// or posted by the extension to the webview) with DOM calls only — no innerHTML, so paths and rule
// ids from the repository are never markup — and draws the charts with the inlined uPlot.
import type { GovernanceReport } from '../../schema';
import { barChart, charts, destroyCharts, followResize } from './charts';
import { add, card, el, fixed, num, panel, pct, table } from './dom';
import { heatMap, reviewPanel, scannersChart, scannersPanel, trendChart } from './report-panels';

interface Status {
  text: string;
  busy: boolean;
  error: boolean;
}

const vscodeApi = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : null;
const app = document.getElementById('app')!;
let report: GovernanceReport | null = null;
let status: Status = { text: '', busy: false, error: false };
try {
  const dataEl = document.getElementById('report-data');
  const raw = dataEl ? dataEl.textContent : '';
  report = raw && raw.trim() ? (JSON.parse(raw) as GovernanceReport) : null;
} catch (e) {
  report = null;
  status = { text: 'The embedded report could not be read: ' + (e as Error).message, busy: false, error: true };
}
if (!report && vscodeApi && !status.error) {
  status = { text: 'Computing the report\u2026', busy: true, error: false };
}
window.conductorCharts = charts;

function dur(s: number | null): string {
  if (s === null || s === undefined) {
    return '\u2013';
  }
  if (s < 3600) {
    return Math.round(s / 60) + ' min';
  }
  if (s < 2 * 86400) {
    return (s / 3600).toFixed(1) + ' h';
  }
  return (s / 86400).toFixed(1) + ' d';
}

function toolbar(parent: HTMLElement): void {
  if (!vscodeApi) {
    return;
  }
  const bar = add(parent, el('div', 'toolbar'));
  const btn = add(bar, el('button', null, 'Refresh'));
  btn.addEventListener('click', () => vscodeApi.postMessage({ type: 'refresh' }));
  add(bar, el('span', 'status' + (status.error ? ' error' : ' muted'), status.text));
}

function render(): void {
  destroyCharts();
  app.textContent = '';
  const r = report;
  const header = add(app, el('header'));
  add(header, el('h1', null, 'Governance report' + (r ? ' \u2014 ' + r.repository.name : '')));
  if (r) {
    const sub = r.repository.git
      ? r.repository.commits + (r.repository.commits === 1 ? ' commit' : ' commits') + (r.repository.branch ? ' on ' + r.repository.branch : '') + ', HEAD ' + (r.repository.head || '').slice(0, 10)
      : 'Not a git repository: trend, rework and lead time need history';
    add(header, el('div', 'sub', sub + ' \u00b7 generated ' + new Date(r.generatedAt).toLocaleString()));
  }
  toolbar(header);
  if (!r) {
    add(app, el('div', 'empty' + (status.error ? ' status error' : ''), status.text || 'No report.'));
    notify();
    return;
  }
  const s = r.aiShare;
  const rv = r.review;
  const rw = r.rework;
  const lt = r.leadTime;
  const p = r.policy;
  const cards = add(app, el('div', 'cards'));
  card(cards, 'AI share', [['span', 'ai', pct(s.share)]], num(s.lines.ai) + ' of ' + num(s.lines.ai + s.lines.human) + ' lines \u00b7 ' + s.blocks + ' blocks');
  card(
    cards,
    'Unreviewed AI lines',
    [num(rv.lines.unreviewed)],
    pct(rv.reviewedShare) + ' reviewed \u00b7 median age ' + (rv.unreviewedAge.medianDays === null ? '\u2013' : rv.unreviewedAge.medianDays.toFixed(1) + ' d'),
  );
  card(
    cards,
    'Rework within ' + rw.windowDays + ' d',
    [
      ['span', 'ai', pct(rw.ai.rate, 0)],
      ['small', null, ' AI vs '],
      ['span', 'human', pct(rw.human.rate, 0)],
    ],
    num(rw.ai.reworked) + '/' + num(rw.ai.added) + ' AI, ' + num(rw.human.reworked) + '/' + num(rw.human.added) + ' human lines',
  );
  card(cards, 'Review lead time', [dur(lt.medianSeconds), ['small', null, ' median']], 'p90 ' + dur(lt.p90Seconds) + ' \u00b7 ' + lt.reviewed + ' of ' + lt.blocks + ' blocks reviewed');
  card(
    cards,
    'Findings / 1k lines',
    [
      ['span', 'ai', fixed(p.aiRegions.insidePer1000, 1)],
      ['small', null, ' AI vs '],
      ['span', 'human', fixed(p.aiRegions.outsidePer1000, 1)],
    ],
    num(p.findings.total) + ' findings \u00b7 ' + p.findings.bySeverity.error + ' errors',
  );
  card(cards, 'Secrets \u00b7 boundaries', [String(p.secrets), ['small', null, ' \u00b7 '], String(p.boundaryViolations)], 'secret findings \u00b7 boundary violations');

  const trend = panel(app, 'AI share over time', s.trend.sampling === 'week' ? 'one commit per week' : s.trend.sampling === 'commit' ? 'every commit' : '');
  const trendBox = add(trend, el('div', 'chart'));
  trendBox.id = 'chart-trend';

  const row1 = add(app, el('div', 'grid2'));
  heatMap(add(panel(row1, 'AI share by folder', 'top level and second level'), el('div')), r);
  reviewPanel(add(panel(row1, 'Review status', 'AI lines'), el('div')), r);

  const row2 = add(app, el('div', 'grid2'));
  const reworkBox = add(panel(row2, 'Rework within ' + rw.windowDays + ' days', 'share of added lines changed or deleted'), el('div', 'chart'));
  reworkBox.id = 'chart-rework';
  const layersBox = add(panel(row2, 'Findings by layer', num(p.findings.total) + ' findings' + (p.findings.baselined ? ', ' + p.findings.baselined + ' baselined' : '')), el('div', 'chart'));
  layersBox.id = 'chart-layers';

  const row3 = add(app, el('div', 'grid2'));
  const rules = panel(row3, 'Top rules');
  if (p.findings.byRule.length === 0) {
    add(rules, el('div', 'empty', 'No findings.'));
  } else {
    table(
      rules,
      ['Rule', 'Severity', 'Findings'],
      p.findings.byRule.slice(0, 12).map((x) => [x.ruleId, { text: x.severity, cls: 'sev-' + x.severity }, num(x.count)]),
      [false, false, true],
    );
  }
  const langs = panel(row3, 'By language');
  table(
    langs,
    ['Language', 'Lines', 'AI lines', 'AI share'],
    s.byLanguage.slice(0, 12).map((l) => [l.language, num(l.ai + l.human), num(l.ai), pct(l.share)]),
    [false, true, true, true],
  );

  const scannersBox = r.scanners ? scannersPanel(app, r.scanners) : null;

  add(
    app,
    el(
      'footer',
      null,
      'Conductor ' + r.tool.version + ' \u00b7 report schema v' + r.schemaVersion + ' \u00b7 history ' + (r.options.since ? 'since ' + r.options.since.slice(0, 10) : 'complete') + ' \u00b7 methods: docs/metrics.md',
    ),
  );

  if (typeof uPlot === 'undefined') {
    [trendBox, reworkBox, layersBox, ...(scannersBox ? [scannersBox] : [])].forEach((b) => add(b, el('div', 'empty', 'Charts unavailable.')));
    notify();
    return;
  }
  if (s.trend.points.length > 0) {
    trendChart(trendBox, r);
  } else {
    add(trendBox, el('div', 'empty', r.repository.git ? 'No commits in the period.' : 'No git history.'));
  }
  if (rw.ai.added + rw.human.added > 0) {
    barChart(
      'rework',
      reworkBox,
      ['AI lines', 'Human lines'],
      [
        { label: 'AI', color: '--ai', values: [rw.ai.rate === null ? null : rw.ai.rate * 100, null] },
        { label: 'Human', color: '--human', values: [null, rw.human.rate === null ? null : rw.human.rate * 100] },
      ],
      (v) => Math.round(v * 10) / 10 + '%',
    );
  } else {
    add(reworkBox, el('div', 'empty', r.repository.git ? 'No lines old enough: the window has not closed yet.' : 'No git history.'));
  }
  if (p.findings.byLayer.length > 0) {
    barChart(
      'layers',
      layersBox,
      p.findings.byLayer.map((l) => l.layer),
      [{ label: 'Findings', color: '--accent', values: p.findings.byLayer.map((l) => l.count) }],
      (v) => num(Math.round(v)),
      true,
    );
  } else {
    add(layersBox, el('div', 'empty', 'No findings.'));
  }
  if (scannersBox && r.scanners) {
    scannersChart(scannersBox, r.scanners);
  }
  notify();
}

function notify(): void {
  if (vscodeApi) {
    vscodeApi.postMessage({
      type: 'rendered',
      hasReport: !!report,
      share: report ? report.aiShare.share : null,
      charts: charts.map((c) => ({ id: c.id, width: c.u.width, height: c.u.height, points: c.points })),
    });
  }
}

/** What the extension posts to the webview. */
type Message = { type: 'report'; report: GovernanceReport; status?: string } | { type: 'status'; text?: string; busy?: boolean; error?: boolean };

followResize(app);
// VS Code changes the body's classes when the colour theme changes: redraw with the new colours.
new MutationObserver(() => render()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
window.addEventListener('message', (ev: MessageEvent) => {
  const m = ev.data as Message | null;
  if (!m || typeof m !== 'object') {
    return;
  }
  if (m.type === 'report') {
    report = m.report;
    status = { text: m.status || '', busy: false, error: false };
    render();
  } else if (m.type === 'status') {
    status = { text: m.text || '', busy: !!m.busy, error: !!m.error };
    const line = document.querySelector('.toolbar .status');
    // With a report on screen only the status line changes: no redraw while the next report is computed.
    if (report && line) {
      line.textContent = status.text;
      line.className = 'status' + (status.error ? ' error' : ' muted');
    } else {
      render();
    }
  }
});
render();
