// Masking keeps credentials out of everything a finding travels through: editor hovers, CLI output,
// SARIF uploads, CI logs. Only a short prefix (enough to recognise the type) and the length remain.

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
 * Expands `$masked`, `$1`…, `$<name>` and `$&` like a replacement string, except that any group
 * that holds the secret (or part of it) is inserted masked. A final pass removes any raw copy left.
 */
export function expandMasked(template: string, m: RegExpExecArray, secret: string, masked: string): string {
  const safe = (value: string | undefined): string => {
    if (value === undefined || value === '') {
      return '';
    }
    return value.includes(secret) || secret.includes(value) ? masked : value;
  };
  const out = template.replace(/\$(masked\b|\d+|<[A-Za-z_][A-Za-z0-9_]*>|&|\$)/g, (whole, g: string) => {
    if (g === '$') {
      return '$';
    }
    if (g === 'masked') {
      return masked;
    }
    if (g === '&') {
      return safe(m[0]);
    }
    if (g.startsWith('<')) {
      return safe(m.groups?.[g.slice(1, -1)]);
    }
    const n = Number(g);
    return n < m.length ? safe(m[n]) : whole;
  });
  return scrub(out, secret, masked);
}

/** Replaces every raw occurrence of the secret. */
export function scrub(text: string, secret: string, masked: string): string {
  return secret.length > 0 && text.includes(secret) ? text.split(secret).join(masked) : text;
}
