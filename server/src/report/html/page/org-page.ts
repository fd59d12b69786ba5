// The organisation page (`report --merge --format html`): totals, the weekly AI-share trend, and
// per-team and per-repository tables, built with DOM calls only (repository and team names are
// never markup).
import type UPlot from 'uplot';
import type { OrgFigures, OrgReport, OrgTrendPoint } from '../../org-schema';
import { barChart, baseAxis, charts, followResize, percentRange, percentValue } from './charts';
import { add, card, el, fixed, num, panel, pct, table, cssVar, withAlpha, type Cell } from './dom';

const app = document.getElementById('app')!;
window.conductorCharts = charts;

function rates(a: number | null, b: number | null): string {
  return fixed(a, 1) + ' vs ' + fixed(b, 1);
}

function trendChart(box: HTMLElement, trend: OrgTrendPoint[]): void {
  const fg = cssVar('--fg');
  const grid = cssVar('--grid');
  const ai = cssVar('--ai');
  const xs = trend.map((p) => Date.parse(p.week + 'T00:00:00Z') / 1000);
  const opts: UPlot.Options = {
    width: Math.max(200, box.clientWidth),
    height: 240,
    scales: { x: { time: true }, pct: { range: percentRange } },
    axes: [baseAxis(fg, grid), Object.assign(baseAxis(fg, grid), { scale: 'pct', values: (_u: UPlot, v: number[]) => v.map((x) => x + '%') })],
    series: [{}, { label: 'AI share', scale: 'pct', stroke: ai, width: 2, fill: withAlpha(ai, 0.15), points: { show: xs.length < 60, size: 5, fill: ai }, value: percentValue }],
    legend: { live: false },
    cursor: { drag: { x: false, y: false } },
  };
  const u = new uPlot(opts, [xs, trend.map((p) => (p.share === null ? null : p.share * 100))], box);
  if (xs.length === 1) {
    u.setScale('x', { min: xs[0] - 4 * 86400, max: xs[0] + 4 * 86400 });
  }
  charts.push({ id: 'org-trend', box, height: 240, points: xs.length, u });
}

function figureRow(label: string, team: string | null | undefined, f: OrgFigures): Cell[] {
  return [
    label,
    ...(team === undefined ? [] : [team === null ? '\u2013' : team]),
    num(f.repositories),
    num(f.lines.ai + f.lines.human),
    pct(f.aiShare),
    num(f.unreviewedAiLines),
    pct(f.rework.ai.rate, 0) + ' vs ' + pct(f.rework.human.rate, 0),
    fixed(f.findings.per1000, 1),
    rates(f.findings.aiPer1000, f.findings.humanPer1000),
    f.scanners ? rates(f.scanners.aiPer1000, f.scanners.humanPer1000) : '\u2013',
  ];
}
const HEAD = ['Repos', 'Lines', 'AI share', 'Unreviewed AI', 'Rework AI vs human', 'Findings / 1k', 'Findings / 1k AI vs human', 'Scanners / 1k AI vs human'];

function render(): void {
  const raw = document.getElementById('report-data')!.textContent ?? '';
  let org: OrgReport;
  try {
    org = JSON.parse(raw) as OrgReport;
  } catch (e) {
    add(app, el('div', 'empty status error', 'The embedded report could not be read: ' + (e as Error).message));
    return;
  }
  const t = org.total;
  const header = add(app, el('header'));
  add(header, el('h1', null, 'Organisation governance report'));
  add(header, el('div', 'sub', org.repositories.length + ' repositories \u00b7 ' + org.teams.length + ' teams \u00b7 generated ' + new Date(org.generatedAt).toLocaleString()));
  const cards = add(app, el('div', 'cards'));
  card(cards, 'AI share', [['span', 'ai', pct(t.aiShare)]], num(t.lines.ai) + ' of ' + num(t.lines.ai + t.lines.human) + ' lines');
  card(cards, 'Unreviewed AI lines', [num(t.unreviewedAiLines)], 'across ' + t.repositories + ' repositories');
  card(
    cards,
    'Rework',
    [
      ['span', 'ai', pct(t.rework.ai.rate, 0)],
      ['small', null, ' AI vs '],
      ['span', 'human', pct(t.rework.human.rate, 0)],
    ],
    num(t.rework.ai.reworked) + '/' + num(t.rework.ai.added) + ' AI, ' + num(t.rework.human.reworked) + '/' + num(t.rework.human.added) + ' human lines',
  );
  card(
    cards,
    'Findings / 1k lines',
    [
      ['span', 'ai', fixed(t.findings.aiPer1000, 1)],
      ['small', null, ' AI vs '],
      ['span', 'human', fixed(t.findings.humanPer1000, 1)],
    ],
    num(t.findings.total) + ' findings \u00b7 ' + fixed(t.findings.per1000, 1) + ' per 1k lines',
  );
  if (t.scanners) {
    card(
      cards,
      'Other scanners / 1k lines',
      [
        ['span', 'ai', fixed(t.scanners.aiPer1000, 1)],
        ['small', null, ' AI vs '],
        ['span', 'human', fixed(t.scanners.humanPer1000, 1)],
      ],
      num(t.scanners.ai + t.scanners.human) + ' results in ' + t.scanners.repositories + ' repositories',
    );
  }
  const trendBox = add(panel(app, 'AI share over time', 'all repositories, weekly'), el('div', 'chart'));
  trendBox.id = 'chart-org-trend';
  const teamsBox = add(panel(app, 'AI share by team'), el('div', 'chart'));
  teamsBox.id = 'chart-teams';
  const teams = panel(app, 'Teams');
  teams.id = 'teams';
  table(
    teams,
    ['Team', ...HEAD],
    org.teams.map((x) => figureRow(x.team === null ? '(no team)' : x.team, undefined, x)),
    [false, true, true, true, true, false, true, false, false],
  );
  const repos = panel(app, 'Repositories');
  repos.id = 'repositories';
  table(repos, ['Repository', 'Team', ...HEAD], org.repositories.map((x) => figureRow(x.name, x.team, x)), [false, false, true, true, true, true, false, true, false, false]);
  add(app, el('footer', null, 'Conductor ' + org.tool.version + ' \u00b7 org report schema v' + org.schemaVersion + ' \u00b7 ' + org.sources.length + ' reports merged \u00b7 methods: docs/metrics.md'));
  if (typeof uPlot === 'undefined') {
    [trendBox, teamsBox].forEach((b) => add(b, el('div', 'empty', 'Charts unavailable.')));
    return;
  }
  if (org.trend.length > 0) {
    trendChart(trendBox, org.trend);
  } else {
    add(trendBox, el('div', 'empty', 'No history in the merged reports.'));
  }
  if (org.teams.length > 0) {
    barChart(
      'teams',
      teamsBox,
      org.teams.map((x) => (x.team === null ? '(no team)' : x.team)),
      [{ label: 'AI share', color: '--ai', values: org.teams.map((x) => (x.aiShare === null ? null : x.aiShare * 100)) }],
      (v) => Math.round(v * 10) / 10 + '%',
    );
  }
}

followResize(app);
render();
