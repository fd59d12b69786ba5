import type { ImportRef } from '../types';
import { CHAR_CLASS, DIGIT, IDENT, isDigit, isIdentPart, lineEnd, WS } from './chars';
import { exportAt, importAt, requireAt } from './grammar';
import { jsxStartsAt, scanJsx } from './jsx';
import { scanNumber, scanQuoted, scanRegex } from './literals';
import type { Brace, PrevType, TokenState } from './token-state';

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

/** After these keywords an expression starts, so `/` opens a regex and `<` may open JSX. */
const EXPR_KEYWORDS = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await', 'extends']);
const BLOCK_KEYWORDS = new Set(['else', 'try', 'finally', 'do']);
const CONTROL_HEADS = new Set(['if', 'while', 'for', 'with']);

/** One-character punctuator strings, allocated once. */
const PUNCT = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

class JsScanner implements TokenState {
  private readonly n: number;
  private readonly out: ImportRef[] = [];
  private readonly seen = new Set<number>();
  private prevType: PrevType = 'start';
  private prevVal = '';
  private readonly parens: boolean[] = [];
  readonly braces: Brace[] = [];
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
            this.add(requireAt(text, i));
          } else if (this.o.esm && word === 'import') {
            this.add(importAt(text, i, this.prevVal === 'typeof'));
          } else if (this.o.esm && word === 'export') {
            this.add(exportAt(text, i));
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

  set(type: PrevType, val: string): void {
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
          return scanJsx(text, i + 1, top.jsx, top.depth, this);
        }
        this.set(top === 'block' ? 'punct' : 'value', '}');
        return i + 1;
      }
      case 60 /* < */:
        if (this.o.jsx && this.exprStart() && jsxStartsAt(text, i)) {
          return scanJsx(text, i + 1, 'tag', 1, this);
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

  private add(ref: ImportRef | undefined): void {
    if (!ref || this.ambientDepth !== -1 || this.ambientPending) {
      return;
    }
    if (!this.seen.has(ref.start)) {
      this.seen.add(ref.start);
      this.out.push(ref);
    }
  }
}
