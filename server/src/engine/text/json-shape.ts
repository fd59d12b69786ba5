/** What one linear pass over JSONC text tells before any recursive parser sees it. */
export interface JsonShape {
  /** Offset of the first bracket deeper than the limit, or -1. */
  tooDeepAt: number;
  /** Anything besides whitespace and comments. */
  hasContent: boolean;
}

/**
 * Scans JSONC (strings, `//` and `/* *\/` comments) once, counting bracket depth. Recursive parsers
 * (jsonc-parser, zod) overflow the stack on ~100k-deep nesting; callers refuse such text first.
 */
export function jsonShape(text: string, maxDepth: number): JsonShape {
  let depth = 0;
  let hasContent = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      const end = text.indexOf('\n', i + 2);
      i = end === -1 ? n : end;
      continue;
    }
    if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 1;
      continue;
    }
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      continue;
    }
    hasContent = true;
    if (c === 0x22) {
      for (i++; i < n && text.charCodeAt(i) !== 0x22 && text.charCodeAt(i) !== 0x0a; i++) {
        if (text.charCodeAt(i) === 0x5c) {
          i++;
        }
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) {
        return { tooDeepAt: i, hasContent };
      }
    } else if (c === 0x7d || c === 0x5d) {
      depth = Math.max(0, depth - 1);
    }
  }
  return { tooDeepAt: -1, hasContent };
}
