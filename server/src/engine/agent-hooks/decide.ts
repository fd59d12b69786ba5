// Findings on the proposed content → the answer to the agent: deny on an error in the lines it writes,
// warnings there as context, allow otherwise. Reasons are written for the model and masked.
import type { Finding } from '../types';
import type { Policy } from '../config/policy';
import { aiPolicyOf } from '../ai-policy/compile';
import { approvedUseCases } from '../ai-policy/actions';
import { EXCLUDED_PATH, UNREVIEWED } from '../ai-policy/rules';
import { maskSecretsIn, secretRulesOf } from '../check/secret-mask';
import type { LineSpan } from './proposed-content';
import type { HookAnswer } from './types';

/** Findings listed in one reason; the rest are counted (a model reads the first few and adapts). */
export const MAX_LISTED_FINDINGS = 8;

/** Review comes after writing: an unreviewed proposed block is expected, never a reason to refuse it. */
const NOT_BEFORE_WRITE = new Set([UNREVIEWED]);

export interface WriteVerdict {
  relPath: string;
  /** Findings on the lines the agent writes (all lines when only a fragment is known). */
  errors: Finding[];
  warnings: Finding[];
}

/** Splits the proposed content's findings into what blocks the write and what only warns. */
export function judgeWrite(relPath: string, findings: readonly Finding[], spans: readonly LineSpan[] | 'all'): WriteVerdict {
  const touched = (f: Finding): boolean => spans === 'all' || spans.some((s) => f.range.start.line >= s.start && f.range.start.line < s.end);
  const relevant = findings.filter((f) => touched(f) && !NOT_BEFORE_WRITE.has(f.ruleId));
  return {
    relPath,
    errors: relevant.filter((f) => f.severity === 'error'),
    warnings: relevant.filter((f) => f.severity === 'warning'),
  };
}

/** One answer for every file of the call (an apply_patch may touch several): any error denies it all. */
export function answerWrites(verdicts: readonly WriteVerdict[], policy: Policy): HookAnswer {
  const mask = (s: string): string => maskSecretsIn(s, secretRulesOf(policy));
  const denied = verdicts.filter((v) => v.errors.length > 0);
  if (denied.length > 0) {
    const parts = denied.map((v) => `${describeFindings(v.relPath, v.errors)}${allowedHint(policy, v.relPath, v.errors)}`);
    return {
      decision: 'deny',
      reason: mask(`Conductor blocked this write: the team's AI policy (.conductor/rules.jsonc) does not allow it.\n${parts.join('\n')}\nChange the proposed code so that it follows these rules, or leave this change to a human author. Do not try to work around the policy.`),
    };
  }
  const warned = verdicts.filter((v) => v.warnings.length > 0);
  return warned.length > 0
    ? { decision: 'allow', context: mask(`Conductor warnings for the code just proposed (not blocking):\n${warned.map((v) => describeFindings(v.relPath, v.warnings)).join('\n')}`) }
    : { decision: 'allow' };
}

function describeFindings(relPath: string, findings: readonly Finding[]): string {
  const listed = findings.slice(0, MAX_LISTED_FINDINGS).map((f) => `- ${relPath}:${f.range.start.line + 1} [${f.ruleId}] ${f.message}`);
  const more = findings.length > MAX_LISTED_FINDINGS ? [`- … and ${findings.length - MAX_LISTED_FINDINGS} more in ${relPath}`] : [];
  return [...listed, ...more].join('\n');
}

/** What is allowed instead, when the messages do not already say it (layer messages name the allowed layers). */
function allowedHint(policy: Policy, relPath: string, errors: readonly Finding[]): string {
  if (!errors.some((f) => f.ruleId.startsWith('ai/'))) {
    return '';
  }
  const ai = aiPolicyOf(policy);
  if (ai.excluded.some((e) => e.applies(relPath)) || ai.forbidden.some((f) => f.matching(relPath) !== undefined)) {
    return `\nNo AI-written code is allowed in ${relPath} at all.`;
  }
  const approved = approvedUseCases(policy, relPath);
  return approved.length > 0 ? `\nAI use cases approved for ${relPath}: ${approved.join(', ')}.` : '';
}

/** A read of a path the policy excludes from AI assistants is denied; everything else is allowed. */
export function answerRead(policy: Policy, relPath: string): HookAnswer {
  const ai = aiPolicyOf(policy);
  const excluded = ai.excluded.find((e) => e.applies(relPath));
  if (!excluded || !policy.rulesFor(relPath).has(EXCLUDED_PATH)) {
    return { decision: 'allow' };
  }
  return {
    decision: 'deny',
    reason: maskSecretsIn(
      `Conductor blocked this read: ${relPath} is excluded from AI assistants by the team's policy (ai.excluded "${excluded.glob}" in ${excluded.origin}): secrets, customer data or regulated code must not reach an assistant's context. Do not read, quote or edit it; ask a human for what you need from it.`,
      secretRulesOf(policy),
    ),
  };
}
