import type { ImportKind, ImportRef } from '../types';

export interface JsScanOptions {
  /** Lex JSX elements (every JS/TS file except .ts/.mts/.cts, where `<T>x` is a type assertion). */
  jsx: boolean;
  /** Report `import`/`export … from`/`import()` too; otherwise only `require()` calls. */
  esm: boolean;
}

/**
 * A linear JavaScript/TypeScript tokenizer that finds module references in code only: it skips comments,
 * strings, template literals (but scans `${…}` substitutions), regular expressions (regex/division decided
 * by the previous token, as es-module-lexer and every JS lexer do) and JSX text. It is the fallback for
 * sources es-module-lexer rejects (JSX, half-typed code) and the `require()` finder for all sources.
 */
export function scanJs(text: string, options: JsScanOptions): ImportRef[] {
  return new JsScanner(text, options).run();
}

type PrevType = 'start' | 'punct' | 'kw' | 'value';
type Brace = 'block' | 'expr' | 'tpl' | { jsx: 'tag' | 'children'; depth: number };

/** After these keywords an expression starts, so `/` opens a regex and `<` may open JSX. */
const EXPR_KEYWORDS = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await', 'extends']);
const BLOCK_KEYWORDS = new Set(['else', 'try', 'finally', 'do']);
const CONTROL_HEADS = new Set(['if', 'while', 'for', 'with']);
const PROMISE_MEMBERS = new Set(['then', 'catch', 'finally']);
const MAX_CLAUSE_TOKENS = 400;

/** One-character punctuator strings, allocated once. */
const PUNCT = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

/** ASCII character classes for the tokenizer's hot loop (0: anything else). */
const WS = 1;
const DIGIT = 2;
const IDENT = 3;
const CHAR_CLASS = ((): Uint8Array => {
  const t = new Uint8Array(128);
  for (const c of [9, 10, 11, 12, 13, 32]) {
    t[c] = WS;
  }
  for (let c = 48; c <= 57; c++) {
    t[c] = DIGIT;
  }
  for (let c = 0; c < 128; c++) {
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 || c === 95) {
      t[c] = IDENT;
    }
  }
  return t;
})();

class JsScanner {
  private readonly n: number;
  private readonly out: ImportRef[] = [];
  private readonly seen = new Set<number>();
  private prevType: PrevType = 'start';
  private prevVal = '';
  private readonly parens: boolean[] = [];
  private readonly braces: Brace[] = [];
  /** Inside `declare module|global|namespace { … }` (TS ambient declarations, erased like es-module-lexer does): its brace depth. */
  private ambientDepth = -1;
  private ambientPending = false;

  constructor(
    private readonly text: string,
    private readonly o: JsScanOptions,
  ) {
    this.n = text.length;
  }

