// The pages' uPlot charts: one list (window.conductorCharts, which the tests read), resizing with
// the page, shared axis styling, and the bar chart both pages draw.
import type UPlot from 'uplot';
import { cssVar, withAlpha } from './dom';

export interface Chart {
  id: string;
  box: HTMLElement;
  height: number;
  points: number;
  u: UPlot;
}

export const charts: Chart[] = [];

/** Charts keep their height and follow the root's width, one resize per animation frame. */
export function followResize(root: HTMLElement): void {
  let pending = 0;
  function resize(): void {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      charts.forEach((c) => {
        const w = Math.max(200, c.box.clientWidth);
        if (w !== c.u.width) {
          c.u.setSize({ width: w, height: c.height });
        }
      });
    });
  }
  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(resize).observe(root);
  } else {
    window.addEventListener('resize', resize);
  }
}

export function destroyCharts(): void {
  charts.forEach((c) => c.u.destroy());
  charts.length = 0;
}

export function baseAxis(fg: string, grid: string): UPlot.Axis {
  return { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: '11px ' + cssVar('--font') };
}

/** The y range of a percentage scale: 0 to the next ten above the data, at least 10. */
export function percentRange(_u: UPlot, _min: number | null, max: number | null): UPlot.Range.MinMax {
  return [0, Math.max(10, Math.ceil(((max || 0) + 1) / 10) * 10)];
}

export function percentValue(_u: UPlot, v: number | null): string {
  return v === null || v === undefined ? '\u2013' : v.toFixed(1) + '%';
}

export interface BarSeries {
  label: string;
  /** A CSS variable holding the colour. */
  color: string;
  values: (number | null)[];
}

/** One group of bars per label, one bar per series; `integer` ticks for counts. */
export function barChart(id: string, box: HTMLElement, labels: string[], defs: BarSeries[], fmt: (v: number) => string, integer?: boolean): void {
  const xs = labels.map((_l, i) => i);
  const fg = cssVar('--fg');
  const grid = cssVar('--grid');
  const bars = uPlot.paths.bars!({ size: [0.62, 72] });
  const label = (i: number): string => (labels[i] === undefined ? '' : labels[i]);
  const opts: UPlot.Options = {
    width: Math.max(200, box.clientWidth),
    height: 220,
    scales: {
      x: { time: false, range: () => [-0.5, labels.length - 0.5] },
      y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.18 : 1] },
    },
    axes: [
      Object.assign(baseAxis(fg, grid), {
        grid: { show: false },
        ticks: { show: false },
        splits: () => xs,
        values: (_u: UPlot, splits: number[]) => splits.map(label),
      }),
      Object.assign(
        baseAxis(fg, grid),
        integer
          ? { values: (_u: UPlot, v: number[]) => v.map(fmt), incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000] }
          : { values: (_u: UPlot, v: number[]) => v.map(fmt) },
      ),
    ],
    series: [
      { label: '', value: (_u: UPlot, v: number | null) => (v === null || v === undefined ? '' : label(v)) } as UPlot.Series,
      ...defs.map((d): UPlot.Series => {
        const c = cssVar(d.color);
        return {
          label: d.label,
          stroke: c,
          fill: withAlpha(c, 0.8),
          width: 1,
          paths: bars,
          points: { show: false },
          value: (_u, v) => (v === null || v === undefined ? '\u2013' : fmt(v)),
        };
      }),
    ],
    legend: { show: defs.length > 1, live: false },
    cursor: { drag: { x: false, y: false }, points: { show: false } },
  };
  const data = [xs, ...defs.map((d) => d.values)] as UPlot.AlignedData;
  charts.push({ id, box, height: 220, points: labels.length, u: new uPlot(opts, data, box) });
}
