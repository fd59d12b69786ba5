// The instruction sections about AI-written code: markers, use cases, forbidden and excluded paths, review.
import { excludedGlobs, forbiddenEntries, type Facts } from './facts';
import { code, codes, prose } from './markdown';

export function markers(facts: Facts): string[] {
  if (!facts.policy.ai.declared) {
    return [];
  }
  return [
    '### Marking AI-written code',
    '',
    "The policy applies to code between provenance markers. Conductor's VS Code extension adds them when you accept a suggestion or a chat edit; elsewhere, mark each block you write, in the file's comment syntax:",
    '',
    '```',
    '// @ai-generated begin id=<6 hex digits> tool=<assistant> use=<use case>',
    '…',
    '// @ai-generated end id=<same id>',
    '```',
  ];
}

export function useCases(facts: Facts): string[] {
  const ai = facts.policy.ai;
  const cases = ai.useCases;
  if (!cases || !ai.enforced.useCases) {
    return [];
  }
  const out = ['### Approved AI use cases', ''];
  if (cases.length === 0) {
    out.push('No use case is approved: do not write code here; explain the change and leave it to a human.');
    return out;
  }
  out.push('AI-written code is allowed only for these use cases, each only in its paths. Name the use case in the begin marker (`use=<name>`).', '');
  for (const u of cases) {
    const limits = [u.maxLines !== undefined ? `at most ${u.maxLines} lines per block` : '', u.requiresTest ? 'needs a test file next to its source' : ''].filter(Boolean);
    out.push(`- ${code(u.name)}${u.description ? ` — ${prose(u.description)}` : ''}: ${codes(u.paths)}${limits.length ? ` (${limits.join('; ')})` : ''}`);
  }
  out.push(
    '',
    ai.unclassified === 'forbid'
      ? 'A block without a use case is not allowed (test files count as `tests`, comment-only blocks as `docs`).'
      : 'A block without a use case is allowed, but name one whenever it applies.',
  );
  return out;
}

export function forbidden(facts: Facts): string[] {
  const entries = forbiddenEntries(facts);
  if (entries.length === 0) {
    return [];
  }
  return [
    '### Forbidden paths',
    '',
    'AI-written code is not allowed in these paths, whatever its use case. Do not write or change code there; describe the change and leave it to a human author.',
    '',
    ...entries.map((f) => `- ${codes(f.paths)}: ${prose(f.reason)}`),
  ];
}

export function excluded(facts: Facts): string[] {
  const globs = excludedGlobs(facts);
  if (globs.length === 0) {
    return [];
  }
  return [
    '### Excluded (sensitive) paths',
    '',
    'These files are excluded from AI assistants (secrets, customer data, regulated code). Do not open, read, quote, summarise or edit them, and do not copy their content into prompts, code or tools.',
    '',
    ...globs.map((g) => `- ${code(g)}`),
  ];
}

export function review(facts: Facts): string[] {
  const ai = facts.policy.ai;
  const r = ai.review;
  if (!ai.enforced.review || r.where === 'nowhere') {
    return [];
  }
  const where = r.where === 'everywhere' ? 'Every AI block needs' : `AI blocks ${r.where} need`;
  const out = [
    '### Human review',
    '',
    `- ${where} a human review before it merges: the reviewer records \`reviewed-by=\` and \`reviewed-at=\` in its begin marker. The CI gate fails on unreviewed blocks.`,
    '- Never write `reviewed-by`, `reviewed-at` or `accepted-by` yourself, and do not remove or edit markers to get past a check.',
  ];
  if (!r.allowSelfReview) {
    out.push('- The reviewer must not be the person who accepted the block.');
  }
  if (r.maxUnreviewedDays !== undefined) {
    out.push(`- A block left unreviewed for more than ${r.maxUnreviewedDays} days is an error.`);
  }
  return out;
}
