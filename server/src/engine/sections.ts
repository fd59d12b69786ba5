import type { AnySection } from './config/section';
import { aiPolicySection } from './ai-policy/section';
import { boundariesSection } from './boundaries/section';

/**
 * Every rule-file section, in check order. The schema, config loading, org locks, the rule registry
 * and checkDocument iterate this list; a new section is one entry here (see config/section.ts).
 */
export const SECTIONS: readonly AnySection[] = [aiPolicySection, boundariesSection];
