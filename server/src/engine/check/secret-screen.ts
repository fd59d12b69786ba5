import type { Finding } from '../types';
import type { ResolvedPattern } from '../config/types';
import { compileRuleRegex } from '../regex/linear-regex';
import type { DocumentContext } from './document-context';
import { checksumHolds } from './secret-checksum';
import { shannonEntropy } from './secret-entropy';
import { containsAnyKeyword } from './secret-keywords';
import { checkedValue, expandMasked, maskSecret, scrub } from './secret-mask';
import { builtinPlaceholders, isLowVariety, testFromStart } from './secret-placeholders';

/**
 * What pattern-check asks of a pattern's `keywords`, `allow`, `minEntropy` and `secret` settings:
 * whether to run it on this document at all, whether a match counts, and the finding made safe to show.
 */
export interface PatternScreen {
  /** False when the pattern has keywords and the document contains none of them. */
  readonly runs: boolean;
  accepts(m: RegExpExecArray): boolean;
  finish(finding: Finding, m: RegExpExecArray): Finding;
}

const PLAIN: PatternScreen = { runs: true, accepts: () => true, finish: (f) => f };
const SKIP: PatternScreen = { runs: false, accepts: () => false, finish: (f) => f };

/** A pattern's extras, prepared once per resolved pattern (i.e. once per config load). */
interface Prepared {
  keywords?: string[];
  allow: RegExp[];
  minEntropy?: number;
  secret: boolean;
}

const prepared = new WeakMap<ResolvedPattern, Prepared | null>();
/** Per document: spans already reported by a `secret` pattern (one secret, one finding). */
const claimed = new WeakMap<DocumentContext, [number, number][]>();

export function patternScreen(ctx: DocumentContext, p: ResolvedPattern): PatternScreen {
  const x = prepare(p);
  if (!x) {
    return PLAIN;
  }
  if (x.keywords && !containsAnyKeyword(ctx, x.keywords)) {
    return SKIP;
  }
  return {
    runs: true,
    accepts: (m) => {
      const value = checkedValue(m);
      return accepts(x, value) && (!x.secret || claim(ctx, m, value));
    },
    finish: (f, m) => (x.secret ? masked(f, m, p) : f),
  };
}

function prepare(p: ResolvedPattern): Prepared | null {
  let x = prepared.get(p);
  if (x === undefined) {
    const used = p.secret || p.keywords?.length || p.allow?.length || p.minEntropy !== undefined;
    // Allow regexes were validated when the rule file loaded (schema); compile the same way here.
    const allow = (p.allow ?? []).flatMap((source) => {
      const c = compileRuleRegex(source, 'i');
      return 'error' in c ? [] : [c.regex];
    });
    x = used
      ? {
          keywords: p.keywords?.length ? p.keywords.map((k) => k.toLowerCase()) : undefined,
          allow: p.secret ? [...allow, ...builtinPlaceholders()] : allow,
          minEntropy: p.minEntropy,
          secret: p.secret === true,
        }
      : null;
    prepared.set(p, x);
  }
  return x;
}

function accepts(x: Prepared, value: string): boolean {
  if (x.minEntropy !== undefined && shannonEntropy(value) < x.minEntropy) {
    return false;
  }
  if (x.secret && (isLowVariety(value) || !checksumHolds(value))) {
    return false;
  }
  return !x.allow.some((re) => testFromStart(re, value));
}

/**
 * A specific rule and a generic one often match the same token (`secretAccessKey: "…"` is both an AWS
 * key and a secret assignment). Patterns run in declaration order, so the first, more specific rule wins.
 */
function claim(ctx: DocumentContext, m: RegExpExecArray, value: string): boolean {
  const start = m.index + Math.max(0, m[0].indexOf(value));
  const end = start + value.length;
  let spans = claimed.get(ctx);
  if (!spans) {
    spans = [];
    claimed.set(ctx, spans);
  }
  if (spans.some(([s, e]) => start < e && s < end)) {
    return false;
  }
  spans.push([start, end]);
  return true;
}

/** The finding with the secret masked in its message and no raw copy anywhere (fixes included). */
function masked(f: Finding, m: RegExpExecArray, p: ResolvedPattern): Finding {
  const secret = checkedValue(m);
  if (secret === '') {
    return f;
  }
  const mask = maskSecret(secret);
  const escaped = JSON.stringify(secret).slice(1, -1);
  const leaks = (value: unknown): boolean => JSON.stringify(value).includes(escaped);
  const out: Finding = {
    ...f,
    message: expandMasked(p.message, m, secret, mask),
    // A fix that re-inserts the secret cannot be shown without showing it; it would not remove it either.
    fixes: f.fixes.filter((fix) => !leaks(fix)),
    properties: { ...f.properties, secret: { masked: mask, length: secret.length } },
  };
  // Last resort for anything a future field might copy from the match.
  return leaks(out) ? (JSON.parse(scrub(JSON.stringify(out), escaped, mask)) as Finding) : out;
}