  run(): ImportRef[] {
    const { text, n } = this;
    let i = text.startsWith('#!') ? lineEnd(text, 0) : 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      const cls = c < 128 ? CHAR_CLASS[c] : c === 0xfeff || c === 0xa0 || c === 0x2028 || c === 0x2029 ? WS : IDENT;
      if (cls === WS) {
        i++;
        while (i < n) {
          const d = text.charCodeAt(i);
          if (d >= 128 || CHAR_CLASS[d] !== WS) {
            break;
          }
          i++;
        }
        continue;
      }
      if (c === 47 /* / */) {
        const d = text.charCodeAt(i + 1);
        if (d === 47) {
          i = lineEnd(text, i);
          continue;
        }
        if (d === 42) {
          const close = text.indexOf('*/', i + 2);
          i = close === -1 ? n : close + 2;
          continue;
        }
        if (this.exprStart()) {
          const end = scanRegex(text, i);
          if (end !== -1) {
            i = end;
            this.set('value', '/re/');
            continue;
          }
        }
        i += d === 61 ? 2 : 1;
        this.set('punct', '/');
        continue;
      }
      if (c === 39 || c === 34) {
        i = scanQuoted(text, i);
        this.set('value', '"');
        continue;
      }
      if (c === 96 /* ` */) {
        i = this.template(i + 1);
        continue;
      }
      if (cls === IDENT || c === 35 /* # */) {
        const start = i;
        i++;
        while (i < n) {
          const d = text.charCodeAt(i);
          if (d < 128 ? CHAR_CLASS[d] < DIGIT : !isIdentPart(d)) {
            break;
          }
          i++;
        }
        // Only lower-case words of keyword length can matter; longer names are plain values.
        const word = i - start <= 10 && c >= 97 && c <= 122 ? text.slice(start, i) : '';
        const afterDot = this.prevType === 'punct' && (this.prevVal === '.' || this.prevVal === '?.');
        if (!afterDot) {
          if (word === 'declare' && this.statementStart() && /^\s+(module|global|namespace)\b/.test(text.slice(i, i + 12))) {
            this.ambientPending = this.ambientDepth === -1;
          } else if (word === 'require') {
            this.requireCall(i);
          } else if (this.o.esm && word === 'import') {
            this.importAt(i);
          } else if (this.o.esm && word === 'export') {
            this.exportAt(i);
          }
        }
        this.set(!afterDot && EXPR_KEYWORDS.has(word) ? 'kw' : 'value', word);
        continue;
      }
      if (cls === DIGIT || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
        i = scanNumber(text, i);
        this.set('value', '0');
        continue;
      }
      i = this.punct(i, c);
    }
    return this.out;
  }

  private statementStart(): boolean {
    return this.prevType === 'start' || (this.prevType === 'punct' && (this.prevVal === ';' || this.prevVal === '{' || this.prevVal === '}')) || this.prevVal === 'export';
  }

  private set(type: PrevType, val: string): void {
    this.prevType = type;
    this.prevVal = val;
  }

  /** Whether the next token starts an expression (so `/` is a regex and `<` may be JSX). */
  private exprStart(): boolean {
    return this.prevType !== 'value';
  }

  private punct(i: number, c: number): number {
    const { text } = this;
    switch (c) {
      case 40 /* ( */:
        this.parens.push(this.prevType === 'value' && CONTROL_HEADS.has(this.prevVal));
        this.set('punct', '(');
        return i + 1;
      case 41 /* ) */: {
        const control = this.parens.pop() ?? false;
        this.set(control ? 'punct' : 'value', ')');
        return i + 1;
      }
      case 91 /* [ */:
        this.set('punct', '[');
        return i + 1;
      case 93 /* ] */:
        this.set('value', ']');
        return i + 1;
      case 123 /* { */: {
        const block =
          this.prevType === 'start' ||
          (this.prevType === 'punct' && (this.prevVal === ';' || this.prevVal === '{' || this.prevVal === '}' || this.prevVal === '=>')) ||
          this.prevVal === ')' ||
          (this.prevType === 'kw' && BLOCK_KEYWORDS.has(this.prevVal));
        this.braces.push(block || this.ambientPending ? 'block' : 'expr');
        if (this.ambientPending) {
          this.ambientPending = false;
          this.ambientDepth = this.braces.length;
        }
        this.set('punct', '{');
        return i + 1;
      }
      case 125 /* } */: {
        if (this.braces.length === this.ambientDepth) {
          this.ambientDepth = -1;
        }
        const top = this.braces.pop() ?? 'block';
        if (top === 'tpl') {
          return this.template(i + 1);
        }
        if (typeof top === 'object') {
          return this.jsx(i + 1, top.jsx, top.depth);
        }
        this.set(top === 'block' ? 'punct' : 'value', '}');
        return i + 1;
      }
      case 60 /* < */:
        if (this.o.jsx && this.exprStart() && this.jsxStartsAt(i)) {
          return this.jsx(i + 1, 'tag', 1);
        }
        break;
      case 61 /* = */:
        if (text.charCodeAt(i + 1) === 62) {
          this.set('punct', '=>');
          return i + 2;
        }
        break;
      case 63 /* ? */:
        if (text.charCodeAt(i + 1) === 46 && !isDigit(text.charCodeAt(i + 2))) {
          this.set('punct', '?.');
          return i + 2;
        }
        break;
      case 46 /* . */:
        if (text.startsWith('...', i)) {
          this.set('punct', '...');
          return i + 3;
        }
        this.set('punct', '.');
        return i + 1;
      case 43 /* + */:
      case 45 /* - */:
        if (text.charCodeAt(i + 1) === c) {
          this.set('value', '++'); // postfix is far more common before a `/` than prefix
          return i + 2;
        }
        break;
      case 59 /* ; */:
        this.ambientPending = false; // `declare module 'x';` (shorthand ambient module) has no body
        this.set('punct', ';');
        return i + 1;
    }
    this.set('punct', c < 128 ? PUNCT[c] : '?');
    return i + 1;
  }

  /** Scans template text from `i` (after a backtick or a substitution's `}`) to its end or next `${`. */
  private template(i: number): number {
    const { text, n } = this;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 92) {
        i += 2;
        continue;
      }
      if (c === 96) {
        this.set('value', '`');
        return i + 1;
      }
      if (c === 36 && text.charCodeAt(i + 1) === 123) {
        this.braces.push('tpl');
        this.set('punct', '${');
        return i + 2;
      }
      i++;
    }
    return n;
  }

  /** `<` in expression position followed by a tag name or `>` (fragment), but not `<T,>`/`<T extends X>` (TSX generics). */
  private jsxStartsAt(i: number): boolean {
    const { text } = this;
    const c = text.charCodeAt(i + 1);
    if (c === 62) {
      return true;
    }
    if (!isIdentStart(c)) {
      return false;
    }
    let j = i + 2;
    while (j < this.n && isIdentPart(text.charCodeAt(j))) {
      j++;
    }
    const k = skipSpaces(text, j);
    if (text.charCodeAt(k) === 44 /* , */) {
      return false;
    }
    return !(k > j && text.startsWith('extends', k) && !isIdentPart(text.charCodeAt(k + 7)));
  }

  /**
   * Scans JSX from `i` until the outermost element closes, or until a `{` hands over to code (the
   * brace stack remembers where to resume). `depth` counts the open elements of this JSX expression.
   */
  private jsx(i: number, phase: 'tag' | 'children', depth: number): number {
    const { text, n } = this;
    while (i < n) {
      if (phase === 'tag') {
        const c = text.charCodeAt(i);
        if (c === 47 && text.charCodeAt(i + 1) === 62) {
          i += 2;
          if (--depth === 0) {
            this.set('value', '/>');
            return i;
          }
          phase = 'children';
        } else if (c === 62) {
          i++;
          phase = 'children';
        } else if (c === 123) {
          this.braces.push({ jsx: 'tag', depth });
          this.set('punct', '{');
          return i + 1;
        } else if (c === 34 || c === 39) {
          const close = text.indexOf(String.fromCharCode(c), i + 1);
          i = close === -1 ? n : close + 1;
        } else {
          i++;
        }
        continue;
      }
      // children: text up to the next element or expression container
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 60 || c === 123) {
          break;
        }
        j++;
      }
      if (j >= n) {
        return n;
      }
      if (text.charCodeAt(j) === 123) {
        this.braces.push({ jsx: 'children', depth });
        this.set('punct', '{');
        return j + 1;
      }
      if (text.charCodeAt(j + 1) === 47) {
        const close = text.indexOf('>', j);
        i = close === -1 ? n : close + 1;
        if (--depth === 0) {
          this.set('value', '</>');
          return i;
        }
        continue;
      }
      depth++;
      phase = 'tag';
      i = j + 1;
    }
    return n;
  }

  private add(specifier: string, start: number, end: number, kind: ImportKind, typeOnly: boolean): void {
    if (this.ambientDepth !== -1 || this.ambientPending) {
      return;
    }
    if (!this.seen.has(start)) {
      this.seen.add(start);
      this.out.push({ specifier, start, end, kind, typeOnly });
    }
  }

  /** `require('x')` with a literal: `i` is just after the identifier. */
  private requireCall(i: number): void {
    const open = skipTrivia(this.text, i);
    if (this.text.charCodeAt(open) !== 40) {
      return;
    }
    const lit = readLiteral(this.text, skipTrivia(this.text, open + 1));
    if (lit && this.text.charCodeAt(skipTrivia(this.text, lit.end)) === 41) {
      this.add(lit.value, lit.start, lit.end, 'require', false);
    }
  }

  private importAt(i: number): void {
    const { text } = this;
    const j = skipTrivia(text, i);
    const c = text.charCodeAt(j);
    if (c === 46 /* import.meta */) {
      return;
    }
    if (c === 40 /* ( */) {
      const lit = readLiteral(text, skipTrivia(text, j + 1));
      if (!lit) {
        return;
      }
      const after = skipTrivia(text, lit.end);
      if (text.charCodeAt(after) !== 41 && text.charCodeAt(after) !== 44) {
        return; // `import('./a' + x)`: not a literal specifier
      }
      this.add(lit.value, lit.start, lit.end, 'dynamic', this.prevVal === 'typeof' || typePositionMember(text, closingParen(text, after)));
      return;
    }
    const clause = readClause(text, j);
    if (clause) {
      this.add(clause.lit.value, clause.lit.start, clause.lit.end, 'import', clauseTypeOnly('import', clause.tokens));
    }
  }

  private exportAt(i: number): void {
    const clause = readClause(this.text, skipTrivia(this.text, i));
    if (!clause || clause.equals) {
      return;
    }
    const t = clause.tokens;
    const first = t[0] === 'type' ? t[1] : t[0];
    if ((first === '*' || first === '{') && t[t.length - 1] === 'from') {
      this.add(clause.lit.value, clause.lit.start, clause.lit.end, 'export', clauseTypeOnly('export', t));
    }
  }
}

