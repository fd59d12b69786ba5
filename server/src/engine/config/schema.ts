import { z } from 'zod';

// The rule-file format. The JSON Schema contributed to VS Code is generated from this (scripts/build.mjs).

export const severitySetting = z
  .enum(['error', 'warning', 'info', 'hint', 'off'])
  .describe('How a finding of this rule is reported; `off` disables the rule.');

const severity = z.enum(['error', 'warning', 'info', 'hint']);

const ruleSettingObject = z
  .object({
    severity: severitySetting,
    aiSeverity: severity.optional().describe('Severity inside AI-generated regions (stricter treatment of AI code).'),
    options: z.record(z.string(), z.unknown()).optional().describe("The rule's options (see its documentation page)."),
  })
  .strict();

export const ruleSetting = z
  .union([severitySetting, z.tuple([severitySetting, z.record(z.string(), z.unknown())]), ruleSettingObject])
  .describe('A severity, `[severity, options]`, or `{ severity, aiSeverity?, options? }`.');

const glob = z.string().min(1).describe('A minimatch glob, relative to the workspace root.');

export const patternRule = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)+$/, 'rule ids look like `team/no-console` (lower-case, slash-separated)')
      .describe('Stable rule id, e.g. `team/no-console`. Used in `rules`, suppressions, SARIF and reports.'),
    regex: z.string().min(1).describe('A JavaScript regular expression. It must run in linear time (no backreferences or lookbehind).'),
    flags: z.string().regex(/^[imsu]*$/, 'allowed regex flags are i, m, s and u').optional().describe('Regex flags: i, m, s, u.'),
    message: z.string().min(1).describe('What is wrong and what to do instead. `$1`… insert capture groups.'),
    severity: severitySetting.default('warning'),
    aiSeverity: severity.optional().describe('Severity inside AI-generated regions.'),
    paths: z.array(glob).optional().describe('Only files matching one of these globs are checked (default: all).'),
    exclude: z.array(glob).optional().describe('Files matching these globs are not checked.'),
    in: z
      .enum(['code', 'comments', 'strings', 'any'])
      .default('any')
      .describe('Where a match counts: in code (outside comments and strings), only in comments, only in strings, or anywhere.'),
    fix: z.string().optional().describe('Replacement for the matched text (`$1`… insert capture groups). Offered as a quick fix.'),
    fixSafe: z.boolean().default(true).describe('Whether `source.fixAll` and `conductor fix` may apply the fix without asking.'),
    docs: z.string().optional().describe('URL of a page that explains the rule.'),
  })
  .strict();

export const override = z
  .object({
    files: z.array(glob).min(1).describe('Globs of the files this override applies to.'),
    excludedFiles: z.array(glob).optional(),
    rules: z.record(z.string(), ruleSetting).describe('Rule settings for these files.'),
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
  })
  .strict()
  .describe('A Conductor rule file (.conductor/rules.jsonc).');

export type RuleFile = z.infer<typeof ruleFile>;
export type PatternRuleConfig = z.infer<typeof patternRule>;
export type RuleSettingConfig = z.infer<typeof ruleSetting>;
export type OverrideConfig = z.infer<typeof override>;
