import type { Finding, TextEdit } from '../types';
import { spanAt } from '../text/lexer';
import { lineComment } from '../text/languages';
import { MISSING_REASON, UNKNOWN_SUPPRESSED_RULE, UNUSED_SUPPRESSION } from '../registry/suppression-rules';
import { LOCKED_SUPPRESSION } from '../org-policy/rules';
import type { DocumentContext } from './document-context';

export const DIRECTIVE = 'conductor-disable-next-line';
const REASON_PLACEHOLDER = '<reason>';
/** A directive's ids and reason are read from at most this many characters (a minified line can be megabytes). */
const MAX_DIRECTIVE_CHARS = 1000;

export interface Suppression {
  /** Line of the comment; it suppresses findings on the next line. */
  line: number;
  ruleIds: string[];
  reason: string;
  /** Offsets of the directive and of the end of its rule list (where another id can be added). */
  start: number;
  idsEnd: number;
  /** Offset where the directive's text ends (before a block comment's closer). */
  bodyEnd: number;
}

/** Finds `conductor-disable-next-line a, b -- reason` directives inside comments. */
export function parseSuppressions(ctx: DocumentContext): Suppression[] {
  const text = ctx.text;
  const out: Suppression[] = [];
  for (let i = text.indexOf(DIRECTIVE); i !== -1; i = text.indexOf(DIRECTIVE, i + DIRECTIVE.length)) {
    const span = spanAt(ctx.spans, i);
    if (span === -1 || ctx.spans.kinds[span] !== 'comment') {
      continue;
    }
    const pos = ctx.lines.positionAt(i);
    // Bounded per directive, so a line with thousands of them costs linear time, not quadratic.
    const end = Math.min(ctx.lines.lineEnd(pos.line), ctx.spans.ends[span], i + DIRECTIVE.length + MAX_DIRECTIVE_CHARS);
    const body = text.slice(i + DIRECTIVE.length, end).replace(/\s*(\*\/|-->|-\})\s*$/, '').replace(/\s+$/, '');
    const sep = body.search(/\s--(\s|$)/);
    const idsPart = sep === -1 ? body : body.slice(0, sep);
    const reason = sep === -1 ? '' : body.slice(sep + 3).trim();
    const ruleIds = idsPart.split(/[\s,]+/).filter(Boolean);
    const idsEnd = i + DIRECTIVE.length + idsPart.trimEnd().length;
    out.push({ line: pos.line, ruleIds, reason: reason === REASON_PLACEHOLDER ? '' : reason, start: i, idsEnd, bodyEnd: i + DIRECTIVE.length + body.length });
  }
  return out;
}

/**
 * Removes findings that a suppression with a reason covers, and reports suppressions that are
 * missing a reason, name unknown rules, or suppress nothing. A suppression without a reason has no effect.
 */
