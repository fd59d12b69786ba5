// The MCP tools' answers as plain data, computed with the same engine as the editor and the CI gate.
// No network, no clock-dependent output (review ages need a marker's `at=`, which proposed content never has).
import * as fs from 'fs';
import * as path from 'path';
import {
  applyEdits,
  checkDocument,
  languageIdForPath,
  markerProvenance,
  syntaxFor,
  wrapInMarkers,
  type Finding,
  type Position,
  type Severity,
} from '../engine';
import { aiPolicyOf } from '../engine/ai-policy/compile';
import { approvedUseCases } from '../engine/ai-policy/actions';
import { FORBIDDEN_PATH, EXCLUDED_PATH, UNREVIEWED, USE_CASE_NOT_APPROVED } from '../engine/ai-policy/rules';
import { compileBoundaries, invalidateBoundaryCaches } from '../engine/boundaries';
import { BANNED_PACKAGE, LAYER_VIOLATION, PRIVATE_IMPORT, UNDECLARED_PACKAGE } from '../engine/boundaries/rules';
import { importLanguage, nearestGoMod, nearestPackageJson, nearestPythonManifest } from '../engine/imports';
import { codeRule, codeRules } from '../engine/registry/registry';
import type { McpWorkspace } from './workspace';

/** The id of the markers `check_code` wraps proposed AI content in (never written anywhere). */
export const PROPOSED_BLOCK_ID = 'c0de00';

export interface ToolFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 1-based, in the content as given. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Titles of the quick fixes the editor offers. */
  fixes?: string[];
}

export interface CheckCodeInput {
  path: string;
  content: string;
  ai?: boolean;
  useCase?: string;
  tool?: string;
}

