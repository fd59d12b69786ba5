import type { EffectiveRule } from '../config/types';
import { ATTRIBUTION_REMOVED } from '../ai-policy/rules';
import type { Finding } from '../types';
import { OWNERSHIP_LOG } from './ownership-log';
import { removedAttributions, type AttributionInput } from './removed-attribution';

/**
 * `ai/attribution-removed` findings for one file of a change: one per unreviewed block whose markers
 * went while its code stayed, on the first line of that code, unless a Take ownership record covers it.
 */
export function attributionRemovedFindings(input: AttributionInput, ref: string, rule: EffectiveRule, docsUrl: string | undefined): Finding[] {
  const lineTexts = input.after.split(/\r?\n/);
  return removedAttributions(input)
    .filter((b) => !b.owned)
    .map((b) => {
      const first = b.lines[0];
      const n = b.lines.length;
      const block = b.blockId ? `AI block ${b.blockId}` : 'An AI block with a broken marker';
      return {
        ruleId: ATTRIBUTION_REMOVED,
        severity: rule.severity,
        message: `${block} (tool=${b.tool}) was unreviewed at ${ref}; its markers are gone but ${n} of its line${n === 1 ? '' : 's'} ${n === 1 ? 'is' : 'are'} still here (from line ${first + 1}). Deleting markers does not make AI code human-written: restore them and get the block reviewed, or take ownership in the editor (recorded in ${OWNERSHIP_LOG}).`,
        range: { start: { line: first, character: 0 }, end: { line: first, character: lineTexts[first]?.length ?? 0 } },
        fixes: [],
        docsUrl,
        origin: rule.origin,
        properties: { ai: { blockId: b.blockId ?? null, tool: b.tool, useCase: null, reviewed: false }, lines: b.lines.map((l) => l + 1) },
      };
    });
}
