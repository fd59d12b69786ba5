import { z } from 'zod';
import { lockedSchema } from '../org-policy/schema';
import { SECTIONS } from '../sections';
import type { SectionConfigs, SectionKey } from './section';
import { glob, override, patternRule, ruleSetting } from './rule-schemas';

// The rule-file format. The JSON Schema contributed to VS Code is generated from this (scripts/build.mjs).
export { severitySetting, ruleSetting, patternRule, override, type PatternRuleConfig, type RuleSettingConfig, type OverrideConfig } from './rule-schemas';

// Each section's key and schema, from the one list (the cast names the keys the list is typed by).
const sectionShape = Object.fromEntries(SECTIONS.map((s) => [s.key, s.schema.optional()])) as {
  [K in SectionKey]: z.ZodOptional<z.ZodType<SectionConfigs[K]>>;
};

/** Agent hooks (`conductor hook`, docs/agents.md): what the hook answers when it cannot evaluate the policy. */
const agentsSection = z
  .object({
    onError: z
      .enum(['deny', 'allow'])
      .optional()
      .describe('When an agent hook cannot evaluate the policy (unreadable payload, file or rule file): deny the tool call (default) or allow it.'),
  })
  .strict();

export const ruleFile = z
  .object({
    $schema: z.string().optional(),
    name: z.string().optional().describe('A name for this ruleset, shown in the status item and reports.'),
    description: z.string().optional(),
    extends: z
      .array(z.string().min(1))
      .optional()
      .describe('Rulesets to build on: built-in names (`conductor:recommended`) or paths relative to this file.'),
    rules: z.record(z.string(), ruleSetting).optional().describe('Configure rules by id, ESLint-style.'),
    patterns: z.array(patternRule).optional().describe('Text rules defined by a regular expression.'),
    overrides: z.array(override).optional().describe('Rule settings for files matching globs; later entries win.'),
    ignore: z.array(glob).optional().describe('Files that are never checked (in addition to .gitignore in the CLI).'),
    ...sectionShape,
    provenance: z
      .object({
        store: z
          .enum(['markers', 'sidecar'])
          .optional()
          .describe('Where AI provenance is kept: `markers` (comments in the code, the default) or `sidecar` (records under .conductor/provenance/). See docs/provenance.md.'),
      })
      .strict()
      .optional(),
    agents: agentsSection.optional().describe('AI agent hooks (conductor hook): see docs/agents.md.'),
    // Org rulesets (issue 8): see org/schema.ts and docs/org-rulesets.md.
    locked: lockedSchema.optional(),
  })
  .strict()
  .describe('A Conductor rule file (.conductor/rules.jsonc).');

export type RuleFile = z.infer<typeof ruleFile>;
