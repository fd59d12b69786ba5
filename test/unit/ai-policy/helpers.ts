// AI-policy test helpers: a real rule file in a temp workspace, loaded by the real loader.
import * as fs from 'fs';
import { checkDocument, loadWorkspaceConfig, type CheckOptions, type ConfigProblem, type Finding, type LoadedConfig, type Policy } from '../../../server/src/engine';
import { BUILTIN_DIR } from '../../helpers/paths';
import { makeTempWorkspace, ruleFileText, type TempWorkspace } from '../../helpers/temp-workspace';

const workspaces: TempWorkspace[] = [];

/** Removes every workspace made so far (call from `after`). */
export function removeWorkspaces(): void {
  for (const ws of workspaces.splice(0)) {
    ws.remove();
  }
}

export interface Loaded extends LoadedConfig {
  ws: TempWorkspace;
}

/** Writes `.conductor/rules.jsonc` (object or exact text) and other files, and loads the workspace. */
export function loadRules(ruleFile: object | string, files: Record<string, string> = {}): Loaded {
  const ws = makeTempWorkspace({
    '.conductor/rules.jsonc': typeof ruleFile === 'string' ? ruleFile : ruleFileText(ruleFile),
    ...files,
  }, 'conductor-ai-policy-');
  workspaces.push(ws);
  const readFile = (file: string): string | undefined => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);
  return { ...loadWorkspaceConfig(ws.root, { readFile, builtinDir: BUILTIN_DIR }), ws };
}

/** The policy of a rule file; fails when the rule file has errors. */
export function policyOf(ruleFile: object | string, files: Record<string, string> = {}): Policy {
  const loaded = loadRules(ruleFile, files);
  if (!loaded.policy) {
    throw new Error(`rule file has problems:\n${describe(loaded.problems)}`);
  }
  return loaded.policy;
}

export function describe(problems: ConfigProblem[]): string {
  return problems.map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.severity} ${p.message}`).join('\n');
}

export const NOW = new Date('2026-12-01T12:00:00Z');
export const DOCS = (id: string): string => `https://docs.example/${id}.md`;

export function check(policy: Policy, relPath: string, text: string, options: Partial<CheckOptions> = {}): Finding[] {
  return checkDocument({ relPath, text }, policy, { docsUrl: DOCS, now: NOW, ...options });
}

/** Only the AI-policy findings, as [ruleId, severity]. */
export function aiBrief(findings: Finding[]): [string, string][] {
  return findings.filter((f) => f.ruleId.startsWith('ai/')).map((f) => [f.ruleId, f.severity]);
}

export interface BlockSpec {
  id?: string;
  tool?: string;
  use?: string;
  at?: string;
  acceptedBy?: string;
  reviewedBy?: string;
  reviewedAt?: string;
  /** Raw fields appended to the begin marker as written. */
  raw?: string;
  body?: string[];
  /** Comment opener of the file's language. */
  comment?: string;
}

/** A file with one AI block: a line of code, the block, a line of code. */
export function fileWithBlock(spec: BlockSpec = {}): string {
  const c = spec.comment ?? '//';
  const id = spec.id ?? 'a1b2';
  const fields = [
    `id=${id}`,
    `tool=${spec.tool ?? 'copilot'}`,
    spec.use && `use=${spec.use}`,
    spec.at && `at=${spec.at}`,
    spec.acceptedBy && `accepted-by=${spec.acceptedBy}`,
    spec.reviewedBy && `reviewed-by=${spec.reviewedBy}`,
    spec.reviewedAt && `reviewed-at=${spec.reviewedAt}`,
    spec.raw,
  ].filter(Boolean);
  const body = spec.body ?? ['export const x = 1;'];
  return [`const before = 0;`, `${c} @ai-generated begin ${fields.join(' ')}`, ...body, `${c} @ai-generated end id=${id}`, `const after = 0;`, ''].join('\n');
}

/** `n` days before NOW, as a marker time. */
export function daysAgo(n: number): string {
  return `${new Date(NOW.getTime() - n * 86_400_000).toISOString().slice(0, 16)}Z`;
}
