// DOM and chart helpers shared by the report page and the organisation page, as script text spliced
// into each page's IIFE (where \`charts\` is defined). Plain ES2017, no template literals.
export const PAGE_HELPERS = String.raw`
  function cssVar(name) {
    return getComputedStyle(document.body).getPropertyValue(name).trim() || '#888888';
  }
  var probe = null;
  function withAlpha(color, alpha) {
    probe = probe || document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    if (!probe) { return color; }
    probe.clearRect(0, 0, 1, 1);
    probe.fillStyle = '#000';
    probe.fillStyle = color;
    probe.fillRect(0, 0, 1, 1);
    var d = probe.getImageData(0, 0, 1, 1).data;
    return 'rgba(' + d[0] + ',' + d[1] + ',' + d[2] + ',' + alpha + ')';
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function add(parent, child) { parent.appendChild(child); return child; }
  // Charts keep their height and follow the root's width, one resize per animation frame.
  function followResize(root) {
    var pending = 0;
    function resize() {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(function () {
        charts.forEach(function (c) {
          var w = Math.max(200, c.box.clientWidth);
          if (w !== c.u.width) { c.u.setSize({ width: w, height: c.height }); }
        });
      });
    }
    if (typeof ResizeObserver === 'function') { new ResizeObserver(resize).observe(root); } else { window.addEventListener('resize', resize); }
  }
  function pct(v, digits) { return v === null || v === undefined ? '\u2013' : (v * 100).toFixed(digits === undefined ? 1 : digits) + '%'; }
  function num(v) { return v === null || v === undefined ? '\u2013' : Number(v).toLocaleString('en-US'); }
  function fixed(v, d) { return v === null || v === undefined ? '\u2013' : Number(v).toFixed(d); }
  function card(parent, label, valueParts, note) {
    var c = add(parent, el('div', 'card'));
    add(c, el('div', 'label', label));
    var v = add(c, el('div', 'value'));
    valueParts.forEach(function (p) { add(v, typeof p === 'string' ? document.createTextNode(p) : el(p[0], p[1], p[2])); });
    if (note) { add(c, el('div', 'note', note)); }
    return c;
  }
  function panel(parent, title, note) {
    var p = add(parent, el('section', 'panel'));
    var h = add(p, el('h2', null, title));
    if (note) { h.appendChild(document.createTextNode(' ')); add(h, el('span', 'muted', note)); }
    return p;
  }

  function destroyCharts() {
    charts.forEach(function (c) { c.u.destroy(); });
    charts.length = 0;
  }

  function baseAxis(fg, grid) {
    return { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: '11px ' + cssVar('--font') };
  }

  function barChart(id, box, labels, defs, fmt, integer) {
    var xs = labels.map(function (_l, i) { return i; });
    var fg = cssVar('--fg'), grid = cssVar('--grid');
    var bars = uPlot.paths.bars({ size: [0.62, 72] });
    var opts = {
      width: Math.max(200, box.clientWidth), height: 220,
      scales: {
        x: { time: false, range: function () { return [-0.5, labels.length - 0.5]; } },
        y: { range: function (u, min, max) { return [0, max > 0 ? max * 1.18 : 1]; } }
      },
      axes: [
        Object.assign(baseAxis(fg, grid), { grid: { show: false }, ticks: { show: false },
          splits: function () { return xs; }, values: function (u, splits) { return splits.map(function (i) { return labels[i] === undefined ? '' : labels[i]; }); } }),
        Object.assign(baseAxis(fg, grid), integer ? { values: function (u, v) { return v.map(fmt); }, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000] }
          : { values: function (u, v) { return v.map(fmt); } })
      ],
      series: [{ label: '', value: function (u, v) { return v === null || v === undefined ? '' : (labels[v] === undefined ? '' : labels[v]); } }].concat(defs.map(function (d) {
        var c = cssVar(d.color);
        return { label: d.label, stroke: c, fill: withAlpha(c, 0.8), width: 1, paths: bars, points: { show: false },
          value: function (u, v) { return v === null || v === undefined ? '\u2013' : fmt(v); } };
      })),
      legend: { show: defs.length > 1, live: false },
      cursor: { drag: { x: false, y: false }, points: { show: false } }
    };
    var data = [xs].concat(defs.map(function (d) { return d.values; }));
    charts.push({ id: id, box: box, height: 220, points: labels.length, u: new uPlot(opts, data, box) });
  }

  function table(box, head, rows, numeric) {
    var t = add(box, el('table'));
    var tr = add(add(t, el('thead')), el('tr'));
    head.forEach(function (h, i) { add(tr, el('th', numeric[i] ? 'num' : null, h)); });
    var tb = add(t, el('tbody'));
    rows.forEach(function (r) {
      var row = add(tb, el('tr'));
      r.forEach(function (c, i) {
        var cell = add(row, el('td', numeric[i] ? 'num' : null));
        if (c && typeof c === 'object') { cell.textContent = c.text; cell.className = (cell.className ? cell.className + ' ' : '') + c.cls; } else { cell.textContent = String(c); }
      });
    });
  }
`;