interface Literal {
  value: string;
  start: number;
  end: number;
}

/** A string literal, or a template literal without substitutions, at `j`. */
function readLiteral(text: string, j: number): Literal | undefined {
  const q = text.charCodeAt(j);
  if (q !== 39 && q !== 34 && q !== 96) {
    return undefined;
  }
  for (let k = j + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 92) {
      k++;
      continue;
    }
    if (c === q) {
      return { value: unescapeJs(text.slice(j + 1, k)), start: j, end: k + 1 };
    }
    if ((c === 10 && q !== 96) || (q === 96 && c === 36 && text.charCodeAt(k + 1) === 123)) {
      return undefined;
    }
  }
  return undefined;
}

function unescapeJs(s: string): string {
  return s.includes('\\') ? s.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e: string) => (e.length > 1 ? String.fromCodePoint(parseInt(e.replace(/[{}ux]/g, ''), 16)) : e)) : s;
}

/**
 * Tokens of an import/export clause up to its module string: `type`, names, `{ } , * as from`.
 * `import x = require('y')` (TS import-equals) is read too. Anything else means it is not a module clause.
 */
function readClause(text: string, j: number): { tokens: string[]; lit: Literal; equals: boolean } | undefined {
  const tokens: string[] = [];
  while (tokens.length < MAX_CLAUSE_TOKENS) {
    j = skipTrivia(text, j);
    const c = text.charCodeAt(j);
    if (c === 39 || c === 34) {
      if (tokens.length > 0 && tokens[tokens.length - 1] !== 'from') {
        return undefined;
      }
      const lit = readLiteral(text, j);
      return lit ? { tokens, lit, equals: false } : undefined;
    }
    if (c === 123 || c === 125 || c === 44 || c === 42) {
      tokens.push(String.fromCharCode(c));
      j++;
      continue;
    }
    if (c === 61 && text.charCodeAt(j + 1) !== 61) {
      // import x = require('y')
      let k = skipTrivia(text, j + 1);
      if (!text.startsWith('require', k)) {
        return undefined;
      }
      k = skipTrivia(text, k + 7);
      if (text.charCodeAt(k) !== 40) {
        return undefined;
      }
      const lit = readLiteral(text, skipTrivia(text, k + 1));
      return lit ? { tokens, lit, equals: true } : undefined;
    }
    if (isIdentStart(c)) {
      let k = j + 1;
      while (k < text.length && isIdentPart(text.charCodeAt(k))) {
        k++;
      }
      tokens.push(text.slice(j, k));
      j = k;
      continue;
    }
    return undefined;
  }
  return undefined;
}

