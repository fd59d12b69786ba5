// The MCP tool explain_rule: one rule as defined and as in force for files without overrides, with its doc page.
import * as fs from 'fs';
import * as path from 'path';
import type { Severity } from '../engine';
import { explainRules, knownRuleIds, ruleDefinition } from '../engine/explain';
import type { McpWorkspace } from './workspace';

export interface ExplainRuleResult {
  id: string;
  kind: 'built-in rule' | 'pattern';
  description: string;
  /** The severity the rule is defined with. */
  defaultSeverity: string;
  /** In force for files without overrides: its severity, or `off`. */
  severity: string;
  aiSeverity?: Severity;
  aiOnly?: boolean;
  fixable: boolean;
  /** Where it is defined or configured (`conductor:NAME` or a workspace-relative rule file). */
  definedIn: string;
  docsUrl?: string;
  /** The rule's documentation page (rules/docs/<id>.md), when it has one. */
  docs?: string;
}

const RULE_ID = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)+$/;

export function explainRule(ws: McpWorkspace, id: string): ExplainRuleResult {
  const { policy } = ws.policy();
  const ruleId = id.trim();
  const def = RULE_ID.test(ruleId) ? ruleDefinition(policy, ruleId) : undefined;
  if (!def) {
    const prefix = ruleId.split('/')[0];
    const known = knownRuleIds(policy).filter((k) => k.startsWith(`${prefix}/`));
    throw new RangeError(`Unknown rule id "${id}".${known.length ? ` Known ids in "${prefix}/": ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}.` : ''}`);
  }
  const effective = explainRules(policy, '').inForce.find((r) => r.id === ruleId);
  const docsFile = path.join(ws.host.builtinDir, 'docs', ...ruleId.split('/')) + '.md';
  let docs: string | undefined;
  try {
    docs = fs.readFileSync(docsFile, 'utf8');
  } catch {
    docs = undefined;
  }
  return {
    id: ruleId,
    kind: def.kind === 'pattern' ? 'pattern' : 'built-in rule',
    description: def.description,
    defaultSeverity: def.defaultSeverity,
    severity: effective?.severity ?? 'off',
    ...(effective?.aiSeverity && { aiSeverity: effective.aiSeverity }),
    ...(effective?.aiOnly && { aiOnly: true }),
    fixable: def.fixable,
    definedIn: ws.relative(effective?.origin ?? def.origin),
    ...(def.docs && { docsUrl: def.docs }),
    ...(docs !== undefined && { docs }),
  };
}
