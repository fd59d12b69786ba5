import { createHash } from 'crypto';
import type { Finding } from '../types';
import { LineIndex } from '../text/positions';

/**
 * A finding's identity that survives unrelated edits: rule, file, the finding's own line content
 * (whitespace-normalised) and its occurrence number among identical lines — never the line number.
 * Used for SARIF partialFingerprints and for baselines.
 */
export function fingerprints(relPath: string, text: string, findings: Finding[]): string[] {
  const lines = new LineIndex(text);
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const content = lines.lineText(f.range.start.line).replace(/\s+/g, ' ').trim();
    const key = `${f.ruleId}\u0000${relPath}\u0000${content}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 32);
  });
}
