// The report page's script, as text: it builds the page from the report JSON (embedded in the HTML
// file, or posted by the extension to the webview) with DOM calls only — no innerHTML, so paths and
// rule ids from the repository are never markup — and draws the charts with the inlined uPlot.
// Plain ES2017 without template literals, because it lives in one.
import { PAGE_HELPERS } from './page-helpers';

export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var vscodeApi = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : null;
  var app = document.getElementById('app');
  var report = null;
  var status = { text: '', busy: false, error: false };
  try {
    var dataEl = document.getElementById('report-data');
    var raw = dataEl ? dataEl.textContent : '';
    report = raw && raw.trim() ? JSON.parse(raw) : null;
  } catch (e) {
    report = null;
    status = { text: 'The embedded report could not be read: ' + e.message, busy: false, error: true };
  }
  if (!report && vscodeApi && !status.error) {
    status = { text: 'Computing the report\u2026', busy: true, error: false };
  }
  var charts = [];
  window.conductorCharts = charts;
${PAGE_HELPERS}

  function dur(s) {
    if (s === null || s === undefined) { return '\u2013'; }
    if (s < 3600) { return Math.round(s / 60) + ' min'; }
    if (s < 2 * 86400) { return (s / 3600).toFixed(1) + ' h'; }
    return (s / 86400).toFixed(1) + ' d';
  }

  function trendChart(box, r) {
    var t = r.aiShare.trend;
    var pts = t.points.map(function (p) {
      var x = Date.parse(t.sampling === 'week' ? p.date + 'T00:00:00Z' : p.time) / 1000;
      return [x, p.share === null ? null : p.share * 100, p.ai];
    }).sort(function (a, b) { return a[0] - b[0]; });
    var fg = cssVar('--fg'), grid = cssVar('--grid'), ai = cssVar('--ai'), human = cssVar('--human');
    var opts = {
      width: Math.max(200, box.clientWidth), height: 240,
      scales: {
        x: { time: true },
        pct: { range: function (u, min, max) { return [0, Math.max(10, Math.ceil(((max || 0) + 1) / 10) * 10)]; } },
        lines: { range: function (u, min, max) { return [0, Math.max(10, (max || 0) * 1.15)]; } }
      },
      axes: [
        baseAxis(fg, grid),
        Object.assign(baseAxis(fg, grid), { scale: 'pct', values: function (u, v) { return v.map(function (x) { return x + '%'; }); } }),
        Object.assign(baseAxis(fg, grid), { scale: 'lines', side: 1, grid: { show: false } })
      ],
      series: [
        {},
        { label: 'AI share', scale: 'pct', stroke: ai, width: 2, fill: withAlpha(ai, 0.15), points: { show: pts.length < 60, size: 5, fill: ai },
          value: function (u, v) { return v === null || v === undefined ? '\u2013' : v.toFixed(1) + '%'; } },
        { label: 'AI lines', scale: 'lines', stroke: human, width: 1.5, dash: [5, 4], points: { show: false },
          value: function (u, v) { return v === null || v === undefined ? '\u2013' : num(v); } }
      ],
      legend: { live: false },
      cursor: { drag: { x: false, y: false } }
    };
    var data = [pts.map(function (p) { return p[0]; }), pts.map(function (p) { return p[1]; }), pts.map(function (p) { return p[2]; })];
    var u = new uPlot(opts, data, box);
    if (pts.length === 1) {
      // uPlot spans a single point over years; show the week around it instead.
      u.setScale('x', { min: pts[0][0] - 4 * 86400, max: pts[0][0] + 4 * 86400 });
    }
    charts.push({ id: 'trend', box: box, height: 240, points: pts.length, u: u });
  }

  function heatMap(box, r) {
    var folders = r.aiShare.byFolder;
    var tops = folders.filter(function (f) { return f.depth === 1; }).sort(function (a, b) { return (b.ai + b.human) - (a.ai + a.human) || (a.folder < b.folder ? -1 : 1); });
    if (tops.length === 0) { add(box, el('div', 'empty', 'No files.')); return; }
    var heat = add(box, el('div', 'heat'));
    tops.slice(0, 14).forEach(function (top) {
      var row = add(heat, el('div', 'heat-row'));
      var subs = folders.filter(function (f) { return f.depth === 2 && f.folder.indexOf(top.folder + '/') === 0; })
        .sort(function (a, b) { return (b.ai + b.human) - (a.ai + a.human); });
      [top].concat(subs.slice(0, 11)).forEach(function (f, i) {
        var bucket = f.share === null ? 0 : Math.min(10, Math.round(f.share * 10));
        var t = add(row, el('div', 'tile h' + bucket + (i === 0 ? ' top' : '')));
        t.title = f.folder + ': ' + pct(f.share) + ' AI (' + num(f.ai) + ' of ' + num(f.ai + f.human) + ' lines)';
        add(t, el('div', 'name', i === 0 ? f.folder + (f.folder === '.' ? '' : '/') : f.folder.slice(top.folder.length + 1) + '/'));
        var p = add(t, el('div', 'pct', pct(f.share, 0)));
        p.appendChild(document.createTextNode(' '));
        add(p, el('span', 'lines', num(f.ai + f.human) + ' ln'));
      });
      if (subs.length > 11) { add(row, el('div', 'tile', '+' + (subs.length - 11) + ' more')); }
    });
    if (tops.length > 14) { add(box, el('div', 'muted', '+' + (tops.length - 14) + ' more top-level folders')); }
    if (r.aiShare.byTool.length > 0) {
      add(box, el('div', 'muted tools-title', 'AI lines by tool'));
      var most = Math.max.apply(null, r.aiShare.byTool.map(function (t) { return t.ai; }).concat([1]));
      var tools = add(box, el('div', 'minibars'));
      r.aiShare.byTool.slice(0, 8).forEach(function (t) {
        add(tools, el('span', null, t.tool)).title = t.blocks + ' blocks';
        var bar = add(add(tools, el('div', 'track')), el('div', 'bar bg-ai'));
        bar.style.width = (100 * t.ai / most) + '%';
        add(tools, el('span', 'num', num(t.ai)));
      });
    }
    var scale = add(box, el('div', 'legend-scale'));
    add(scale, el('span', null, '0%'));
    [0, 2, 4, 6, 8, 10].forEach(function (b) { add(scale, el('span', 'sw h' + b)); });
    add(scale, el('span', null, '100% AI'));
  }

  function reviewPanel(box, r) {
    var rv = r.review;
    var total = rv.lines.reviewed + rv.lines.unreviewed;
    if (total === 0) { add(box, el('div', 'empty', 'No AI-generated lines.')); return; }
    var stack = add(box, el('div', 'stack'));
    var a = add(stack, el('div', 'bg-ok'));
    a.style.width = (100 * rv.lines.reviewed / total) + '%';
    a.title = num(rv.lines.reviewed) + ' reviewed lines';
    var b = add(stack, el('div', 'bg-warn'));
    b.style.width = (100 * rv.lines.unreviewed / total) + '%';
    b.title = num(rv.lines.unreviewed) + ' unreviewed lines';
    var keys = add(box, el('div', 'keys'));
    var k1 = add(keys, el('span')); add(k1, el('span', 'sw bg-ok')); k1.appendChild(document.createTextNode('Reviewed ' + num(rv.lines.reviewed) + ' lines (' + rv.blocks.reviewed + ' blocks)'));
    var k2 = add(keys, el('span')); add(k2, el('span', 'sw bg-warn')); k2.appendChild(document.createTextNode('Unreviewed ' + num(rv.lines.unreviewed) + ' lines (' + rv.blocks.unreviewed + ' blocks)'));
    var age = rv.unreviewedAge;
    add(box, el('div', 'muted', 'Age of unreviewed blocks (from at=): median ' + (age.medianDays === null ? '\u2013' : age.medianDays.toFixed(1) + ' d') +
      (age.withoutAt ? ', ' + age.withoutAt + ' without at=' : '')));
    var max = Math.max.apply(null, age.histogram.map(function (h) { return h.count; }).concat([1]));
    var mini = add(box, el('div', 'minibars'));
    age.histogram.forEach(function (h) {
      add(mini, el('span', 'muted', h.label));
      var track = add(mini, el('div', 'track'));
      var bar = add(track, el('div', 'bar'));
      bar.style.width = (100 * h.count / max) + '%';
      add(mini, el('span', 'num', h.count));
    });
  }

  // Other scanners' SARIF results split by AI vs human lines (report --sarif).
  function scannersPanel(parent, sc) {
    var box = panel(parent, 'Other scanners: findings per 1,000 lines, AI vs human',
      num(sc.results) + ' results from ' + sc.files.length + (sc.files.length === 1 ? ' SARIF file' : ' SARIF files') +
      (sc.revisions.length ? ' at ' + sc.revisions.map(function (x) { return x.slice(0, 10); }).join(', ') : ''));
    box.id = 'scanners';
    var cards = add(box, el('div', 'cards'));
    card(cards, 'All scanners', [['span', 'ai', fixed(sc.aiPer1000, 1)], ['small', null, ' AI vs '], ['span', 'human', fixed(sc.humanPer1000, 1)]],
      num(sc.ai) + ' on ' + num(sc.lines.ai) + ' AI lines, ' + num(sc.human) + ' on ' + num(sc.lines.human) + ' human lines');
    if (sc.unattributed.total > 0) {
      card(cards, 'Not attributed', [num(sc.unattributed.total)], sc.unattributed.notInScope + ' not in scope · ' + sc.unattributed.outsideRoot + ' outside the root · ' +
        sc.unattributed.noFile + ' without a file · ' + sc.unattributed.noLine + ' without a line');
    }
    var chart = add(box, el('div', 'chart'));
    chart.id = 'chart-scanners';
    var grid = add(box, el('div', 'grid2'));
    var rules = add(grid, el('div'));
    add(rules, el('div', 'muted', 'By rule'));
    table(rules, ['Tool', 'Rule', 'AI', 'Human', 'AI / 1k', 'Human / 1k'], sc.byRule.slice(0, 15).map(function (x) {
      return [x.tool, x.ruleId, num(x.ai), num(x.human), fixed(x.aiPer1000, 2), fixed(x.humanPer1000, 2)];
    }), [false, false, true, true, true, true]);
    var levels = add(grid, el('div'));
    add(levels, el('div', 'muted', 'By level'));
    table(levels, ['Level', 'AI', 'Human', 'AI / 1k', 'Human / 1k'], sc.byLevel.map(function (x) {
      return [x.level, num(x.ai), num(x.human), fixed(x.aiPer1000, 2), fixed(x.humanPer1000, 2)];
    }), [false, true, true, true, true]);
    return chart;
  }

  function scannersChart(box, sc) {
    if (sc.byTool.length === 0) { add(box, el('div', 'empty', 'No results on counted lines.')); return; }
    barChart('scanners', box, sc.byTool.map(function (t) { return t.tool; }), [
      { label: 'Per 1k AI lines', color: '--ai', values: sc.byTool.map(function (t) { return t.aiPer1000; }) },
      { label: 'Per 1k human lines', color: '--human', values: sc.byTool.map(function (t) { return t.humanPer1000; }) }
    ], function (v) { return fixed(v, 1); });
  }

  function toolbar(parent) {
    if (!vscodeApi) { return; }
    var bar = add(parent, el('div', 'toolbar'));
    var btn = add(bar, el('button', null, 'Refresh'));
    btn.addEventListener('click', function () { vscodeApi.postMessage({ type: 'refresh' }); });
    add(bar, el('span', 'status' + (status.error ? ' error' : ' muted'), status.text));
  }

  function render() {
    destroyCharts();
    app.textContent = '';
    var r = report;
    var header = add(app, el('header'));
    add(header, el('h1', null, 'Governance report' + (r ? ' \u2014 ' + r.repository.name : '')));
    if (r) {
      var sub = r.repository.git
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
    var s = r.aiShare, rv = r.review, rw = r.rework, lt = r.leadTime, p = r.policy;
    var cards = add(app, el('div', 'cards'));
    card(cards, 'AI share', [['span', 'ai', pct(s.share)]], num(s.lines.ai) + ' of ' + num(s.lines.ai + s.lines.human) + ' lines \u00b7 ' + s.blocks + ' blocks');
    card(cards, 'Unreviewed AI lines', [num(rv.lines.unreviewed)], pct(rv.reviewedShare) + ' reviewed \u00b7 median age ' + (rv.unreviewedAge.medianDays === null ? '\u2013' : rv.unreviewedAge.medianDays.toFixed(1) + ' d'));
    card(cards, 'Rework within ' + rw.windowDays + ' d', [['span', 'ai', pct(rw.ai.rate, 0)], ['small', null, ' AI vs '], ['span', 'human', pct(rw.human.rate, 0)]],
      num(rw.ai.reworked) + '/' + num(rw.ai.added) + ' AI, ' + num(rw.human.reworked) + '/' + num(rw.human.added) + ' human lines');
    card(cards, 'Review lead time', [dur(lt.medianSeconds), ['small', null, ' median']], 'p90 ' + dur(lt.p90Seconds) + ' \u00b7 ' + lt.reviewed + ' of ' + lt.blocks + ' blocks reviewed');
    card(cards, 'Findings / 1k lines', [['span', 'ai', fixed(p.aiRegions.insidePer1000, 1)], ['small', null, ' AI vs '], ['span', 'human', fixed(p.aiRegions.outsidePer1000, 1)]],
      num(p.findings.total) + ' findings \u00b7 ' + p.findings.bySeverity.error + ' errors');
    card(cards, 'Secrets \u00b7 boundaries', [String(p.secrets), ['small', null, ' \u00b7 '], String(p.boundaryViolations)], 'secret findings \u00b7 boundary violations');

    var trend = panel(app, 'AI share over time', s.trend.sampling === 'week' ? 'one commit per week' : s.trend.sampling === 'commit' ? 'every commit' : '');
    var trendBox = add(trend, el('div', 'chart'));
    trendBox.id = 'chart-trend';

    var row1 = add(app, el('div', 'grid2'));
    heatMap(add(panel(row1, 'AI share by folder', 'top level and second level'), el('div')), r);
    reviewPanel(add(panel(row1, 'Review status', 'AI lines'), el('div')), r);

    var row2 = add(app, el('div', 'grid2'));
    var reworkBox = add(panel(row2, 'Rework within ' + rw.windowDays + ' days', 'share of added lines changed or deleted'), el('div', 'chart'));
    reworkBox.id = 'chart-rework';
    var layersBox = add(panel(row2, 'Findings by layer', num(p.findings.total) + ' findings' + (p.findings.baselined ? ', ' + p.findings.baselined + ' baselined' : '')), el('div', 'chart'));
    layersBox.id = 'chart-layers';

    var row3 = add(app, el('div', 'grid2'));
    var rules = panel(row3, 'Top rules');
    if (p.findings.byRule.length === 0) { add(rules, el('div', 'empty', 'No findings.')); } else {
      table(rules, ['Rule', 'Severity', 'Findings'], p.findings.byRule.slice(0, 12).map(function (x) { return [x.ruleId, { text: x.severity, cls: 'sev-' + x.severity }, num(x.count)]; }), [false, false, true]);
    }
    var langs = panel(row3, 'By language');
    table(langs, ['Language', 'Lines', 'AI lines', 'AI share'], s.byLanguage.slice(0, 12).map(function (l) { return [l.language, num(l.ai + l.human), num(l.ai), pct(l.share)]; }), [false, true, true, true]);

    var scannersBox = r.scanners ? scannersPanel(app, r.scanners) : null;

    add(app, el('footer', null, 'Conductor ' + r.tool.version + ' \u00b7 report schema v' + r.schemaVersion +
      ' \u00b7 history ' + (r.options.since ? 'since ' + r.options.since.slice(0, 10) : 'complete') + ' \u00b7 methods: docs/metrics.md'));

    if (typeof uPlot === 'undefined') {
      [trendBox, reworkBox, layersBox].concat(scannersBox ? [scannersBox] : []).forEach(function (b) { add(b, el('div', 'empty', 'Charts unavailable.')); });
      notify();
      return;
    }
    if (s.trend.points.length > 0) { trendChart(trendBox, r); } else { add(trendBox, el('div', 'empty', r.repository.git ? 'No commits in the period.' : 'No git history.')); }
    if (rw.ai.added + rw.human.added > 0) {
      barChart('rework', reworkBox, ['AI lines', 'Human lines'], [
        { label: 'AI', color: '--ai', values: [rw.ai.rate === null ? null : rw.ai.rate * 100, null] },
        { label: 'Human', color: '--human', values: [null, rw.human.rate === null ? null : rw.human.rate * 100] }
      ], function (v) { return (Math.round(v * 10) / 10) + '%'; });
    } else { add(reworkBox, el('div', 'empty', r.repository.git ? 'No lines old enough: the window has not closed yet.' : 'No git history.')); }
    if (p.findings.byLayer.length > 0) {
      barChart('layers', layersBox, p.findings.byLayer.map(function (l) { return l.layer; }), [
        { label: 'Findings', color: '--accent', values: p.findings.byLayer.map(function (l) { return l.count; }) }
      ], function (v) { return num(Math.round(v)); }, true);
    } else { add(layersBox, el('div', 'empty', 'No findings.')); }
    if (scannersBox) { scannersChart(scannersBox, r.scanners); }
    notify();
  }

  function notify() {
    if (vscodeApi) {
      vscodeApi.postMessage({ type: 'rendered', hasReport: !!report, share: report ? report.aiShare.share : null,
        charts: charts.map(function (c) { return { id: c.id, width: c.u.width, height: c.u.height, points: c.points }; }) });
    }
  }

  followResize(app);
  // VS Code changes the body's classes when the colour theme changes: redraw with the new colours.
  new MutationObserver(function () { render(); }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  window.addEventListener('message', function (ev) {
    var m = ev.data;
    if (!m || typeof m !== 'object') { return; }
    if (m.type === 'report') { report = m.report; status = { text: m.status || '', busy: false, error: false }; render(); }
    else if (m.type === 'status') {
      status = { text: m.text || '', busy: !!m.busy, error: !!m.error };
      var line = document.querySelector('.toolbar .status');
      // With a report on screen only the status line changes: no redraw while the next report is computed.
      if (report && line) { line.textContent = status.text; line.className = 'status' + (status.error ? ' error' : ' muted'); } else { render(); }
    }
  });
  render();
})();
`;
