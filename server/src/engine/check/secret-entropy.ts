/**
 * Shannon entropy in bits per character. Random tokens score 4–6, words and placeholders
 * ("changeme", "xxxxxxxx") stay under 3, so a threshold separates real secrets from filler.
 */
export function shannonEntropy(value: string): number {
  if (value.length === 0) {
    return 0;
  }
  const counts = new Map<number, number>();
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
