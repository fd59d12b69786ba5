// The MCP tool policy_for_path: what the AI policy says about one path, and a one-paragraph summary.
import { explainPolicy } from '../engine/explain';
import type { McpWorkspace } from './workspace';

export interface PolicyForPathResult {
  path: string;
  /** Matches the rule file's `ignore`: never checked. */
  ignored: boolean;
  excluded: { excluded: boolean; globs: string[]; enforced: boolean };
  forbidden: { forbidden: boolean; reason?: string; glob?: string; enforced: boolean };
  useCases: {
    /** False when the policy defines no use cases (then any use case is accepted). */
    governed: boolean;
    approved: { name: string; description?: string; maxLines?: number; requiresTest?: boolean }[];
    /** What happens to a block with no use case. */
    unclassified: 'allow' | 'forbid';
    enforced: boolean;
  };
  review: { required: boolean; where: string; allowSelfReview: boolean; maxUnreviewedDays?: number; enforced: boolean };
  layer: string | null;
  rulesInForce: { total: number; error: number; warning: number; info: number; hint: number };
  /** One paragraph for the assistant. */
  summary: string;
}

export function policyForPath(ws: McpWorkspace, input: string): PolicyForPathResult {
  const relPath = ws.relPath(input);
  const { policy } = ws.policy();
  const x = explainPolicy(policy, relPath);
  const ai = x.ai;
  const excludedGlobs = [...new Set(ai.excluded.filter((e) => e.appliesHere).map((e) => e.glob))];
  const forbiddenEntry = ai.forbidden.find((f) => f.matching !== undefined);
  const approved = (ai.useCases ?? [])
    .filter((u) => u.approvedHere)
    .map((u) => ({ name: u.name, ...(u.description && { description: u.description }), ...(u.maxLines !== undefined && { maxLines: u.maxLines }), ...(u.requiresTest && { requiresTest: true }) }));
  const bySeverity = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of x.rules) {
    bySeverity[r.severity]++;
  }
  const result: Omit<PolicyForPathResult, 'summary'> = {
    path: relPath,
    ignored: x.ignored,
    excluded: { excluded: excludedGlobs.length > 0, globs: excludedGlobs, enforced: ai.enforced.excluded },
    forbidden: {
      forbidden: forbiddenEntry !== undefined,
      ...(forbiddenEntry && { reason: forbiddenEntry.reason, glob: forbiddenEntry.matching }),
      enforced: ai.enforced.forbidden,
    },
    useCases: { governed: ai.useCases !== undefined, approved, unclassified: ai.unclassified, enforced: ai.enforced.useCases },
    review: {
      required: ai.review.requiredHere,
      where: ai.review.where,
      allowSelfReview: ai.review.allowSelfReview,
      ...(ai.review.maxUnreviewedDays !== undefined && { maxUnreviewedDays: ai.review.maxUnreviewedDays }),
      enforced: ai.enforced.review,
    },
    layer: x.imports?.layer ?? null,
    rulesInForce: { total: x.rules.length, ...bySeverity },
  };
  return { ...result, summary: summarize(result) };
}

function summarize(r: Omit<PolicyForPathResult, 'summary'>): string {
  const s: string[] = [];
  if (r.ignored) {
    s.push(`${r.path} is ignored by the rule file: Conductor does not check it.`);
  }
  if (r.excluded.excluded) {
    s.push(`${r.path} is EXCLUDED from AI assistants (${r.excluded.globs.join(', ')}): do not read, quote or edit it.`);
  } else if (r.forbidden.forbidden) {
    s.push(`AI-written code is FORBIDDEN in ${r.path} (${r.forbidden.glob}): ${r.forbidden.reason}. Leave changes to a human author.`);
  } else if (r.useCases.governed) {
    s.push(
      r.useCases.approved.length
        ? `AI-written code is allowed here for: ${r.useCases.approved.map((u) => u.name).join(', ')} (name it in the marker: use=<name>).`
        : `No AI use case is approved for ${r.path}.`,
    );
  } else {
    s.push('The policy does not restrict AI use cases here.');
  }
  if (!r.excluded.excluded && !r.forbidden.forbidden && r.review.required) {
    s.push(`AI blocks here need a human review${r.review.allowSelfReview ? '' : ' by someone other than the person who accepted them'}.`);
  }
  if (r.layer) {
    s.push(`Layer: ${r.layer} (see allowed_imports).`);
  }
  return s.join(' ');
}
