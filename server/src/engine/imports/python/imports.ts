// Python import statements. Candidates are statement starts; each is confirmed to be code (not inside a
// comment or string, per the engine's lexer spans) and then read token by token.
import { kindAt, type Spans } from '../../text/lexer';
import type { ImportRef } from '../types';

const PY_STATEMENT = /^[ \t]*(from|import)(?=[ \t\\(])/gm;
const PY_NAME = /[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*/y;

/**
 * `import a.b as c, d`, `from ..pkg.mod import (x, y as z)`, `from . import x`. One ref per imported
 * module; for `from M import n1, n2` one ref per name (each may be a submodule of M) with `name` set.
 * The specifier carries the relative level as leading dots.
 */
export function pythonImports(text: string, spans: Spans): ImportRef[] {
  const out: ImportRef[] = [];
  for (const m of text.matchAll(PY_STATEMENT)) {
    const kwStart = m.index + m[0].length - m[1].length;
    if (kindAt(spans, kwStart) !== 'code') {
      continue;
    }
    const r = new PyReader(text, kwStart + m[1].length);
    if (m[1] === 'import') {
      do {
        const mod = r.dotted();
        if (!mod) {
          break;
        }
        out.push({ specifier: mod.text, start: mod.start, end: mod.end, kind: 'import', typeOnly: false });
        if (r.word() === 'as') {
          r.take();
          r.name();
        }
      } while (r.punct(','));
      continue;
    }
    // from [dots][module] import names
    const start = r.pos();
    let dots = '';
    while (r.punct('.')) {
      dots += '.';
    }
    const mod = r.peekName() && !(dots && r.word() === 'import') ? r.dotted() : undefined;
    if ((!mod && !dots) || r.word() !== 'import') {
      continue;
    }
    r.take();
    const spec = dots + (mod?.text ?? '');
    const range = { start: dots ? start : mod!.start, end: mod ? mod.end : r.lastDotEnd };
    const paren = r.punct('(');
    r.inParens = paren;
    let any = false;
    while (true) {
      if (r.punct('*')) {
        out.push({ specifier: spec, ...range, kind: 'import', typeOnly: false });
        any = true;
        break;
      }
      const name = r.name();
      if (!name) {
        break;
      }
      out.push({ specifier: spec, ...range, kind: 'import', typeOnly: false, name });
      any = true;
      if (r.word() === 'as') {
        r.take();
        r.name();
      }
      if (!r.punct(',')) {
        break;
      }
    }
    if (!any) {
      out.push({ specifier: spec, ...range, kind: 'import', typeOnly: false });
    }
  }
  return out;
}

/** Reads Python tokens of one logical line (or a parenthesised list across lines). */
class PyReader {
  inParens = false;
  lastDotEnd = 0;
  constructor(
    private readonly text: string,
    private j: number,
  ) {}

  pos(): number {
    this.skip();
    return this.j;
  }

  private skip(): void {
    const t = this.text;
    while (this.j < t.length) {
      const c = t.charCodeAt(this.j);
      if (c === 32 || c === 9 || c === 12) {
        this.j++;
      } else if (c === 92 && (t.charCodeAt(this.j + 1) === 10 || t.charCodeAt(this.j + 1) === 13)) {
        this.j += t.charCodeAt(this.j + 1) === 13 && t.charCodeAt(this.j + 2) === 10 ? 3 : 2;
      } else if (this.inParens && (c === 10 || c === 13)) {
        this.j++;
      } else if (this.inParens && c === 35) {
        const e = t.indexOf('\n', this.j);
        this.j = e === -1 ? t.length : e;
      } else {
        break;
      }
    }
  }

  punct(ch: string): boolean {
    this.skip();
    if (this.text[this.j] === ch) {
      this.j++;
      if (ch === '.') {
        this.lastDotEnd = this.j;
      }
      return true;
    }
    return false;
  }

  peekName(): boolean {
    this.skip();
    PY_NAME.lastIndex = this.j;
    return PY_NAME.test(this.text);
  }

  word(): string | undefined {
    this.skip();
    PY_NAME.lastIndex = this.j;
    const m = PY_NAME.exec(this.text);
    return m?.[0];
  }

  take(): void {
    const w = this.word();
    this.j += w?.length ?? 0;
  }

  name(): string | undefined {
    const w = this.word();
    if (w !== undefined) {
      this.j += w.length;
    }
    return w;
  }

  /** `a.b.c` with its offsets. */
  dotted(): { text: string; start: number; end: number } | undefined {
    const first = this.word();
    if (!first) {
      return undefined;
    }
    const start = this.j;
    this.j += first.length;
    let end = this.j;
    while (this.text[this.j] === '.') {
      PY_NAME.lastIndex = this.j + 1;
      const m = PY_NAME.exec(this.text);
      if (!m) {
        break;
      }
      this.j = end = this.j + 1 + m[0].length;
    }
    return { text: this.text.slice(start, end), start, end };
  }
}
