// The repository report's panels that draw more than a card or a table: the AI-share trend, the
// folder heat map with the tools, the review status, and other scanners' split.
import type UPlot from 'uplot';
import type { GovernanceReport, SarifSplit } from '../../schema';
import { barChart, baseAxis, charts, percentRange, percentValue } from './charts';
import { add, card, cssVar, el, fixed, num, panel, pct, table, withAlpha } from './dom';

export function trendChart(box: HTMLElement, r: GovernanceReport): void {
  const t = r.aiShare.trend;
  const pts = t.points
    .map((p): [number, number | null, number] => {
      const x = Date.parse(t.sampling === 'week' ? p.date + 'T00:00:00Z' : p.time) / 1000;
      return [x, p.share === null ? null : p.share * 100, p.ai];
    })
    .sort((a, b) => a[0] - b[0]);
  const fg = cssVar('--fg');
  const grid = cssVar('--grid');
  const ai = cssVar('--ai');
  const human = cssVar('--human');
  const opts: UPlot.Options = {
    width: Math.max(200, box.clientWidth),
    height: 240,
    scales: {
      x: { time: true },
      pct: { range: percentRange },
      lines: { range: (_u, _min, max) => [0, Math.max(10, (max || 0) * 1.15)] },
    },
    axes: [
      baseAxis(fg, grid),
      Object.assign(baseAxis(fg, grid), { scale: 'pct', values: (_u: UPlot, v: number[]) => v.map((x) => x + '%') }),
      Object.assign(baseAxis(fg, grid), { scale: 'lines', side: 1 as const, grid: { show: false } }),
    ],
    series: [
      {},
      { label: 'AI share', scale: 'pct', stroke: ai, width: 2, fill: withAlpha(ai, 0.15), points: { show: pts.length < 60, size: 5, fill: ai }, value: percentValue },
      {
        label: 'AI lines',
        scale: 'lines',
        stroke: human,
        width: 1.5,
        dash: [5, 4],
        points: { show: false },
        value: (_u, v) => (v === null || v === undefined ? '\u2013' : num(v)),
      },
    ],
    legend: { live: false },
    cursor: { drag: { x: false, y: false } },
  };
  const data: UPlot.AlignedData = [pts.map((p) => p[0]), pts.map((p) => p[1]), pts.map((p) => p[2])];
  const u = new uPlot(opts, data, box);
  if (pts.length === 1) {
    // uPlot spans a single point over years; show the week around it instead.
    u.setScale('x', { min: pts[0][0] - 4 * 86400, max: pts[0][0] + 4 * 86400 });
  }
  charts.push({ id: 'trend', box, height: 240, points: pts.length, u });
}

export function heatMap(box: HTMLElement, r: GovernanceReport): void {
  const folders = r.aiShare.byFolder;
  const lines = (f: { ai: number; human: number }): number => f.ai + f.human;
  const tops = folders.filter((f) => f.depth === 1).sort((a, b) => lines(b) - lines(a) || (a.folder < b.folder ? -1 : 1));
  if (tops.length === 0) {
    add(box, el('div', 'empty', 'No files.'));
    return;
  }
  const heat = add(box, el('div', 'heat'));
  tops.slice(0, 14).forEach((top) => {
    const row = add(heat, el('div', 'heat-row'));
    const subs = folders.filter((f) => f.depth === 2 && f.folder.indexOf(top.folder + '/') === 0).sort((a, b) => lines(b) - lines(a));
    [top, ...subs.slice(0, 11)].forEach((f, i) => {
      const bucket = f.share === null ? 0 : Math.min(10, Math.round(f.share * 10));
      const t = add(row, el('div', 'tile h' + bucket + (i === 0 ? ' top' : '')));
      t.title = f.folder + ': ' + pct(f.share) + ' AI (' + num(f.ai) + ' of ' + num(lines(f)) + ' lines)';
      add(t, el('div', 'name', i === 0 ? f.folder + (f.folder === '.' ? '' : '/') : f.folder.slice(top.folder.length + 1) + '/'));
      const p = add(t, el('div', 'pct', pct(f.share, 0)));
      p.appendChild(document.createTextNode(' '));
      add(p, el('span', 'lines', num(lines(f)) + ' ln'));
    });
    if (subs.length > 11) {
      add(row, el('div', 'tile', '+' + (subs.length - 11) + ' more'));
    }
  });
  if (tops.length > 14) {
    add(box, el('div', 'muted', '+' + (tops.length - 14) + ' more top-level folders'));
  }
  if (r.aiShare.byTool.length > 0) {
    add(box, el('div', 'muted tools-title', 'AI lines by tool'));
    const most = Math.max(...r.aiShare.byTool.map((t) => t.ai), 1);
    const tools = add(box, el('div', 'minibars'));
    r.aiShare.byTool.slice(0, 8).forEach((t) => {
      add(tools, el('span', null, t.tool)).title = t.blocks + ' blocks';
      const bar = add(add(tools, el('div', 'track')), el('div', 'bar bg-ai'));
      bar.style.width = (100 * t.ai) / most + '%';
      add(tools, el('span', 'num', num(t.ai)));
    });
  }
  const scale = add(box, el('div', 'legend-scale'));
  add(scale, el('span', null, '0%'));
  [0, 2, 4, 6, 8, 10].forEach((b) => add(scale, el('span', 'sw h' + b)));
  add(scale, el('span', null, '100% AI'));
}

