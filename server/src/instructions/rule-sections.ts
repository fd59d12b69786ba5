// The instruction sections listing pattern rules, grouped by their ruleset `category`: banned constructs,
// secrets (by kind and provider only: never a regex or an example), personal data.
import type { RuleExplained } from '../engine/explain';
import type { SecretKind } from '../engine/registry/rule-category';
import { severityText, type Facts } from './facts';
import { code, codes, meaning } from './markdown';

/** Patterns in force, by id (code-unit order). */
function patterns(facts: Facts): RuleExplained[] {
  return facts.policy.rules.filter((r) => r.kind === 'pattern').sort((a, b) => (a.id < b.id ? -1 : 1));
}

const ruleLine = (r: RuleExplained): string => `- ${code(r.id)} (${severityText(r)}): ${meaning(r.description)}`;

export function banned(facts: Facts): string[] {
  const list = patterns(facts).filter((r) => r.category?.family !== 'secrets' && r.category?.family !== 'data');
  if (list.length === 0) {
    return [];
  }
  return ['### Banned APIs and constructs', '', 'Do not write code these rules report (rule id, severity):', '', ...list.map(ruleLine)];
}

/** How the instructions name each kind of credential but API keys (listed by provider), in this order. */
const SECRET_KIND_LABELS: Record<Exclude<SecretKind, 'api-key'>, string> = {
  'private-key': 'private keys',
  'url-password': 'passwords in connection strings and URLs',
  'auth-header': 'JWTs and credentials in authorization headers',
  'named-secret': 'hard-coded values assigned to secret-looking names (password, token, api key, …)',
};

export function secrets(facts: Facts): string[] {
  const list = patterns(facts).filter((r) => r.category?.family === 'secrets');
  if (list.length === 0) {
    return [];
  }
  const out = [
    '### Secrets and credentials',
    '',
    'Never write a credential into code, configuration, tests, fixtures or docs, not even one that only looks real: read it from the environment or a secret manager, and use obvious placeholders (`<your-token>`, `changeme`) in examples. Conductor detects:',
    '',
  ];
  const providers = new Set<string>();
  const kinds = new Set<SecretKind>();
  const unclassified: string[] = [];
  for (const r of list) {
    const { kind, provider } = r.category!;
    if (provider) {
      providers.add(provider); // `secrets/api-key/<provider>`
    } else if (kind) {
      kinds.add(kind);
    } else {
      unclassified.push(r.id);
    }
  }
  if (providers.size) {
    out.push(`- API keys and tokens of ${[...providers].sort().join(', ')}`);
  }
  for (const [kind, label] of Object.entries(SECRET_KIND_LABELS)) {
    if (kinds.has(kind as SecretKind)) {
      out.push(`- ${label}`);
    }
  }
  if (unclassified.length) {
    out.push(`- also: ${codes(unclassified)}`);
  }
  return out;
}

export function personalData(facts: Facts): string[] {
  const list = patterns(facts).filter((r) => r.category?.family === 'data');
  if (list.length === 0) {
    return [];
  }
  return ['### Personal data and data handling', '', ...list.map(ruleLine)];
}
