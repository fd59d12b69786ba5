// AI policy e2e tests: AI-written code is approved under src/features/** and needs a human review.
export function average(values: number[]): number {
  let sum = 0;

  return values.length === 0 ? 0 : sum / values.length;
}
