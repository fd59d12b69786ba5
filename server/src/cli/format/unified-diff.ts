// A small line diff (Myers' O(ND) algorithm) printed as a unified diff, for `conductor fix --dry-run`.
// Written here rather than shelling out to `git diff --no-index` so it works without git, on any OS,
// with the workspace path in the headers, and without temp files.

type Op = { kind: ' ' | '-' | '+'; text: string; oldNo: number; newNo: number };

/** `--- a/path` / `+++ b/path` and hunks with `context` lines around each change; '' when equal. */
export function unifiedDiff(relPath: string, before: string, after: string, context = 3): string {
  if (before === after) {
    return '';
  }
  const a = splitLines(before);
  const b = splitLines(after);
  // A last line without a newline differs from the same text with one: compare with a marker.
  const ops = diffLines(keys(a), keys(b));
  const out = [`--- a/${relPath}`, `+++ b/${relPath}`];
  let i = 0;
  while (i < ops.length) {
    while (i < ops.length && ops[i].kind === ' ') {
      i++;
    }
    if (i >= ops.length) {
      break;
    }
    const start = Math.max(0, i - context);
    let end = i;
    // Extend while the next change is close enough to share context.
    for (let j = i; j < ops.length; j++) {
      if (ops[j].kind !== ' ') {
        end = j;
      } else if (j - end > 2 * context) {
        break;
      }
    }
    const stop = Math.min(ops.length, end + context + 1);
    const hunk = ops.slice(start, stop);
    const oldLines = hunk.filter((o) => o.kind !== '+');
    const newLines = hunk.filter((o) => o.kind !== '-');
    const oldStart = oldLines.length > 0 ? oldLines[0].oldNo + 1 : firstBefore(ops, start, 'old');
    const newStart = newLines.length > 0 ? newLines[0].newNo + 1 : firstBefore(ops, start, 'new');
    out.push(`@@ -${range(oldStart, oldLines.length)} +${range(newStart, newLines.length)} @@`);
    for (const o of hunk) {
      out.push(o.kind + o.text.replace(NO_EOL, ''));
      const lastOld = o.kind !== '+' && o.oldNo === a.lines.length - 1 && a.noEol;
      const lastNew = o.kind !== '-' && o.newNo === b.lines.length - 1 && b.noEol;
      if ((o.kind === '-' && lastOld) || (o.kind === '+' && lastNew) || (o.kind === ' ' && (lastOld || lastNew))) {
        out.push('\\ No newline at end of file');
      }
    }
    i = stop;
  }
  return out.join('\n') + '\n';
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}

/** For an empty side of a hunk, the line number just before it (unified diff convention). */
function firstBefore(ops: Op[], index: number, side: 'old' | 'new'): number {
  let n = 0;
  for (let k = 0; k < index; k++) {
    if (side === 'old' ? ops[k].kind !== '+' : ops[k].kind !== '-') {
      n++;
    }
  }
  return n;
}

const NO_EOL = /\u0000$/;

function keys(s: { lines: string[]; noEol: boolean }): string[] {
  return s.noEol ? [...s.lines.slice(0, -1), `${s.lines[s.lines.length - 1]}\u0000`] : s.lines;
}

function splitLines(text: string): { lines: string[]; noEol: boolean } {
  if (text === '') {
    return { lines: [], noEol: false };
  }
  const lines = text.split('\n');
  const noEol = lines[lines.length - 1] !== '';
  if (!noEol) {
    lines.pop();
  }
  return { lines, noEol };
}

/** Edit script between two line arrays; common prefix and suffix are trimmed before Myers. */
export function diffLines(a: string[], b: string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) {
    pre++;
  }
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) {
    suf++;
  }
  const ops: Op[] = [];
  for (let k = 0; k < pre; k++) {
    ops.push({ kind: ' ', text: a[k], oldNo: k, newNo: k });
  }
  for (const o of myers(a.slice(pre, a.length - suf), b.slice(pre, b.length - suf))) {
    ops.push({ ...o, oldNo: o.oldNo + pre, newNo: o.newNo + pre });
  }
  for (let k = suf; k > 0; k--) {
    ops.push({ kind: ' ', text: a[a.length - k], oldNo: a.length - k, newNo: b.length - k });
  }
  return ops;
}

function myers(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    v = next;
  }
  trace.push(v);
  // Walk back from (n, m) through the saved frontiers.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: ' ', text: a[x], oldNo: x, newNo: y });
    }
    if (d > 0) {
      if (x === prevX) {
        y--;
        ops.push({ kind: '+', text: b[y], oldNo: x, newNo: y });
      } else {
        x--;
        ops.push({ kind: '-', text: a[x], oldNo: x, newNo: y });
      }
    }
  }
  return ops.reverse();
}
