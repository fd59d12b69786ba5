// Whether an AI block's use case is approved where it is (`ai.useCases`, `ai.unclassified`), small
// enough, and tested when its use case requires it. Called per block by check.ts.
import type { Severity } from '../types';
import type { AiRegion } from '../provenance';
import type { CompiledAiPolicy, CompiledUseCase } from './compile';
import type { AiAction } from './actions';
import { isTestFile } from './infer';
import { UNCLASSIFIED } from './schema';
import * as R from './rules';

/** Reports a finding on the block being checked (`severity`: at least this). */
export type ReportBlock = (ruleId: string, message: string, actions: AiAction[], severity?: Severity) => void;

/** How the block's use case was determined. */
export type UseCaseSource = 'marker' | 'inferred' | 'none';

/** What the use-case check reads besides the block; the lookups are per file and computed once. */
export interface UseCaseEnv {
  ai: CompiledAiPolicy;
  relPath: string;
  approved(): string[];
  /** Undefined when the host cannot look up files (then `requiresTest` is not checked). */
  testLookup?: () => { found: boolean; candidates: string[] };
}

export function checkUseCase(region: AiRegion, name: string, source: UseCaseSource, env: UseCaseEnv, report: ReportBlock): void {
  const { ai, relPath } = env;
  const useCases = ai.useCases;
  const approved = env.approved();
  const approvedHere = approved.length > 0 ? `Approved here: ${approved.join(', ')}.` : 'No use case is approved for this file.';
  const setUseCase: AiAction[] = approved.length > 0 ? [{ kind: 'setUseCase', regionId: region.id, choices: approved }] : [];
  if (name === UNCLASSIFIED) {
    if (ai.unclassified === 'forbid') {
      report(
        R.USE_CASE_NOT_APPROVED,
        `AI block ${region.id} has no use case (no use= in its marker, none inferred) and the policy forbids unclassified AI code (ai.unclassified). ${approvedHere}`,
        [...setUseCase, { kind: 'takeOwnership', regionId: region.id }],
      );
    }
    return;
  }
  if (!useCases) {
    return; // use cases are not governed
  }
  const useCase = useCases.get(name);
  if (!useCase) {
    report(
      R.UNKNOWN_USE_CASE,
      `AI block ${region.id} names use case "${name}", which the policy does not define (defined: ${[...useCases.keys()].join(', ') || 'none'}). ${approvedHere}`,
      setUseCase,
    );
    return;
  }
  if (!useCase.applies(relPath)) {
    const inferred = source === 'inferred' ? ' (inferred)' : '';
    report(
      R.USE_CASE_NOT_APPROVED,
      `Use case "${name}"${inferred} is not approved for ${relPath}; it is approved only in ${useCase.paths.join(', ')}${describe(useCase)}. ${approvedHere}`,
      [...setUseCase, { kind: 'takeOwnership', regionId: region.id }],
    );
    return;
  }
  const lines = region.endLine - region.beginLine - 1;
  if (useCase.maxLines !== undefined && lines > useCase.maxLines) {
    const bigger = approved.filter((n) => n !== name && (useCases.get(n)?.maxLines ?? Infinity) >= lines);
    report(
      R.BLOCK_TOO_LARGE,
      `AI block ${region.id} has ${lines} lines; use case "${name}" allows at most ${useCase.maxLines} per block${describe(useCase)}. Split it into smaller reviewed blocks or take ownership of it.`,
      [...(bigger.length > 0 ? [{ kind: 'setUseCase' as const, regionId: region.id, choices: bigger }] : []), { kind: 'takeOwnership', regionId: region.id }],
    );
  }
  if (useCase.requiresTest && env.testLookup && !isTestFile(relPath)) {
    const lookup = env.testLookup();
    if (!lookup.found) {
      const shown = lookup.candidates.slice(0, 3).join(', ');
      const more = lookup.candidates.length > 3 ? ` and ${lookup.candidates.length - 3} other conventional places` : '';
      report(
        R.MISSING_TEST,
        `Use case "${name}" requires a test for AI-written code, but ${relPath} has none: looked for ${shown}${more}. Add a test.`,
        [{ kind: 'createTest', regionId: region.id, path: lookup.candidates[0] }],
      );
    }
  }
}

function describe(u: CompiledUseCase): string {
  return u.description ? ` (${u.description})` : '';
}
