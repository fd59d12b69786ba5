import { z } from 'zod';
import { ruleCategory } from '../registry/rule-category';
import { compileRuleRegex } from '../regex/linear-regex';

// Rule settings, patterns and overrides: the parts of the rule-file format that every section shares.
// Only zod and the regex checks here, so config/types.ts can name these shapes without a cycle.

export const severitySetting = z
  .enum(['error', 'warning', 'info', 'hint', 'off'])
  .describe('How a finding of this rule is reported; `off` disables the rule.');

const severity = z.enum(['error', 'warning', 'info', 'hint']);

/** Rule options are not part of the format: every rule is configured by its pattern or its section. */
export const NO_RULE_OPTIONS =
  'Rules take no options: a pattern rule is configured in its pattern, a code rule in its section (`ai`, `boundaries`). Write a severity ("warning") or { "severity": …, "aiSeverity": …, "aiOnly": … }';

const ruleSettingObject = z
  .object({
    severity: severitySetting,
    aiSeverity: severity.optional().describe('Severity inside AI-generated regions (stricter treatment of AI code).'),
    // AI policy (issue 5): honoured for rule-file patterns in check/pattern-check.ts.
    aiOnly: z.boolean().optional().describe('Report this rule only inside AI-generated regions (for rule-file patterns).'),
    // Named only to refuse it with a reason: a rule file written for an older version may still carry it.
    options: z.never({ error: NO_RULE_OPTIONS }).optional().describe('Not supported: rules take no options.'),
  })
  .strict();

const withOptions = (input: unknown): boolean =>
  Array.isArray(input) || (typeof input === 'object' && input !== null && 'options' in input);

export const ruleSetting = z
  .union([severitySetting, ruleSettingObject], { error: (issue) => (withOptions(issue.input) ? NO_RULE_OPTIONS : undefined) })
  .describe('A severity, or `{ severity, aiSeverity?, aiOnly? }`.');

export const glob = z.string().min(1).describe('A minimatch glob, relative to the workspace root.');

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
    category: ruleCategory.optional(),
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

export type PatternRuleConfig = z.infer<typeof patternRule>;
export type RuleSettingConfig = z.infer<typeof ruleSetting>;
export type OverrideConfig = z.infer<typeof override>;
