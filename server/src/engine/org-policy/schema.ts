import { z } from 'zod';
import { SECTIONS } from '../sections';

// The `locked` key of a rule file. Only meaningful in an org ruleset (the layer between the built-in
// rulesets and a team's .conductor/rules.jsonc); in any other file it is reported and ignored.

/** Sections (policies) an org ruleset can lock, from the one list: each section, its lockable sub-keys, and `ignore`. A parent locks all its children. */
export const LOCKABLE_SECTIONS: readonly string[] = [...SECTIONS.flatMap((s) => [s.key, ...Object.keys(s.lockable).map((k) => `${s.key}.${k}`)]), 'ignore'];

const sectionsText = SECTIONS.map((s) => `\`${s.key}\` (all of it) or ${Object.keys(s.lockable).map((k) => `\`${s.key}.${k}\``).join(', ')}`).join('; ');

/** A rule id (`security/no-eval`) or an id glob where `*` matches any characters, `/` included (`secrets/*`, `*`). */
export const RULE_ID_GLOB = /^[a-z0-9*][a-z0-9*-]*(\/[a-z0-9*][a-z0-9*-]*)*$/;

export const lockedSchema = z
  .object({
    rules: z
      .array(z.string().regex(RULE_ID_GLOB, 'a rule id such as `security/no-eval` or an id glob such as `secrets/*` (`*` matches any characters, `/` included)'))
      .optional()
      .describe(
        'Rules a team cannot weaken, by id or id glob (`*` matches any characters, `/` included: `secrets/*`, `security/*`, `*`). A lower layer (the team rule file, its overrides, inline suppressions, a baseline) may raise their severity but not lower it, turn them `off`, narrow them to AI code, redefine their patterns, suppress them inline or baseline their findings.',
      ),
    sections: z
      .array(z.enum(LOCKABLE_SECTIONS))
      .optional()
      .describe(
        `Policies a team cannot weaken: ${sectionsText}; and \`ignore\` (teams cannot add ignore globs). A team may still add entries that make the policy stricter (more forbidden or excluded paths, more denials, a stricter review). Locking a section also locks the rules that enforce it (e.g. \`ai.forbidden\` locks \`ai/forbidden-path\`).`,
      ),
    reason: z.string().min(1).optional().describe('Why these are locked; shown with every "locked by org ruleset" problem.'),
  })
  .strict()
  .describe('Org rulesets only: rules and policies that lower layers (team rule files, suppressions, baselines) cannot weaken.');

export type LockedConfig = z.infer<typeof lockedSchema>;
