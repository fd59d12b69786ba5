// Where string, regular-expression and number literals end: the tokenizer skips them whole.
import { isIdentPart } from './chars';

/** End of a '…' or "…" literal (or the line break that ends an unterminated one), jumping with indexOf. */
export function scanQuoted(text: string, i: number): number {
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
export function scanRegex(text: string, i: number): number {
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

export function scanNumber(text: string, i: number): number {
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
