import type { Finding, Fix } from '../types';
import { kindAt } from '../text/lexer';
import type { ResolvedPattern } from '../config/types';
import type { DocumentContext } from './document-context';
import { patternScreen } from './secret-screen';
import { regionAt } from './provenance-check';
import { requiredLiteral } from '../regex/required-literal';
import { RegexBudget, REGEX_BUDGET_MS, REGEX_LIMIT_MS } from '../regex/regex-budget';
import { expandTemplate } from './message-template';

/** More findings than this from one pattern in one file are noise; the rest is counted in one summary finding. */
export const MAX_FINDINGS_PER_RULE = 500;

/** Runs the rule-file patterns that apply to this document. */
export function checkPatterns(ctx: DocumentContext, docsUrl: (p: ResolvedPattern) => string | undefined, budget = new RegexBudget()): Finding[] {
  const findings: Finding[] = [];
  const patterns = ctx.policy.patternsFor(ctx.doc.relPath);
  let linearFrom: number | undefined;
  let stoppedAt: number | undefined;
  for (const [index, p] of patterns.entries()) {
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
    while ((m = budget.exec(re, ctx.text)) !== null) {
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
        const newText = expandTemplate(p.fix, m, { maxChars: Infinity }); // the edit needs the whole text
        fixes.push({ title: `Fix: replace with "${expandTemplate(p.fix, m)}"`, edits: [{ range, newText }], safe: p.fixSafe });
      }
      const finding: Finding = {
        ruleId: p.id,
        severity: rule.severity,
        message: expandTemplate(p.message, m),
        range,
        fixes,
        docsUrl: docsUrl(p),
        origin: rule.origin,
      };
      findings.push(screen.finish(finding, m));
    }
    linearFrom ??= budget.linear ? index : undefined;
    stoppedAt ??= budget.stopped ? index : undefined;
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
  if (stoppedAt !== undefined) {
    findings.push(budgetNotice(ctx, patterns.slice(stoppedAt), docsUrl, 'stopped'));
  } else if (linearFrom !== undefined) {
    findings.push(budgetNotice(ctx, patterns.slice(linearFrom), docsUrl, 'linear'));
  }
  return findings;
}

/**
 * Says that this file's regexes outran the backtracking budget (an info: the findings are complete) or
 * the hard limit (an error: the gate fails closed, since the named rules were not fully checked).
 */
function budgetNotice(ctx: DocumentContext, affected: ResolvedPattern[], docsUrl: (p: ResolvedPattern) => string | undefined, kind: 'linear' | 'stopped'): Finding {
  const [first] = affected;
  const names = affected.length > 3 ? `${affected.slice(0, 3).map((p) => p.id).join(', ')} and ${affected.length - 3} more` : affected.map((p) => p.id).join(', ');
  return {
    ruleId: first.id,
    severity: kind === 'linear' ? 'info' : 'error',
    message:
      kind === 'linear'
        ? `Rule regexes used up this file's ${REGEX_BUDGET_MS} ms backtracking budget at ${first.id}; ${names} ran on the linear-time engine (same findings, bounded time).`
        : `Checking stopped: rule regexes ran for over ${REGEX_LIMIT_MS / 1000} s on this file, at ${first.id}; ${names} not fully checked. Simplify the rule (a pattern like a*b|a rescans the line for every match).`,
    range: ctx.lines.rangeOf(0, 0),
    fixes: [],
    docsUrl: docsUrl(first),
    origin: ctx.rules.get(first.id)?.origin,
  };
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
