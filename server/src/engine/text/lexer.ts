import type { LanguageSyntax } from './languages';

export type SpanKind = 'comment' | 'string';

/** Offsets of comments and strings in a text; everything else is code. Sorted, non-overlapping. */
export interface Spans {
  starts: Int32Array;
  ends: Int32Array;
  kinds: SpanKind[];
}

/**
 * One linear pass that finds comments and string literals. It is a lexer, not a parser: good enough
 * to keep `eval(` in a comment or a marker in a string from counting as code, in any language we know.
 */
export function lex(text: string, syntax: LanguageSyntax): Spans {
  const starts: number[] = [];
  const ends: number[] = [];
  const kinds: SpanKind[] = [];
  const line = syntax.lineComment;
  const block = syntax.blockComment;
  const multi = syntax.multilineQuotes;
  const quotes = syntax.quotes;
  // Plain code is skipped by a regex that stops only at characters that can open a comment or string.
  const skip = plainCodeSkipper(syntax);
  const n = text.length;
  let i = 0;
  while (i < n) {
    skip.lastIndex = i;
    if (!skip.test(text)) {
      break;
    }
    i = skip.lastIndex;
    if (i >= n) {
      break;
    }
    const c = text.charCodeAt(i);
    if (block && text.startsWith(block[0], i)) {
      const close = text.indexOf(block[1], i + block[0].length);
      const end = close === -1 ? n : close + block[1].length;
      push(i, end, 'comment');
      i = end;
      continue;
    }
    if (line && text.startsWith(line, i) && (line !== '#' || !isShebangOrInterpolation(text, i)) && !insideWord(text, i, line)) {
      let end = text.indexOf('\n', i);
      end = end === -1 ? n : end;
      push(i, end, 'comment');
      i = end;
      continue;
    }
    if (c === 47 /* / */ && syntax.regexLiterals && regexCanStart(text, i)) {
      const end = scanRegexLiteral(text, i + 1);
      if (end !== -1) {
        push(i, end, 'string');
        i = end;
        continue;
      }
    }
    const mq = multi.find((q) => text.startsWith(q, i));
    if (mq) {
      const end = scanString(text, i + mq.length, mq, syntax.backslashEscapes, true);
      push(i, end, 'string');
      i = end;
      continue;
    }
    const q = quotes.find((x) => x.charCodeAt(0) === c);
    if (q) {
      const end = scanString(text, i + 1, q, syntax.backslashEscapes, false);
      push(i, end, 'string');
      i = end;
      continue;
    }
    i++;
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends), kinds };

  function push(s: number, e: number, k: SpanKind): void {
    starts.push(s);
    ends.push(e);
    kinds.push(k);
  }
}

const skippers = new WeakMap<LanguageSyntax, RegExp>();

/** A sticky regex that consumes everything up to the next possible comment or string opener. */
function plainCodeSkipper(syntax: LanguageSyntax): RegExp {
  let re = skippers.get(syntax);
  if (!re) {
    const openers = [syntax.lineComment, syntax.blockComment?.[0], ...syntax.multilineQuotes, ...syntax.quotes, syntax.regexLiterals ? '/' : undefined]
      .filter((o): o is string => !!o)
      .map((o) => o[0].replace(/[\\\]^-]/g, '\\$&'));
    re = new RegExp(openers.length > 0 ? `[^${[...new Set(openers)].join('')}]*` : '[^]*', 'y');
    skippers.set(syntax, re);
  }
  return re;
}

const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

/** A `/` starts a regex literal (not a division) after an operator, a bracket or a keyword. */
function regexCanStart(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) {
    j--;
  }
  if (j < 0 || '(,=:[!&|?{};+-*%<>~^\n'.includes(text[j])) {
    return true;
  }
  if (!/[A-Za-z_$]/.test(text[j])) {
    return false;
  }
  let k = j;
  while (k >= 0 && /[A-Za-z0-9_$]/.test(text[k])) {
    k--;
  }
  return REGEX_AFTER_WORD.has(text.slice(k + 1, j + 1));
}

/** End of a regex literal's body and flags, or -1 when the line ends first (then it was no regex). */
function scanRegexLiteral(text: string, from: number): number {
  let inClass = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      return -1;
    }
    if (c === '\\') {
      i++;
    } else if (c === '[') {
      inClass = true;
    } else if (c === ']') {
      inClass = false;
    } else if (c === '/' && !inClass) {
      let end = i + 1;
      while (end < text.length && /[a-z]/.test(text[end])) {
        end++;
      }
      return end;
    }
  }
  return -1;
}

function isShebangOrInterpolation(text: string, i: number): boolean {
  // `$#`, `${#arr}` in shell and `#{x}` (Ruby interpolation) are not comments.
  const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
  const dollarBrace = prev === 123 /* { */ && i > 1 && text.charCodeAt(i - 2) === 36; /* ${#arr[@]} */
  return prev === 36 /* $# */ || dollarBrace || text.charCodeAt(i + 1) === 123; /* #{x} */
}

/** A word-like opener (`REM`) only counts at a word start, not inside `PREMIUM`. */
function insideWord(text: string, i: number, opener: string): boolean {
  return /^\w/.test(opener) && i > 0 && /\w/.test(text[i - 1]);
}

function scanString(text: string, from: number, quote: string, escapes: boolean, multiline: boolean): number {
  const n = text.length;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (escapes && c === 92 /* \ */) {
      i += 2;
      continue;
    }
    if (!multiline && c === 10) {
      return i; // unterminated single-line string ends at the line break
    }
    if (text.startsWith(quote, i)) {
      return i + quote.length;
    }
    i++;
  }
  return n;
}

/** Index of the span containing offset, or -1 (binary search). */
export function spanAt(spans: Spans, offset: number): number {
  let lo = 0;
  let hi = spans.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans.ends[mid] <= offset) {
      lo = mid + 1;
    } else if (spans.starts[mid] > offset) {
      hi = mid - 1;
    } else {
      return mid;
    }
  }
  return -1;
}

export function kindAt(spans: Spans, offset: number): SpanKind | 'code' {
  const i = spanAt(spans, offset);
  return i === -1 ? 'code' : spans.kinds[i];
}
