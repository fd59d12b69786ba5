import { z } from 'zod';

// What a pattern rule is about, said by its ruleset instead of guessed from its id: a family
// (`security`), and for credentials the kind (`secrets/private-key`) and, for API keys, the provider
// (`secrets/api-key/github`). The instruction files group rules by it.

export const RULE_FAMILIES = ['secrets', 'security', 'data', 'quality'] as const;
export type RuleFamily = (typeof RULE_FAMILIES)[number];

/** The kinds of credential told apart; `api-key` names its provider as a third segment. */
export const SECRET_KINDS = ['api-key', 'private-key', 'url-password', 'auth-header', 'named-secret'] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];

export interface RuleCategory {
  family: RuleFamily;
  kind?: SecretKind;
  /** The service an API key belongs to (`github`, `new-relic`). */
  provider?: string;
}

const NAME = '[a-z0-9][a-z0-9-]*';
const OTHER_KINDS = SECRET_KINDS.filter((k) => k !== 'api-key').join('|');
const GRAMMAR = new RegExp(`^(?:secrets(?:/api-key/${NAME}|/(?:${OTHER_KINDS}))?|${RULE_FAMILIES.filter((f) => f !== 'secrets').join('|')})$`);

export const ruleCategory = z
  .string()
  .regex(GRAMMAR, `a category is one of ${RULE_FAMILIES.join(', ')}; secrets may add a kind (${SECRET_KINDS.map((k) => (k === 'api-key' ? 'api-key/<provider>' : k)).join(', ')})`)
  .describe(
    'What the rule is about: `secrets`, `security`, `data` or `quality`; credentials may add their kind: `secrets/api-key/<provider>`, `secrets/private-key`, `secrets/url-password`, `secrets/auth-header`, `secrets/named-secret`. Instruction files for AI assistants group rules by it (without one, a `secret` rule counts as `secrets`, any other as a banned construct).',
  );

/** A category the schema accepted, as its parts. */
export function parseCategory(category: string): RuleCategory {
  const [family, kind, provider] = category.split('/');
  return { family: family as RuleFamily, ...(kind && { kind: kind as SecretKind }), ...(provider && { provider }) };
}
