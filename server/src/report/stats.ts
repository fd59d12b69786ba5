// Small statistics shared by the metrics: ratios, median, nearest-rank percentiles, fixed histograms.

/** `part / whole`, or null when there is nothing to divide (never NaN in the JSON). */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Per 1,000 lines, or null without lines. */
export function per1000(count: number, lines: number): number | null {
  return lines > 0 ? (count * 1000) / lines : null;
}

/** The median: the middle value, or the mean of the two middle values; null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The nearest-rank percentile (p in 0–100): the smallest value with at least p% of values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) {
    return null;
  }
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
}

/** Histogram buckets, in seconds: ≤1 h, ≤1 d, ≤3 d, ≤7 d, ≤14 d, ≤30 d, ≤90 d, more. Fixed, so reports add up. */
export const DURATION_BUCKETS: readonly { label: string; maxSeconds: number | null }[] = [
  { label: '<=1h', maxSeconds: 3600 },
  { label: '<=1d', maxSeconds: 86400 },
  { label: '<=3d', maxSeconds: 3 * 86400 },
  { label: '<=7d', maxSeconds: 7 * 86400 },
  { label: '<=14d', maxSeconds: 14 * 86400 },
  { label: '<=30d', maxSeconds: 30 * 86400 },
  { label: '<=90d', maxSeconds: 90 * 86400 },
  { label: '>90d', maxSeconds: null },
];

export interface Bucket {
  label: string;
  maxSeconds: number | null;
  count: number;
}

export function durationHistogram(seconds: readonly number[]): Bucket[] {
  const out = DURATION_BUCKETS.map((b) => ({ ...b, count: 0 }));
  for (const v of seconds) {
    const i = out.findIndex((b) => b.maxSeconds === null || v <= b.maxSeconds);
    out[i].count++;
  }
  return out;
}

/** Count-by-key helper that keeps insertion order until sorted by the caller. */
export function increment(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}
