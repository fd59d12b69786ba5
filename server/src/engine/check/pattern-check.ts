import type { Finding, Fix } from '../types';
import { kindAt } from '../text/lexer';
import type { ResolvedPattern } from '../config/resolve';
import type { DocumentContext } from './document-context';
import { patternScreen } from './secret-screen';
import { regionAt } from './provenance-check';
import { requiredLiteral } from '../regex/required-literal';

/** More findings than this from one pattern in one file are noise; the rest is counted in one summary finding. */
export const MAX_FINDINGS_PER_RULE = 500;

/** Runs the rule-file patterns that apply to this document. */
export function checkPatterns(ctx: DocumentContext, docsUrl: (p: ResolvedPattern) => string | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const p of ctx.policy.patternsFor(ctx.doc.relPath)) {
    const rule = ctx.rules.get(p.id);
    if (!rule) {
      continue;
    }
    // AI policy: an `aiOnly` rule reports only inside AI regions, so a file without any is skipped.
    if (rule.aiOnly && ctx.provenance.regions.length === 0) {
      continue;
    }
    // keywords / allow / minEntropy / secret masking: see secret-screen.ts.
    const screen = patternScreen(ctx, p);
    if (!screen.runs) {
      continue;
    }
    if (!mayMatch(ctx, p)) {
      continue; // the text lacks a literal every match contains
    }
    const re = p.compiled;
    re.lastIndex = 0;
    let count = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++; // an empty match would loop forever
        continue;
      }
      if (p.in !== 'any' && !matchesPlace(p.in, kindAt(ctx.spans, m.index))) {
        continue;
      }
      if (!screen.accepts(m)) {
        continue;
      }
      if (rule.aiOnly && !regionAt(ctx.provenance.regions, ctx.lines.positionAt(m.index).line)) {
        continue; // AI policy: outside every AI region
      }
      if (++count > MAX_FINDINGS_PER_RULE) {
        continue; // counted for the summary below, not listed
      }
      const range = ctx.lines.rangeOf(m.index, m.index + m[0].length);
      const fixes: Fix[] = [];
      if (p.fix !== undefined) {
        fixes.push({ title: `Fix: replace with "${expand(p.fix, m)}"`, edits: [{ range, newText: expand(p.fix, m) }], safe: p.fixSafe });
      }
      const finding: Finding = {
        ruleId: p.id,
        severity: rule.severity,
        message: expand(p.message, m),
        range,
        fixes,
        docsUrl: docsUrl(p),
        origin: rule.origin,
      };
      findings.push(screen.finish(finding, m));
    }
    if (count > MAX_FINDINGS_PER_RULE) {
      const last = findings[findings.length - 1];
      findings.push({
        ...last,
        message: `${count - MAX_FINDINGS_PER_RULE} more match(es) of ${p.id} in this file are not listed (only the first ${MAX_FINDINGS_PER_RULE} are).`,
        fixes: [],
        properties: { ...last.properties, unlisted: count - MAX_FINDINGS_PER_RULE },
      });
    }
  }
  return findings;
}

const literals = new WeakMap<ResolvedPattern, string | null>();

function mayMatch(ctx: DocumentContext, p: ResolvedPattern): boolean {
  let lit = literals.get(p);
  if (lit === undefined) {
    lit = requiredLiteral(p.regex, p.flags) ?? null;
    literals.set(p, lit);
  }
  return lit === null || (p.flags?.includes('i') ? ctx.lowerText : ctx.text).includes(lit);
}

function matchesPlace(where: 'code' | 'comments' | 'strings', kind: 'code' | 'comment' | 'string'): boolean {
  return where === 'code' ? kind === 'code' : where === 'comments' ? kind === 'comment' : kind === 'string';
}

/** `$1`… and `$<name>` from the match, as in String.prototype.replace. */
function expand(template: string, m: RegExpExecArray): string {
  return template.replace(/\$(\d+|<[A-Za-z_][A-Za-z0-9_]*>|&|\$)/g, (whole, g: string) => {
    if (g === '$') {
      return '$';
    }
    if (g === '&') {
      return m[0];
    }
    if (g.startsWith('<')) {
      return m.groups?.[g.slice(1, -1)] ?? '';
    }
    const n = Number(g);
    return n < m.length ? m[n] ?? '' : whole;
  });
}
