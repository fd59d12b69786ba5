import type { Finding } from '../types';
import type { Policy } from '../config/policy';
import { DocumentContext, type DocumentInput } from './document-context';
import { checkPatterns } from './pattern-check';
import { applySuppressions } from './suppressions';

export interface CheckOptions {
  /** Documentation link for a rule id (host-specific: a file in the extension, a URL in SARIF). */
  docsUrl(ruleId: string, explicit?: string): string | undefined;
}

/** The one entry point every host calls: a document and a policy in, plain findings out. */
export function checkDocument(doc: DocumentInput, policy: Policy, options: CheckOptions): Finding[] {
  const ctx = new DocumentContext(doc, policy);
  const findings = checkPatterns(ctx, (p) => options.docsUrl(p.id, p.docs));
  return sortFindings(applySuppressions(ctx, findings, (id) => options.docsUrl(id)));
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.ruleId.localeCompare(b.ruleId),
  );
}
