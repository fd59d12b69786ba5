// DOM building blocks of the report pages: elements with text (never markup, so paths and names
// from a repository stay text), figures formatted for reading, cards, panels and tables.

export function el(tag: string, cls?: string | null, text?: unknown): HTMLElement {
  const e = document.createElement(tag);
  if (cls) {
    e.className = cls;
  }
  if (text !== undefined && text !== null) {
    e.textContent = String(text);
  }
  return e;
}

export function add<T extends Node>(parent: Node, child: T): T {
  parent.appendChild(child);
  return child;
}

export function cssVar(name: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || '#888888';
}

let probe: CanvasRenderingContext2D | null = null;

/** Any CSS colour as rgba() with `alpha` (the canvas resolves the colour's syntax). */
export function withAlpha(color: string, alpha: number): string {
  probe = probe || document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!probe) {
    return color;
  }
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = '#000';
  probe.fillStyle = color;
  probe.fillRect(0, 0, 1, 1);
  const d = probe.getImageData(0, 0, 1, 1).data;
  return 'rgba(' + d[0] + ',' + d[1] + ',' + d[2] + ',' + alpha + ')';
}

const DASH = '\u2013';
type Figure = number | null | undefined;

export function pct(v: Figure, digits?: number): string {
  return v === null || v === undefined ? DASH : (v * 100).toFixed(digits === undefined ? 1 : digits) + '%';
}

export function num(v: Figure): string {
  return v === null || v === undefined ? DASH : Number(v).toLocaleString('en-US');
}

export function fixed(v: Figure, d: number): string {
  return v === null || v === undefined ? DASH : Number(v).toFixed(d);
}

/** A card's value: text, or [tag, class, text] for a styled part. */
export type ValuePart = string | [string, string | null, string];

export function card(parent: Node, label: string, valueParts: ValuePart[], note?: string): HTMLElement {
  const c = add(parent, el('div', 'card'));
  add(c, el('div', 'label', label));
  const v = add(c, el('div', 'value'));
  valueParts.forEach((p) => {
    add(v, typeof p === 'string' ? document.createTextNode(p) : el(p[0], p[1], p[2]));
  });
  if (note) {
    add(c, el('div', 'note', note));
  }
  return c;
}

export function panel(parent: Node, title: string, note?: string): HTMLElement {
  const p = add(parent, el('section', 'panel'));
  const h = add(p, el('h2', null, title));
  if (note) {
    h.appendChild(document.createTextNode(' '));
    add(h, el('span', 'muted', note));
  }
  return p;
}

/** A table cell: text, or text with a class. */
export type Cell = string | number | { text: string; cls: string };

export function table(box: Node, head: string[], rows: Cell[][], numeric: boolean[]): void {
  const t = add(box, el('table'));
  const tr = add(add(t, el('thead')), el('tr'));
  head.forEach((h, i) => {
    add(tr, el('th', numeric[i] ? 'num' : null, h));
  });
  const tb = add(t, el('tbody'));
  rows.forEach((r) => {
    const row = add(tb, el('tr'));
    r.forEach((c, i) => {
      const cell = add(row, el('td', numeric[i] ? 'num' : null));
      if (c && typeof c === 'object') {
        cell.textContent = c.text;
        cell.className = (cell.className ? cell.className + ' ' : '') + c.cls;
      } else {
        cell.textContent = String(c);
      }
    });
  });
}
