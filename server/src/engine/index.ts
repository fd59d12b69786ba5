// The engine's public surface: hosts (language server, CLI, tests) import from here only.
export * from './types';
export { LineIndex } from './text/positions';
export { languageIdForPath, syntaxFor, type LanguageSyntax } from './text/languages';
export { Policy } from './config/policy';
export type { EffectiveRule } from './config/types';
export type { ConfigHost, HostReadError } from './config/config-host';
export { loadWorkspaceConfig, findRuleFile, RULE_FILE_CANDIDATES, DEFAULT_RULESET, type LoadedConfig } from './config/workspace-config';
export { checkDocument, sortFindings, type CheckOptions } from './check/check-document';
export { DocumentContext, type DocumentInput } from './check/document-context';
export { suppressionEdit } from './check/suppressions';
export { enableLinearRegexFallback } from './regex/linear-regex';
export { ruleFile as ruleFileSchema } from './config/schema';
export { applyEdits, nonOverlapping, safeFixEdits } from './check/edits';
export { fingerprints } from './baseline/fingerprint';
export * from './provenance';
export * from './ai-policy';
export { invalidateBoundaryCaches } from './boundaries';
