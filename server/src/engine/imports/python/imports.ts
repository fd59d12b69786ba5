// Import declarations of Python, Go and Java. Candidates are statement starts; each is confirmed to be
// code (not inside a comment or string, per the engine's lexer spans) and then read token by token.
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

const GO_IMPORT = /^[ \t]*import(?=[ \t(])/gm;

/** `import "fmt"`, `import f "fmt"`, `import ( "a"; b "c"; _ "d" )`. */
export function goImports(text: string, spans: Spans): ImportRef[] {
  const out: ImportRef[] = [];
  for (const m of text.matchAll(GO_IMPORT)) {
    const kw = m.index + m[0].length - 'import'.length;
    if (kindAt(spans, kw) !== 'code') {
      continue;
    }
    let j = skipGo(text, m.index + m[0].length);
    const block = text[j] === '(';
    if (block) {
      j++;
    }
    while (j < text.length) {
      j = skipGo(text, j);
      if (text[j] === ')') {
        break;
      }
      // optional package name: identifier, `.` or `_`
      const name = /[\p{L}_][\p{L}\p{N}_]*|\./uy;
      name.lastIndex = j;
      const nm = name.exec(text);
      if (nm && text[j] !== '"' && text[j] !== '`') {
        j = skipGo(text, j + nm[0].length);
      }
      const q = text[j];
      if (q !== '"' && q !== '`') {
        break;
      }
      const close = text.indexOf(q, j + 1);
      if (close === -1 || (q === '"' && text.slice(j, close).includes('\n'))) {
        break;
      }
      out.push({ specifier: text.slice(j + 1, close), start: j, end: close + 1, kind: 'import', typeOnly: false });
      j = close + 1;
      if (!block) {
        break;
      }
    }
  }
  return out;
}

function skipGo(text: string, j: number): number {
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 59 /* ; */) {
      j++;
    } else if (text.startsWith('//', j)) {
      const e = text.indexOf('\n', j);
      j = e === -1 ? text.length : e;
    } else if (text.startsWith('/*', j)) {
      const e = text.indexOf('*/', j + 2);
      j = e === -1 ? text.length : e + 2;
    } else {
      break;
    }
  }
  return j;
}

const JAVA_IMPORT = /^[ \t]*import[ \t]+(static[ \t]+)?([\p{L}_$][\p{L}\p{N}_$]*(?:[ \t]*\.[ \t]*(?:[\p{L}_$][\p{L}\p{N}_$]*|\*))*)[ \t]*;/gmu;
const JAVA_PACKAGE = /^[ \t]*package[ \t]+([\p{L}_$][\p{L}\p{N}_$.]*)[ \t]*;/mu;

/** `import a.b.C;`, `import a.b.*;`, `import static a.b.C.m;` (specifier without spaces). */
export function javaImports(text: string, spans: Spans): ImportRef[] {
  const out: ImportRef[] = [];
  for (const m of text.matchAll(JAVA_IMPORT)) {
    const start = m.index + m[0].indexOf(m[2], m[0].indexOf('import') + 6);
    if (kindAt(spans, m.index + m[0].indexOf('import')) !== 'code') {
      continue;
    }
    out.push({ specifier: m[2].replace(/[ \t]/g, ''), start, end: start + m[2].length, kind: 'import', typeOnly: false, ...(m[1] ? { name: 'static' } : {}) });
  }
  return out;
}

/** The `package a.b;` declaration of a Java file, if any (in code). */
export function javaPackage(text: string, spans: Spans): string | undefined {
  const m = JAVA_PACKAGE.exec(text);
  return m && kindAt(spans, m.index + m[0].indexOf('package')) === 'code' ? m[1] : undefined;
}
