// The `ai` section of a rule file: where AI-written code is allowed, for what, and how it is reviewed.
// Every field is optional and merged along the `extends` chain (see merge.ts); defaults live in
// compile.ts, not here, so a merge can tell "not set" from "set to the default".
import { z } from 'zod';

const glob = z.string().min(1).describe('A minimatch glob, relative to the workspace root (same matching as `ignore`).');
const globs = (what: string) => z.array(glob).min(1).describe(what);

/** Use-case names are written unquoted into markers (`use=tests`), so they stay simple words. */
export const USE_CASE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/** The label of a block with no use case after inference; it cannot name a real use case. */
export const UNCLASSIFIED = 'unclassified';

export const aiUseCaseSchema = z
  .object({
    paths: globs('Where AI code of this use case is allowed. Outside these globs a block with this use case is reported by `ai/use-case-not-approved`.'),
    maxLines: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Largest allowed AI block of this use case, in lines between its markers (blank lines count). Larger blocks: `ai/block-too-large`.'),
    requiresTest: z
      .boolean()
      .optional()
      .describe('A block of this use case needs a test file next to its source (src/x.ts → src/x.test.ts, src/x.spec.ts, test/x.test.ts…; see the `ai/missing-test` docs). Skipped in test files and where the host cannot look up files.'),
    description: z.string().optional().describe('What this use case covers, shown in messages and hovers.'),
  })
  .strict();

export const aiForbiddenSchema = z
  .object({
    paths: globs('Files where AI-written code is not allowed at all, whatever its use case.'),
    reason: z.string().min(1).describe('Why, shown in every `ai/forbidden-path` finding (e.g. "payments code needs a certified human author").'),
  })
  .strict();

export const aiReviewSchema = z
  .object({
    required: z
      .union(
        [z.boolean(), z.object({ paths: globs('Files whose AI blocks need a human review.') }).strict()],
        { error: 'Expected true, false or { "paths": ["glob", …] }' },
      )
      .optional()
      .describe('Whether AI blocks need a human review (`reviewed-by=` in the marker): everywhere (`true`), nowhere (`false`) or only in `{ "paths": [...] }`. Default: `true` once a `review` section exists, else `false`.'),
    allowSelfReview: z
      .boolean()
      .optional()
      .describe('Whether the person who accepted a block (`accepted-by=`) may also review it. Default `false`: a self-review is reported by `ai/self-review` and "mark reviewed" refuses it.'),
    maxUnreviewedDays: z
      .number()
      .positive()
      .optional()
      .describe('An unreviewed block generated (`at=`) more than this many days ago is an error instead of a warning.'),
  })
  .strict();

export const aiPolicySchema = z
  .object({
    useCases: z
      .record(z.string(), aiUseCaseSchema.nullable())
      .superRefine((cases, ctx) => {
        for (const name of Object.keys(cases)) {
          if (!USE_CASE_NAME.test(name)) {
            ctx.addIssue({ code: 'custom', path: [name], message: `Use-case name "${name}" must be letters, digits, "_", "." or "-" (it is written into markers as use=${name})` });
          } else if (name === UNCLASSIFIED) {
            ctx.addIssue({ code: 'custom', path: [name], message: `"${UNCLASSIFIED}" is reserved for blocks without a use case; configure them with ai.unclassified` });
          }
        }
      })
      .optional()
      .describe('Approved AI use cases by name (e.g. tests, boilerplate, docs, refactor, migration). Once any file in the chain defines `useCases`, only these use cases are approved, each only under its `paths`. A later file replaces a use case of the same name as a whole; `null` removes an inherited one.'),
    forbidden: z
      .array(aiForbiddenSchema)
      .optional()
      .describe('Paths where AI code is not allowed at all (auth, payments, crypto…). Entries from every file in the chain apply; forbidden wins over any use case.'),
    review: aiReviewSchema.optional().describe('Human review of AI blocks. Each key is taken from the last file in the chain that sets it.'),
    excluded: z
      .array(glob)
      .optional()
      .describe('Sensitive paths never to be used with an AI assistant (secrets, customer data, regulated code): any AI block there is an `ai/excluded-path` error. Globs from every file in the chain apply.'),
    unclassified: z
      .enum(['allow', 'forbid'])
      .optional()
      .describe('A block with no use case, in its marker or inferred (test file → tests, comment-only block → docs): `allow` (default) or `forbid` (reported by `ai/use-case-not-approved`).'),
  })
  .strict()
  .describe('Policy for AI-written code (regions between `@ai-generated` markers): approved use cases, forbidden and excluded paths, human review.');

export type AiPolicyConfig = z.infer<typeof aiPolicySchema>;
export type AiUseCaseConfig = z.infer<typeof aiUseCaseSchema>;
export type AiReviewConfig = z.infer<typeof aiReviewSchema>;