/**
 * Whether a clause imports types only: `import type X from`, `export type { … } from`, or a braced list
 * whose every specifier carries `type` (TypeScript elides such imports by default).
 */
export function clauseTypeOnly(keyword: 'import' | 'export', tokens: string[]): boolean {
  if (tokens[0] === 'type' && tokens.length > 1 && tokens[1] !== 'from' && tokens[1] !== ',') {
    return true;
  }
  if (tokens[0] !== '{') {
    return false;
  }
  const close = tokens.indexOf('}');
  if (close === -1 || (keyword === 'import' && tokens[close + 1] !== 'from')) {
    return false;
  }
  const groups: string[][] = [[]];
  for (const t of tokens.slice(1, close)) {
    if (t === ',') {
      groups.push([]);
    } else {
      groups[groups.length - 1].push(t);
    }
  }
  const named = groups.filter((g) => g.length > 0);
  return named.length > 0 && named.every((g) => g[0] === 'type' && g.length >= 2 && g[1] !== 'as');
}

/** Offset just after the `)` that closes a call whose argument list continues at `j`, or -1. */
function closingParen(text: string, j: number): number {
  if (text.charCodeAt(j) === 41) {
    return j + 1;
  }
  const close = text.indexOf(')', j);
  return close === -1 ? -1 : close + 1;
}

