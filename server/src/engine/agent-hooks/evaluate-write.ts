// One proposed write checked as AI code at its path with the same engine as the editor and the gate.
import type { Policy } from '../config/policy';
import { checkDocument, type CheckOptions } from '../check/check-document';
import { agentProvenance } from './agent-provenance';
import { judgeWrite, type WriteVerdict } from './decide';
import { proposedContent } from './proposed-content';
import type { ProposedChange } from './types';

export interface WriteInput {
  relPath: string;
  /** The file's current text, undefined when it does not exist yet. */
  current: string | undefined;
  change: ProposedChange;
  /** The agent, as the proposed blocks' tool; a declared use case when the agent or the team gives one. */
  tool: string;
  useCase?: string;
}

/** `root` lets import checks resolve on disk; `fileExists` lets `requiresTest` look for tests. */
export function evaluateWrite(policy: Policy, input: WriteInput, options: Pick<CheckOptions, 'fileExists'> & { root?: string }): WriteVerdict {
  if (policy.isIgnored(input.relPath)) {
    return { relPath: input.relPath, errors: [], warnings: [] };
  }
  const proposed = proposedContent(input.current, input.change);
  const fields = { tool: input.tool, ...(input.useCase !== undefined && { useCase: input.useCase }) };
  const text = proposed.text;
  const lines = text.split('\n').length;
  // A fragment stands alone: all of it is the agent's.
  const spans = proposed.kind === 'file' ? proposed.changed : [{ start: 0, end: lines }];
  const findings = checkDocument({ relPath: input.relPath, text, root: options.root }, policy, {
    docsUrl: () => undefined,
    fileExists: options.fileExists,
    provenance: agentProvenance(spans, fields),
  });
  return judgeWrite(input.relPath, findings, proposed.kind === 'file' ? spans : 'all');
}
