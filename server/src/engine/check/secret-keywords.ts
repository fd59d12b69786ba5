import type { PolicyView } from '../config/types';
import type { DocumentContext } from './document-context';

// `keywords` prefilter. Every keyword of every pattern in the policy goes into one alternation that
// scans the lower-cased text once per document; patterns then ask a Set. Most files contain none of
// the keywords, so most secret patterns cost nothing beyond that single pass.

interface KeywordIndex {
  regex?: RegExp;
  /** For a keyword, the shorter keywords that are its prefixes (found at the same offset). */
  prefixes: Map<string, string[]>;
  total: number;
}

const indexes = new WeakMap<PolicyView, KeywordIndex>();
const found = new WeakMap<DocumentContext, Set<string>>();

/** Whether the document contains at least one of the (lower-case) keywords. */
export function containsAnyKeyword(ctx: DocumentContext, keywords: readonly string[]): boolean {
  let present = found.get(ctx);
  if (!present) {
    present = scan(ctx.lowerText, indexFor(ctx.policy));
    found.set(ctx, present);
  }
  return keywords.some((k) => present.has(k));
}

function indexFor(policy: PolicyView): KeywordIndex {
  let index = indexes.get(policy);
  if (!index) {
    const all = new Set<string>();
    for (const p of policy.resolved.patterns.values()) {
      for (const k of p.keywords ?? []) {
        all.add(k.toLowerCase());
      }
    }
    // Longest first, so at each offset the alternation reports the longest keyword; shorter
    // keywords that are its prefixes are credited through `prefixes`, the rest by rescanning from offset + 1.
    const sorted = [...all].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    const prefixes = new Map(sorted.map((k) => [k, sorted.filter((o) => o !== k && k.startsWith(o))]));
    const regex = sorted.length > 0 ? new RegExp(sorted.map(escapeRegex).join('|'), 'g') : undefined;
    index = { regex, prefixes, total: sorted.length };
    indexes.set(policy, index);
  }
  return index;
}

function scan(lower: string, index: KeywordIndex): Set<string> {
  const present = new Set<string>();
  const re = index.regex;
  if (!re) {
    return present;
  }
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(lower)) !== null) {
    present.add(m[0]);
    for (const p of index.prefixes.get(m[0]) ?? []) {
      present.add(p);
    }
    if (present.size === index.total) {
      break;
    }
    re.lastIndex = m.index + 1;
  }
  re.lastIndex = 0;
  return present;
}

function escapeRegex(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}
