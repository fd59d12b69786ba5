// The main instruction section every target gets: where the policy comes from, then one section per concept.
import { excluded, forbidden, markers, review, useCases } from './ai-sections';
import type { Facts } from './facts';
import { layers, packages } from './import-sections';
import { code } from './markdown';
import { banned, personalData, secrets } from './rule-sections';
import { BEGIN_MARKER, END_MARKER } from './section';
import { SCOPED_DIR, SCOPED_PREFIX, SCOPED_SUFFIX } from './targets';

export function wrap(lines: string[]): string {
  return [BEGIN_MARKER, ...lines, END_MARKER].join('\n');
}

/** The rule file (and ruleset name) the policy comes from, or the built-in default. */
export function source(facts: Facts): string {
  const ruleFile = facts.options.ruleFile;
  if (!ruleFile) {
    return 'the built-in default rules (`conductor:recommended`)';
  }
  return `${code(ruleFile)}${facts.name ? ` (ruleset ${code(facts.name)})` : ''}`;
}

export function mainBody(facts: Facts, mentionScoped: boolean): string[] {
  const out: string[] = [];
  out.push('## Conductor policy for AI-written code', '');
  out.push(
    `Conductor checks this repository against ${source(facts)} in the editor and in CI (\`conductor check\`). ` +
      'Follow these rules in every change you make; code that breaks them is reported and can fail the build.',
  );
  if (mentionScoped) {
    out.push('', `Path-specific rules are in \`${SCOPED_DIR}/${SCOPED_PREFIX}*${SCOPED_SUFFIX}\`.`);
  }
  const sections = [markers(facts), useCases(facts), forbidden(facts), excluded(facts), layers(facts), packages(facts), banned(facts), secrets(facts), personalData(facts), review(facts), checking()];
  for (const s of sections) {
    if (s.length > 0) {
      out.push('', ...s);
    }
  }
  return out;
}

function checking(): string[] {
  return [
    '### Checking your work',
    '',
    '- `npx conductor check <paths>` reports violations (exit code 1 when there are errors).',
    '- The Conductor MCP server (`npx conductor mcp`) answers before you write: `check_code`, `policy_for_path`, `allowed_imports`, `explain_rule`.',
    '- Do not suppress a finding (`conductor-disable-next-line`) unless a human asked you to, and then always with a reason.',
  ];
}