export interface CheckCodeResult {
  path: string;
  /** `fail`: at least one error; `warn`: warnings only; `pass`: nothing above info. */
  verdict: 'pass' | 'warn' | 'fail';
  counts: Record<Severity, number>;
  findings: ToolFinding[];
  /** How the content was evaluated (as an AI block or not, ignored path, …). */
  notes: string[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function checkCode(ws: McpWorkspace, input: CheckCodeInput): CheckCodeResult {
  invalidateBoundaryCaches(); // the workspace may have changed on disk since the last call
  const relPath = ws.relPath(input.path);
  const { policy } = ws.policy();
  const notes: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  if (policy.isIgnored(relPath)) {
    notes.push(`${relPath} matches the rule file's "ignore": Conductor never checks it.`);
    return { path: relPath, verdict: 'pass', counts, findings: [], notes };
  }
  const languageId = languageIdForPath(relPath);
  let text = input.content;
  let wrapped: { lastLine: number; lastLineLength: number } | undefined;
  if (input.ai) {
    const w = wrapAsAiBlock(relPath, input.content, languageId, { tool: input.tool, useCase: input.useCase });
    if ('text' in w) {
      text = w.text;
      wrapped = w.map;
      notes.push(`Evaluated as one AI block (tool=${input.tool || 'assistant'}${input.useCase ? `, use=${input.useCase}` : ', no use case: inferred from the path and content'}), as if it were wrapped in @ai-generated markers.`);
    } else {
      notes.push(w.note);
    }
  } else {
    notes.push('Evaluated as human-written code (pass ai: true to apply the AI policy to it as an AI block).');
  }
  const findings = checkDocument({ relPath, text, languageId, root: ws.root }, policy, {
    docsUrl: () => undefined,
    fileExists: (rel) => fs.existsSync(ws.absolute(rel)),
  });
  const out = findings.map((f) => toToolFinding(f, wrapped)).sort((a, b) => a.line - b.line || a.column - b.column || RANK[a.severity] - RANK[b.severity] || a.ruleId.localeCompare(b.ruleId));
  for (const f of out) {
    counts[f.severity]++;
  }
  const verdict = counts.error > 0 ? 'fail' : counts.warning > 0 ? 'warn' : 'pass';
  return { path: relPath, verdict, counts, findings: out, notes };
}

function wrapAsAiBlock(
  relPath: string,
  content: string,
  languageId: string,
  o: { tool?: string; useCase?: string },
): { text: string; map: { lastLine: number; lastLineLength: number } } | { note: string } {
  const existing = markerProvenance.regionsFor(relPath, content, languageId);
  if (existing.regions.length > 0 || existing.problems.some((p) => p.kind !== 'unknown-key')) {
    return { note: 'The content already has @ai-generated markers: evaluated as written.' };
  }
  const lines = content.split('\n');
  const lastLine = lines.length - 1;
  const end: Position = { line: lastLine, character: lines[lastLine].length };
  let edits;
  try {
    edits = wrapInMarkers(content, { start: { line: 0, character: 0 }, end }, { id: PROPOSED_BLOCK_ID, tool: o.tool || 'assistant', useCase: o.useCase || undefined }, syntaxFor(languageId, relPath));
  } catch (e) {
    return { note: `Cannot evaluate as an AI block: ${(e as Error).message}. Evaluated as human-written code.` };
  }
  if (edits.length === 0) {
    return { note: `${languageId} files cannot hold provenance markers here: evaluated as human-written code.` };
  }
  // The content's last line that is inside the block (a final empty line after a newline is not).
  const inside = content.endsWith('\n') && lastLine > 0 ? lastLine - 1 : lastLine;
  return { text: applyEdits(content, edits), map: { lastLine: inside, lastLineLength: lines[inside].replace(/\r$/, '').length } };
}

/** Positions in the wrapped text → positions in the content: the begin marker is one line above line 0. */
function toToolFinding(f: Finding, wrapped: { lastLine: number; lastLineLength: number } | undefined): ToolFinding {
  const map = (p: Position): Position => {
    if (!wrapped) {
      return p;
    }
    if (p.line === 0) {
      return { line: 0, character: 0 }; // on the begin marker: the block's start
    }
    if (p.line - 1 > wrapped.lastLine) {
      return { line: wrapped.lastLine, character: wrapped.lastLineLength }; // on the end marker: the block's end
    }
    return { line: p.line - 1, character: p.character };
  };
  const start = map(f.range.start);
  const end = map(f.range.end);
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    ...(f.fixes.length > 0 && { fixes: f.fixes.map((x) => x.title) }),
  };
}

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
  const pattern = policy.resolved.patterns.get(ruleId);
  const meta = codeRule(ruleId);
  if (!RULE_ID.test(ruleId) || (!pattern && !meta)) {
    const prefix = ruleId.split('/')[0];
    const known = [...policy.resolved.patterns.keys(), ...codeRules().map((r) => r.id)].filter((k) => k.startsWith(`${prefix}/`)).sort();
    throw new RangeError(`Unknown rule id "${id}".${known.length ? ` Known ids in "${prefix}/": ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}.` : ''}`);
  }
  const effective = policy.rulesFor('').get(ruleId);
  const docsFile = path.join(ws.host.builtinDir, 'docs', ...ruleId.split('/')) + '.md';
  let docs: string | undefined;
  try {
    docs = fs.readFileSync(docsFile, 'utf8');
  } catch {
    docs = undefined;
  }
  return {
    id: ruleId,
    kind: pattern ? 'pattern' : 'built-in rule',
    description: pattern ? pattern.message : meta!.description,
    defaultSeverity: pattern ? pattern.severity : meta!.defaultSeverity,
    severity: effective?.severity ?? 'off',
    ...(effective?.aiSeverity && { aiSeverity: effective.aiSeverity }),
    ...(effective?.aiOnly && { aiOnly: true }),
    fixable: pattern ? pattern.fix !== undefined : meta!.fixable,
    definedIn: ws.relative(effective?.origin ?? pattern?.origin ?? 'built-in'),
    ...(pattern?.docs && { docsUrl: pattern.docs }),
    ...(docs !== undefined && { docs }),
  };
}

export interface AllowedImportsResult {
  path: string;
  /** The file's layer (the first declared layer whose paths match), or null. */
  layer: string | null;
  layerDescription?: string;
  /** Whether boundaries/layer-violation and boundaries/private-import are in force for this path. */
  layerChecks: { layerViolation: boolean; privateImport: boolean };
  mayImportLayers: { layer: string; paths: string[]; publicEntryPoints?: string[] }[];
  mustNotImportLayers: { layer: string; paths: string[]; reason: string }[];
  /** The layer's own public entry points: what other layers may import from it. */
  ownPublicEntryPoints?: string[];
  typeOnlyImports?: 'check' | 'ignore';
  packages: {
    /** boundaries/undeclared-package in force and requireDeclared. */
    mustBeDeclared: boolean;
    /** The nearest manifest for this file's language and what it declares (null when there is none). */
    manifest: { file: string; declared: string[] } | null;
    allowedWithoutDeclaration: string[];
    banned: { name: string; reason: string }[];
  };
  notes: string[];
}

