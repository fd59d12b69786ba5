import * as fs from 'fs';
import * as path from 'path';
import { checkDocument, ciSeverityOf, SEVERITY_RANK, type Finding, type Policy } from '../engine';
import { provenanceSourceFor } from '../host/provenance-store';

/**
 * Checks one file of a workspace on disk for the CLI: imports resolve against the root, AI-policy
 * test lookups see the disk, and rules with a stricter CI severity (an unreviewed AI block is a
 * warning in the editor but fails the gate) get it.
 */
export function checkFileOnDisk(root: string, relPath: string, text: string, policy: Policy, docsUrl: (ruleId: string, explicit?: string) => string | undefined): Finding[] {
  const findings = checkDocument({ relPath, text, root }, policy, {
    docsUrl,
    fileExists: (p) => fs.existsSync(path.join(root, p)),
    provenance: provenanceSourceFor(root, policy),
  });
  for (const f of findings) {
    const ci = ciSeverityOf(f.ruleId);
    if (ci && SEVERITY_RANK[ci] > SEVERITY_RANK[f.severity]) {
      f.severity = ci;
    }
  }
  return findings;
}
