import { z } from 'zod';
import { compileRuleRegex } from '../regex/linear-regex';
import { aiPolicySchema } from '../ai-policy/schema';
import { boundariesSchema } from '../boundaries/schema';
import { lockedSchema } from '../org-policy/schema';

// The rule-file format. The JSON Schema contributed to VS Code is generated from this (scripts/build.mjs).

export const severitySetting = z
  .enum(['error', 'warning', 'info', 'hint', 'off'])
  .describe('How a finding of this rule is reported; `off` disables the rule.');

const severity = z.enum(['error', 'warning', 'info', 'hint']);

const ruleSettingObject = z
  .object({
    severity: severitySetting,
    aiSeverity: severity.optional().describe('Severity inside AI-generated regions (stricter treatment of AI code).'),
    // AI policy (issue 5): honoured for rule-file patterns in check/pattern-check.ts.
    aiOnly: z.boolean().optional().describe('Report this rule only inside AI-generated regions (for rule-file patterns).'),
    options: z.record(z.string(), z.unknown()).optional().describe("The rule's options (see its documentation page)."),
  })
  .strict();

export const ruleSetting = z
  .union([severitySetting, z.tuple([severitySetting, z.record(z.string(), z.unknown())]), ruleSettingObject])
  .describe('A severity, `[severity, options]`, or `{ severity, aiSeverity?, aiOnly?, options? }`.');

const glob = z.string().min(1).describe('A minimatch glob, relative to the workspace root.');

export const patternRule = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)+$/, 'rule ids look like `team/no-console` (lower-case, slash-separated)')
      .describe('Stable rule id, e.g. `team/no-console`. Used in `rules`, suppressions, SARIF and reports.'),
    regex: z.string().min(1).describe('A JavaScript regular expression. It must run in linear time (no backreferences or lookbehind).'),
    flags: z.string().regex(/^[ims]*$/, 'allowed regex flags are i, m and s (u cannot run on the linear-time engine)').optional().describe('Regex flags: i, m, s.'),
    message: z.string().min(1).describe('What is wrong and what to do instead. `$1`… insert capture groups.'),
    severity: severitySetting.default('warning'),
    aiSeverity: severity.optional().describe('Severity inside AI-generated regions.'),
    // AI policy (issue 5): honoured in check/pattern-check.ts.
    aiOnly: z.boolean().optional().describe('Report matches only inside AI-generated regions (`@ai-generated` blocks).'),
    paths: z.array(glob).optional().describe('Only files matching one of these globs are checked (default: all).'),
    exclude: z.array(glob).optional().describe('Files matching these globs are not checked.'),
    in: z
      .enum(['code', 'comments', 'strings', 'any'])
      .default('any')
      .describe('Where a match counts: in code (outside comments and strings), only in comments, only in strings, or anywhere.'),
    fix: z.string().optional().describe('Replacement for the matched text (`$1`… insert capture groups). Offered as a quick fix.'),
    fixSafe: z.boolean().default(true).describe('Whether `source.fixAll` and `conductor fix` may apply the fix without asking.'),
    docs: z.string().optional().describe('URL of a page that explains the rule.'),
    // Secret scanning (implemented in check/secret-*.ts). "Checked value" = the group named `secret`,
    // else the first capture group that matched, else the whole match.
    secret: z
      .boolean()
      .optional()
      .describe(
        'The match is a credential: findings show it only masked (`AKIA…(20 chars)`; `$masked` in the message), never raw; built-in placeholders (EXAMPLE, xxxx, changeme, your-…, <…>, ${…}, process.env…) are ignored; and text already reported by an earlier secret pattern is not reported again.',
      ),
    keywords: z
      .array(z.string().min(1))
      .optional()
      .describe('Case-insensitive prefilter: the regex runs only on files that contain at least one of these strings.'),
    minEntropy: z
      .number()
      .min(0)
      .max(16)
      .optional()
      .describe('Minimum Shannon entropy (bits per character) of the checked value: the group named `secret`, else the first capture group, else the whole match. Gates generic rules so words and placeholders do not count.'),
    allow: z
      .array(allowRegex())
      .optional()
      .describe('Regexes (matched case-insensitively) for acceptable values such as placeholders: a match whose checked value matches one is dropped.'),
  })
  .strict();

/** An `allow` entry: a regex held to the same safety rules as `regex`, checked when the file loads. */
function allowRegex(): z.ZodType<string> {
  return z
    .string()
    .min(1)
    .superRefine((source, ctx) => {
      const compiled = compileRuleRegex(source, 'i');
      if ('error' in compiled) {
        ctx.addIssue({ code: 'custom', message: compiled.error });
      }
    });
}

export const override = z
  .object({
    files: z.array(glob).min(1).describe('Globs of the files this override applies to.'),
    excludedFiles: z.array(glob).optional(),
    rules: z.record(z.string(), ruleSetting).describe('Rule settings for these files.'),
  })
  .strict();

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
    ai: aiPolicySchema.optional(),
    boundaries: boundariesSchema.optional(),
    agents: agentsSection.optional().describe('AI agent hooks (conductor hook): see docs/agents.md.'),
    // Org rulesets (issue 8): see org/schema.ts and docs/org-rulesets.md.
    locked: lockedSchema.optional(),
  })
  .strict()
  .describe('A Conductor rule file (.conductor/rules.jsonc).');

export type RuleFile = z.infer<typeof ruleFile>;
export type PatternRuleConfig = z.infer<typeof patternRule>;
export type RuleSettingConfig = z.infer<typeof ruleSetting>;
export type OverrideConfig = z.infer<typeof override>;
