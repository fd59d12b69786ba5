import type { Finding } from '../types';
import type { Policy } from '../config/policy';
import { DocumentContext, type DocumentInput } from './document-context';
import { checkPatterns } from './pattern-check';
import { applySuppressions } from './suppressions';
import { applyAiContext, checkMarkers } from './provenance-check';
import { SECTIONS } from '../sections';
import { maskFinding, secretRulesOf } from './secret-mask';
import { pushAll } from '../text/push-all';
import { capFindings } from './cap-findings';
import type { ProvenanceSource } from '../provenance';

export interface CheckOptions {
  /** Documentation link for a rule id (host-specific: a file in the extension, a URL in SARIF). */
  docsUrl(ruleId: string, explicit?: string): string | undefined;
  /** AI policy: whether a workspace-relative file exists (for `requiresTest`); without it that check is skipped. */
  fileExists?: (relPath: string) => boolean;
  /** AI policy: the current time for review ages (tests pass a fixed one); defaults to the clock. */
  now?: Date;
  /** Findings listed per file before one summary finding stands for the rest (default MAX_FINDINGS_PER_FILE). */
  maxFindingsPerFile?: number;
  /** Where AI regions come from (the workspace's `provenance.store`); defaults to comment markers; agent hooks add the lines an agent proposes. */
  provenance?: ProvenanceSource;
}

/** The one entry point every host calls: a document and a policy in, plain findings out. */
export function checkDocument(doc: DocumentInput, policy: Policy, options: CheckOptions): Finding[] {
  const ctx = new DocumentContext(doc, policy, options.provenance);
  const docs = (id: string): string | undefined => options.docsUrl(id);
  const findings = checkPatterns(ctx, (p) => options.docsUrl(p.id, p.docs));
  pushAll(findings, checkMarkers(ctx, docs));
  for (const section of SECTIONS) {
    pushAll(findings, section.check(ctx, { docsUrl: docs, fileExists: options.fileExists, now: options.now }));
  }
  const kept = capFindings(sortFindings(applySuppressions(ctx, applyAiContext(ctx, findings), docs)), options.maxFindingsPerFile);
  // Any rule's message may quote marker fields or rule ids the author wrote: mask secrets in all of them.
  const secretRules = secretRulesOf(policy);
  return kept.map((f) => maskFinding(f, secretRules));
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.ruleId.localeCompare(b.ruleId),
  );
}
