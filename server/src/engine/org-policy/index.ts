// Org rulesets (issue 8): layering built-ins < org < team, locks, and the effective-rules listing.
// Pure: the verified org ruleset arrives as text (fetching and verifying are in server/src/org-fetch/).
export { checkOrgRuleset, loadLayeredConfig, DEFAULT_ORG_NAME, type OrgLayer, type OrgRulesetCheck } from './precedence';
export { OrgLocks, ruleGlobMatcher } from './locks';
export { OrgEnforcement, type OrgInfo } from './enforcement';
export { LOCKABLE_SECTIONS, lockedSchema, type LockedConfig } from './schema';
export { LOCKED_SUPPRESSION } from './rules';
export { effectiveRulesMarkdown, type EffectiveRulesInput, type OrgSummary } from './effective-rules';
