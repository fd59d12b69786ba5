// Character tests and skips shared by the JS tokenizer (scanner.ts) and the import grammar (grammar.ts).

/** ASCII character classes for the tokenizer's hot loop (0: anything else). */
export const WS = 1;
export const DIGIT = 2;
export const IDENT = 3;
export const CHAR_CLASS = ((): Uint8Array => {
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

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 || c === 95 || c > 127;
}

export function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

/** Skips white space, line breaks and comments from `j`. */
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

/** Skips spaces and tabs only (stays on the line). */
export function skipSpaces(text: string, j: number): number {
  while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) {
    j++;
  }
  return j;
}

export function lineEnd(text: string, j: number): number {
  const e = text.indexOf('\n', j);
  return e === -1 ? text.length : e;
}