/** `import('x').Foo` (a type, unless the member is then/catch/finally) — es-module-lexer's heuristic. */
function typePositionMember(text: string, j: number): boolean {
  if (j === -1) {
    return false;
  }
  const k = skipSpaces(text, j);
  if (text.charCodeAt(k) !== 46) {
    return false;
  }
  let e = k + 1;
  while (e < text.length && isIdentPart(text.charCodeAt(e))) {
    e++;
  }
  return e > k + 1 && !PROMISE_MEMBERS.has(text.slice(k + 1, e));
}

export function skipTrivia(text: string, j: number): number {
  const n = text.length;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff || c === 0xa0) {
      j++;
    } else if (c === 47 && text.charCodeAt(j + 1) === 47) {
      j = lineEnd(text, j);
    } else if (c === 47 && text.charCodeAt(j + 1) === 42) {
      const close = text.indexOf('*/', j + 2);
      j = close === -1 ? n : close + 2;
    } else {
      break;
    }
  }
  return j;
}

function skipSpaces(text: string, j: number): number {
  while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) {
    j++;
  }
  return j;
}

function lineEnd(text: string, j: number): number {
  const e = text.indexOf('\n', j);
  return e === -1 ? text.length : e;
}

/** End of a '…' or "…" literal (or the line break that ends an unterminated one), jumping with indexOf. */
function scanQuoted(text: string, i: number): number {
  const q = text[i];
  let k = i + 1;
  for (;;) {
    const close = text.indexOf(q, k);
    const nl = text.indexOf('\n', k);
    if (nl !== -1 && (close === -1 || nl < close)) {
      if (escapedNewline(text, k, nl)) {
        k = nl + 1; // a line continuation: the string goes on
        continue;
      }
      return nl; // unterminated: the string ends at the line break
    }
    if (close === -1) {
      return text.length;
    }
    let backslashes = 0;
    for (let b = close - 1; b > i && text.charCodeAt(b) === 92; b--) {
      backslashes++;
    }
    if (backslashes % 2 === 0) {
      return close + 1;
    }
    k = close + 1;
  }
}

/** Whether the first line break at `nl` in a string starting at `from` is escaped (a line continuation). */
function escapedNewline(text: string, from: number, nl: number): boolean {
  let backslashes = 0;
  for (let b = (text.charCodeAt(nl - 1) === 13 ? nl - 2 : nl - 1); b >= from && text.charCodeAt(b) === 92; b--) {
    backslashes++;
  }
  return backslashes % 2 === 1;
}

/** End of a regex literal starting at `i`, or -1 when there is none on this line (then `/` is division). */
function scanRegex(text: string, i: number): number {
  let inClass = false;
  for (let k = i + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) {
      return -1;
    }
    if (c === 92) {
      k++;
    } else if (c === 91) {
      inClass = true;
    } else if (c === 93) {
      inClass = false;
    } else if (c === 47 && !inClass) {
      k++;
      while (k < text.length && isIdentPart(text.charCodeAt(k))) {
        k++;
      }
      return k;
    }
  }
  return -1;
}

function scanNumber(text: string, i: number): number {
  let k = i + 1;
  while (k < text.length) {
    const c = text.charCodeAt(k);
    if (isIdentPart(c) || c === 46) {
      k++;
    } else if ((c === 43 || c === 45) && (text.charCodeAt(k - 1) | 32) === 101 /* e */ && !/^0[xX]/.test(text.slice(i, i + 2))) {
      k++;
    } else {
      break;
    }
  }
  return k;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 || c === 95 || c > 127;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}