export function reviewPanel(box: HTMLElement, r: GovernanceReport): void {
  const rv = r.review;
  const total = rv.lines.reviewed + rv.lines.unreviewed;
  if (total === 0) {
    add(box, el('div', 'empty', 'No AI-generated lines.'));
    return;
  }
  const stack = add(box, el('div', 'stack'));
  const a = add(stack, el('div', 'bg-ok'));
  a.style.width = (100 * rv.lines.reviewed) / total + '%';
  a.title = num(rv.lines.reviewed) + ' reviewed lines';
  const b = add(stack, el('div', 'bg-warn'));
  b.style.width = (100 * rv.lines.unreviewed) / total + '%';
  b.title = num(rv.lines.unreviewed) + ' unreviewed lines';
  const keys = add(box, el('div', 'keys'));
  const key = (cls: string, text: string): void => {
    const k = add(keys, el('span'));
    add(k, el('span', 'sw ' + cls));
    k.appendChild(document.createTextNode(text));
  };
  key('bg-ok', 'Reviewed ' + num(rv.lines.reviewed) + ' lines (' + rv.blocks.reviewed + ' blocks)');
  key('bg-warn', 'Unreviewed ' + num(rv.lines.unreviewed) + ' lines (' + rv.blocks.unreviewed + ' blocks)');
  const age = rv.unreviewedAge;
  add(
    box,
    el('div', 'muted', 'Age of unreviewed blocks (from at=): median ' + (age.medianDays === null ? '\u2013' : age.medianDays.toFixed(1) + ' d') + (age.withoutAt ? ', ' + age.withoutAt + ' without at=' : '')),
  );
  const max = Math.max(...age.histogram.map((h) => h.count), 1);
  const mini = add(box, el('div', 'minibars'));
  age.histogram.forEach((h) => {
    add(mini, el('span', 'muted', h.label));
    const track = add(mini, el('div', 'track'));
    const bar = add(track, el('div', 'bar'));
    bar.style.width = (100 * h.count) / max + '%';
    add(mini, el('span', 'num', h.count));
  });
}

/** Other scanners' SARIF results split by AI vs human lines (report --sarif); returns the chart's box. */
export function scannersPanel(parent: HTMLElement, sc: SarifSplit): HTMLElement {
  const box = panel(
    parent,
    'Other scanners: findings per 1,000 lines, AI vs human',
    num(sc.results) +
      ' results from ' +
      sc.files.length +
      (sc.files.length === 1 ? ' SARIF file' : ' SARIF files') +
      (sc.revisions.length ? ' at ' + sc.revisions.map((x) => x.slice(0, 10)).join(', ') : ''),
  );
  box.id = 'scanners';
  const cards = add(box, el('div', 'cards'));
  card(
    cards,
    'All scanners',
    [
      ['span', 'ai', fixed(sc.aiPer1000, 1)],
      ['small', null, ' AI vs '],
      ['span', 'human', fixed(sc.humanPer1000, 1)],
    ],
    num(sc.ai) + ' on ' + num(sc.lines.ai) + ' AI lines, ' + num(sc.human) + ' on ' + num(sc.lines.human) + ' human lines',
  );
  const un = sc.unattributed;
  if (un.total > 0) {
    card(cards, 'Not attributed', [num(un.total)], un.notInScope + ' not in scope · ' + un.outsideRoot + ' outside the root · ' + un.noFile + ' without a file · ' + un.noLine + ' without a line');
  }
  const chart = add(box, el('div', 'chart'));
  chart.id = 'chart-scanners';
  const grid = add(box, el('div', 'grid2'));
  const rules = add(grid, el('div'));
  add(rules, el('div', 'muted', 'By rule'));
  table(
    rules,
    ['Tool', 'Rule', 'AI', 'Human', 'AI / 1k', 'Human / 1k'],
    sc.byRule.slice(0, 15).map((x) => [x.tool, x.ruleId, num(x.ai), num(x.human), fixed(x.aiPer1000, 2), fixed(x.humanPer1000, 2)]),
    [false, false, true, true, true, true],
  );
  const levels = add(grid, el('div'));
  add(levels, el('div', 'muted', 'By level'));
  table(
    levels,
    ['Level', 'AI', 'Human', 'AI / 1k', 'Human / 1k'],
    sc.byLevel.map((x) => [x.level, num(x.ai), num(x.human), fixed(x.aiPer1000, 2), fixed(x.humanPer1000, 2)]),
    [false, true, true, true, true],
  );
  return chart;
}

export function scannersChart(box: HTMLElement, sc: SarifSplit): void {
  if (sc.byTool.length === 0) {
    add(box, el('div', 'empty', 'No results on counted lines.'));
    return;
  }
  barChart(
    'scanners',
    box,
    sc.byTool.map((t) => t.tool),
    [
      { label: 'Per 1k AI lines', color: '--ai', values: sc.byTool.map((t) => t.aiPer1000) },
      { label: 'Per 1k human lines', color: '--human', values: sc.byTool.map((t) => t.humanPer1000) },
    ],
    (v) => fixed(v, 1),
  );
}
