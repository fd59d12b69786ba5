// Masking keeps credentials out of everything a finding travels through: editor hovers, CLI output,
// SARIF uploads, CI logs. Only a short prefix (enough to recognise the type) and the length remain.
import type { PolicyView } from '../config/types';
import { expandTemplate } from './message-template';
import type { Finding } from '../types';
import { shannonEntropy } from './secret-entropy';

/** The most of a secret a finding may show. */
const MAX_PREFIX = 4;

/** `AKIA…(20 chars)`: a prefix of at most a fifth of the value (so short passwords show 0–1 chars). */
export function maskSecret(secret: string): string {
  const shown = Math.min(MAX_PREFIX, Math.floor(secret.length / 5));
  return `${secret.slice(0, shown)}…(${secret.length} chars)`;
}

/**
 * The part of a match that `allow`, `minEntropy` and masking look at: the group named `secret`,
 * else the first capture group that took part in the match, else the whole match.
 */
export function checkedValue(m: RegExpExecArray): string {
  const named = m.groups?.secret;
  if (named !== undefined) {
    return named;
  }
  for (let i = 1; i < m.length; i++) {
    if (m[i] !== undefined) {
      return m[i];
    }
  }
  return m[0];
}

/**
 * Expands a message template like `expandTemplate`, plus `$masked`; any group that holds the
 * secret (or part of it) is inserted masked, and a final pass removes any raw copy left.
 */
export function expandMasked(template: string, m: RegExpExecArray, secret: string, masked: string): string {
  const safe = (value: string): string => (value.includes(secret) || secret.includes(value) ? masked : value);
  return scrub(expandTemplate(template, m, { insert: safe, named: { masked } }), secret, masked);
}

/** Replaces every raw occurrence of the secret. */
export function scrub(text: string, secret: string, masked: string): string {
  return secret.length > 0 && text.includes(secret) ? text.split(secret).join(masked) : text;
}

/** `scheme://user:pass@`: URL credentials are masked wherever they appear. */
const URL_CREDENTIALS = /\b([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^\s/?#@]+@/g;
/** Runs of token characters (base64 with its padding, base64url, hex, API-key alphabets). */
const TOKEN = /[A-Za-z0-9_+/-]{20,}={0,2}/g;
/** Bits per character above which a token-length run is treated as random (a 20-char random base62 token scores ~4). */
const TOKEN_MIN_ENTROPY = 3.5;

/** A token that looks generated rather than written: long, mixed letters and digits, high entropy. */
function isRandomToken(token: string): boolean {
  if (!/[A-Za-z]/.test(token) || !/[0-9]/.test(token)) {
    return false;
  }
  // Paths (`src/v2/util`) share the alphabet; base64 with a slash also mixes both cases.
  if (token.includes('/') && !(/[a-z]/.test(token) && /[A-Z]/.test(token))) {
    return false;
  }
  return shannonEntropy(token) >= TOKEN_MIN_ENTROPY;
}

/**
 * The one masking function for text shown to anyone (finding messages and properties, CLI output,
 * error messages): URL credentials always; any value a secret rule's regex (`secretRules`: the
 * effective ruleset's `secret: true` patterns) finds; and any random-looking token.
 */
export function maskSecretsIn(text: string, secretRules: readonly RegExp[] = []): string {
  let out = text.replace(URL_CREDENTIALS, '$1***@');
  for (const re of secretRules) {
    const found = new Set<string>();
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(out)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      found.add(checkedValue(m));
    }
    re.lastIndex = 0;
    for (const secret of found) {
      out = scrub(out, secret, maskSecret(secret));
    }
  }
  return out.replace(TOKEN, (t) => (isRandomToken(t) ? maskSecret(t) : t));
}

const rulesOf = new WeakMap<PolicyView, RegExp[]>();

/** The secret rules of a policy, for `maskSecretsIn`. */
export function secretRulesOf(policy: PolicyView): RegExp[] {
  let rules = rulesOf.get(policy);
  if (!rules) {
    rules = [...policy.resolved.patterns.values()].filter((p) => p.secret).map((p) => p.compiled);
    rulesOf.set(policy, rules);
  }
  return rules;
}

/** Every string in a finding's message and properties through `maskSecretsIn` (fixes edit the user's own text and stay). */
export function maskFinding(f: Finding, secretRules: readonly RegExp[]): Finding {
  const deep = (v: unknown): unknown => {
    if (typeof v === 'string') {
      return maskSecretsIn(v, secretRules);
    }
    if (Array.isArray(v)) {
      return v.map(deep);
    }
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deep(x)]));
    }
    return v;
  };
  return { ...f, message: maskSecretsIn(f.message, secretRules), ...(f.properties && { properties: deep(f.properties) as Record<string, unknown> }) };
}
