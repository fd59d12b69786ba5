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
  const contents = new Map<number, string>(); // once per line: a minified line can carry hundreds of findings
  return findings.map((f) => {
    const line = f.range.start.line;
    let content = contents.get(line);
    if (content === undefined) {
      content = lineContent(lines.lineText(line));
      contents.set(line, content);
    }
    const key = `${f.ruleId}\u0000${relPath}\u0000${content}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 32);
  });
}

/** Longer normalised lines are keyed by their digest, so a key stays small whatever the line. */
const MAX_KEYED_LINE = 1000;

function lineContent(line: string): string {
  const content = line.replace(/\s+/g, ' ').trim();
  return content.length > MAX_KEYED_LINE ? `sha256:${createHash('sha256').update(content).digest('hex')}` : content;
}