export function allowedImports(ws: McpWorkspace, input: string): AllowedImportsResult {
  invalidateBoundaryCaches();
  const relPath = ws.relPath(input);
  const { policy } = ws.policy();
  const rules = policy.rulesFor(relPath);
  const notes: string[] = [];
  const resolved = policy.resolved.boundaries;
  const b = resolved ? compileBoundaries(resolved) : undefined;
  const layer = b?.layerOf(relPath);
  const layerChecks = { layerViolation: rules.has(LAYER_VIOLATION), privateImport: rules.has(PRIVATE_IMPORT) };
  const may: AllowedImportsResult['mayImportLayers'] = [];
  const mustNot: AllowedImportsResult['mustNotImportLayers'] = [];
  if (!b) {
    notes.push('The rule file has no "boundaries" section: imports are not checked for layers or packages.');
  } else if (!b.hasLayers) {
    notes.push('No layers are declared (boundaries.layers): any local import is allowed.');
  } else if (!layer) {
    notes.push(`${relPath} belongs to no layer: its imports are not layer-checked, but private files of layers with public entry points stay private.`);
  }
  if (b?.hasLayers) {
    for (const l of b.config.layers.values()) {
      if (l.name === layer) {
        continue;
      }
      const d = layer && layerChecks.layerViolation ? b.decide(layer, l.name) : ({ allowed: true } as const);
      if (d.allowed) {
        may.push({ layer: l.name, paths: l.paths, ...(layerChecks.privateImport && l.public?.length && { publicEntryPoints: l.public }) });
      } else {
        mustNot.push({ layer: l.name, paths: l.paths, reason: d.via === 'deny' ? d.reason : `not in boundaries.allow for "${layer}"` });
      }
    }
  }
  const own = layer ? b?.config.layers.get(layer) : undefined;
  const p = b?.config.packages;
  return {
    path: relPath,
    layer: layer ?? null,
    ...(own?.description && { layerDescription: own.description }),
    layerChecks,
    mayImportLayers: may,
    mustNotImportLayers: mustNot,
    ...(own?.public?.length && { ownPublicEntryPoints: own.public }),
    ...(b && { typeOnlyImports: b.config.typeOnlyImports }),
    packages: {
      mustBeDeclared: !!p && p.requireDeclared && rules.has(UNDECLARED_PACKAGE),
      manifest: manifestFor(ws, relPath),
      allowedWithoutDeclaration: p ? [...new Set(p.allow)] : [],
      banned: p && rules.has(BANNED_PACKAGE) ? p.deny.map((d) => ({ name: d.name, reason: d.reason })) : [],
    },
    notes,
  };
}

/** The manifest nearest to the file for its language, with its declared dependencies (sorted). */
function manifestFor(ws: McpWorkspace, relPath: string): { file: string; declared: string[] } | null {
  const lang = importLanguage(syntaxFor(undefined, relPath).id);
  const dir = path.dirname(ws.absolute(relPath));
  const sorted = (xs: Iterable<string>): string[] => [...xs].sort();
  if (lang === 'js') {
    const pkg = nearestPackageJson(dir, ws.root);
    return pkg ? { file: ws.relative(pkg.file), declared: sorted(pkg.declared) } : null;
  }
  if (lang === 'python') {
    const m = nearestPythonManifest(dir, ws.root);
    return m ? { file: m.files.map((f) => ws.relative(f)).join(', '), declared: sorted(m.declared) } : null;
  }
  if (lang === 'go') {
    const m = nearestGoMod(dir, ws.root);
    return m ? { file: ws.relative(m.file), declared: sorted(m.requires) } : null;
  }
  return null;
}

