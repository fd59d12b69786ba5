/** The single changed span between two texts: common prefix and suffix trimmed away. */
export interface TextChange {
  /** Offset in both texts where they first differ. */
  start: number;
  removed: string;
  inserted: string;
}

export function diffTexts(before: string, after: string): TextChange | undefined {
  if (before === after) {
    return undefined;
  }
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) {
    p++;
  }
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) {
    s++;
  }
  return { start: p, removed: before.slice(p, before.length - s), inserted: after.slice(p, after.length - s) };
}
