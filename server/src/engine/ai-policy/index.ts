// AI-policy engine (issue 5): approved use cases, forbidden and excluded paths, human review.
// Hosts (LSP, CLI) import from here; config/resolve.ts and check/check-document.ts call in.
export { aiPolicySchema, USE_CASE_NAME, UNCLASSIFIED, type AiPolicyConfig, type AiUseCaseConfig, type AiReviewConfig } from './schema';
export { mergeAiSections, type ResolvedAiPolicy, type ResolvedUseCase, type ResolvedForbidden, type ResolvedExcluded } from './merge';
export { globContains } from '../text/globs';
export { aiPolicySection } from './section';
export { aiPolicyOf, compileAiPolicy, AI_POLICY_DEFAULTS, type CompiledAiPolicy } from './compile';
export { checkAiPolicy, type AiCheckOptions, type AiFindingFacts } from './check';
export { REVIEW_CLOCK_SKEW_MS } from './check-review';
export type { UseCaseSource } from './check-use-case';
export {
  approvedUseCases,
  findRegion,
  isExcludedFromAi,
  markReviewedEdits,
  ownershipRecord,
  samePerson,
  setUseCaseEdits,
  takeOwnershipEdits,
  type AiAction,
  type MarkReviewedResult,
} from './actions';
export { DOCS_FILE_GLOBS, TEST_FILE_GLOBS, inferUseCase, isTestFile, testFileCandidates } from './infer';
export * from './rules';