export interface PolicyForPathResult {
  path: string;
  /** Matches the rule file's `ignore`: never checked. */
  ignored: boolean;
  excluded: { excluded: boolean; globs: string[]; enforced: boolean };
  forbidden: { forbidden: boolean; reason?: string; glob?: string; enforced: boolean };
  useCases: {
    /** False when the policy defines no use cases (then any use case is accepted). */
    governed: boolean;
    approved: { name: string; description?: string; maxLines?: number; requiresTest?: boolean }[];
    /** What happens to a block with no use case. */
    unclassified: 'allow' | 'forbid';
    enforced: boolean;
  };
  review: { required: boolean; where: string; allowSelfReview: boolean; maxUnreviewedDays?: number; enforced: boolean };
  layer: string | null;
  rulesInForce: { total: number; error: number; warning: number; info: number; hint: number };
  /** One paragraph for the assistant. */
  summary: string;
}

export function policyForPath(ws: McpWorkspace, input: string): PolicyForPathResult {
  const relPath = ws.relPath(input);
  const { policy } = ws.policy();
  const ai = aiPolicyOf(policy);
  const rules = policy.rulesFor(relPath);
  const excludedGlobs = [...new Set(ai.excluded.filter((e) => e.applies(relPath)).map((e) => e.glob))];
  const forbiddenEntry = ai.forbidden.map((f) => ({ f, glob: f.matching(relPath) })).find((x) => x.glob !== undefined);
  const approved = approvedUseCases(policy, relPath).map((name) => {
    const u = ai.useCases!.get(name)!;
    return { name, ...(u.description && { description: u.description }), ...(u.maxLines !== undefined && { maxLines: u.maxLines }), ...(u.requiresTest && { requiresTest: true }) };
  });
  const b = policy.resolved.boundaries;
  const layer = b ? (compileBoundaries(b).layerOf(relPath) ?? null) : null;
  const bySeverity = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of rules.values()) {
    bySeverity[r.severity]++;
  }
  const result: Omit<PolicyForPathResult, 'summary'> = {
    path: relPath,
    ignored: policy.isIgnored(relPath),
    excluded: { excluded: excludedGlobs.length > 0, globs: excludedGlobs, enforced: rules.has(EXCLUDED_PATH) },
    forbidden: {
      forbidden: forbiddenEntry !== undefined,
      ...(forbiddenEntry && { reason: forbiddenEntry.f.reason, glob: forbiddenEntry.glob }),
      enforced: rules.has(FORBIDDEN_PATH),
    },
    useCases: { governed: ai.useCases !== undefined, approved, unclassified: ai.unclassified, enforced: rules.has(USE_CASE_NOT_APPROVED) },
    review: {
      required: ai.review.requiredFor(relPath),
      where: ai.review.requiredWhere,
      allowSelfReview: ai.review.allowSelfReview,
      ...(ai.review.maxUnreviewedDays !== undefined && { maxUnreviewedDays: ai.review.maxUnreviewedDays }),
      enforced: rules.has(UNREVIEWED),
    },
    layer,
    rulesInForce: { total: rules.size, ...bySeverity },
  };
  return { ...result, summary: summarize(result) };
}

function summarize(r: Omit<PolicyForPathResult, 'summary'>): string {
  const s: string[] = [];
  if (r.ignored) {
    s.push(`${r.path} is ignored by the rule file: Conductor does not check it.`);
  }
  if (r.excluded.excluded) {
    s.push(`${r.path} is EXCLUDED from AI assistants (${r.excluded.globs.join(', ')}): do not read, quote or edit it.`);
  } else if (r.forbidden.forbidden) {
    s.push(`AI-written code is FORBIDDEN in ${r.path} (${r.forbidden.glob}): ${r.forbidden.reason}. Leave changes to a human author.`);
  } else if (r.useCases.governed) {
    s.push(
      r.useCases.approved.length
        ? `AI-written code is allowed here for: ${r.useCases.approved.map((u) => u.name).join(', ')} (name it in the marker: use=<name>).`
        : `No AI use case is approved for ${r.path}.`,
    );
  } else {
    s.push('The policy does not restrict AI use cases here.');
  }
  if (!r.excluded.excluded && !r.forbidden.forbidden && r.review.required) {
    s.push(`AI blocks here need a human review${r.review.allowSelfReview ? '' : ' by someone other than the person who accepted them'}.`);
  }
  if (r.layer) {
    s.push(`Layer: ${r.layer} (see allowed_imports).`);
  }
  return s.join(' ');
}