export function applySuppressions(ctx: DocumentContext, findings: Finding[], docsUrl: (id: string) => string | undefined): Finding[] {
  if (!ctx.text.includes(DIRECTIVE)) {
    return findings;
  }
  const suppressions = parseSuppressions(ctx);
  if (suppressions.length === 0) {
    return findings;
  }
  const byLine = new Map<number, Suppression>();
  for (const s of suppressions) {
    byLine.set(s.line + 1, s);
  }
  const used = new Set<string>();
  const kept = findings.filter((f) => {
    const s = byLine.get(f.range.start.line);
    // A rule locked by the org ruleset cannot be suppressed inline (reported below).
    if (s && s.reason && s.ruleIds.includes(f.ruleId) && !ctx.policy.isLocked(f.ruleId)) {
      used.add(`${s.line}:${f.ruleId}`);
      return false;
    }
    return true;
  });
  const report = (ruleId: string, s: Suppression, message: string, fixes: Finding['fixes'] = []): void => {
    const rule = ctx.rules.get(ruleId);
    if (rule) {
      const range = ctx.lines.rangeOf(s.start, s.idsEnd);
      kept.push({ ruleId, severity: rule.severity, message, range, fixes, docsUrl: docsUrl(ruleId), origin: rule.origin });
    }
  };
  for (const s of suppressions) {
    if (!s.reason) {
      report(MISSING_REASON, s, `Suppression needs a reason: ${DIRECTIVE} ${s.ruleIds.join(', ') || '<rule-id>'} -- <why this is acceptable>`);
      continue;
    }
    if (s.ruleIds.length === 0) {
      report(UNUSED_SUPPRESSION, s, `Suppression names no rule id: write ${DIRECTIVE} <rule-id> -- <reason>`);
      continue;
    }
    for (const id of s.ruleIds) {
      if (!ctx.policy.knows(id)) {
        report(UNKNOWN_SUPPRESSED_RULE, s, `Suppression names unknown rule "${id}".`);
      } else if (ctx.policy.isLocked(id)) {
        report(LOCKED_SUPPRESSION, s, `This suppression has no effect: "${id}" is locked by org ruleset ${ctx.policy.org?.name}.`);
      } else if (!used.has(`${s.line}:${id}`)) {
        report(UNUSED_SUPPRESSION, s, `Unused suppression: "${id}" reports nothing on the next line.`, [
          { title: 'Remove the unused suppression', edits: [removeSuppressionEdit(ctx, s, id)], safe: true },
        ]);
      }
    }
  }
  return kept;
}

/**
 * Deletes one id from a suppression; when it was the only id, deletes the whole comment (from the
 * lexer's span, so block comments lose their closer too), and the line when nothing else is on it.
 */
function removeSuppressionEdit(ctx: DocumentContext, s: Suppression, id: string): TextEdit {
  if (s.ruleIds.length > 1) {
    const idsText = ctx.text.slice(s.start + DIRECTIVE.length, s.idsEnd);
    const remaining = s.ruleIds.filter((r) => r !== id).join(', ');
    return { range: ctx.lines.rangeOf(s.start + DIRECTIVE.length, s.idsEnd), newText: (idsText.match(/^\s*/)?.[0] ?? ' ') + remaining };
  }
  const span = spanAt(ctx.spans, s.start);
  const start = ctx.spans.starts[span];
  const end = Math.min(ctx.spans.ends[span], ctx.lines.lineEnd(ctx.lines.positionAt(ctx.spans.ends[span]).line));
  const first = ctx.lines.positionAt(start).line;
  const last = ctx.lines.positionAt(end).line;
  const lineStart = ctx.lines.lineStart(first);
  const before = ctx.text.slice(lineStart, start);
  const after = ctx.text.slice(end, ctx.lines.lineEnd(last));
  if (before.trim() === '' && after.trim() === '') {
    return { range: { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } }, newText: '' };
  }
  // The comment shares its line with code: remove it and the spaces before it.
  const from = start - (before.match(/[ \t]*$/)?.[0].length ?? 0);
  return { range: ctx.lines.rangeOf(from, end), newText: '' };
}

/**
 * The edit behind "Suppress on this line with a reason": adds the id to a suppression directly above,
 * or inserts a new comment line above the finding with the same indentation.
 */
export function suppressionEdit(ctx: DocumentContext, finding: Finding, reason: string): TextEdit {
  const line = finding.range.start.line;
  const above = parseSuppressions(ctx).find((s) => s.line === line - 1);
  if (above && above.reason) {
    const at = ctx.lines.positionAt(above.idsEnd);
    return { range: { start: at, end: at }, newText: `, ${finding.ruleId}` };
  }
  if (above) {
    // The directive above has no reason and so no effect: give it the new id and this reason.
    return { range: ctx.lines.rangeOf(above.idsEnd, above.bodyEnd), newText: `, ${finding.ruleId} -- ${reason.trim() || REASON_PLACEHOLDER}` };
  }
  const indent = ctx.lines.lineText(line).match(/^\s*/)?.[0] ?? '';
  const comment = lineComment(ctx.syntax, `${DIRECTIVE} ${finding.ruleId} -- ${reason.trim() || REASON_PLACEHOLDER}`);
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}${comment}${ctx.lines.eol}` };
}
