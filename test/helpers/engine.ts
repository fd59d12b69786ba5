import * as fs from 'fs';
import * as path from 'path';
import { checkDocument, loadWorkspaceConfig, type ConfigHost, type ConfigProblem, type Finding, type LoadedConfig, type Policy } from '../../server/src/engine';
import { BUILTIN_DIR } from './paths';

/** An in-memory workspace root for engine tests (absolute, platform-native). */
export const MEM_ROOT = path.resolve('/mem-ws');
export const RULE_FILE = path.join(MEM_ROOT, '.conductor', 'rules.jsonc');

/**
 * A ConfigHost over in-memory files (keys relative to MEM_ROOT or absolute); built-in rulesets
 * come from the repository's rules/ folder unless a file of the same path is given.
 */
export function memoryHost(files: Record<string, string>, builtinDir = BUILTIN_DIR): ConfigHost & { reads: string[] } {
  const map = new Map(Object.entries(files).map(([k, v]) => [path.resolve(MEM_ROOT, k), v]));
  const reads: string[] = [];
  return {
    builtinDir,
    reads,
    readFile(file: string): string | undefined {
      const abs = path.resolve(file);
      reads.push(abs);
      if (map.has(abs)) {
        return map.get(abs);
      }
      if (abs.startsWith(path.resolve(builtinDir) + path.sep) && fs.existsSync(abs)) {
        return fs.readFileSync(abs, 'utf8');
      }
      return undefined;
    },
  };
}

/** Loads MEM_ROOT with the given files (`.conductor/rules.jsonc` is the rule file). */
export function load(files: Record<string, string | object>, explicitFile?: string): LoadedConfig {
  const texts = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v, null, 2)]));
  return loadWorkspaceConfig(MEM_ROOT, memoryHost(texts), explicitFile);
}

/** A policy from a rule file (object or text); fails the test when the rule file has problems. */
export function policyOf(ruleFile: object | string, otherFiles: Record<string, string | object> = {}): Policy {
  const loaded = load({ '.conductor/rules.jsonc': ruleFile, ...otherFiles });
  if (!loaded.policy) {
    throw new Error(`rule file has problems:\n${describeProblems(loaded.problems)}`);
  }
  return loaded.policy;
}

/** Problems of a rule file (object or text) as loaded at MEM_ROOT. */
export function problemsOf(ruleFile: object | string, otherFiles: Record<string, string | object> = {}): ConfigProblem[] {
  return load({ '.conductor/rules.jsonc': ruleFile, ...otherFiles }).problems;
}

export function describeProblems(problems: ConfigProblem[]): string {
  return problems.map((p) => `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`).join('\n');
}

/** Runs the engine on one document. */
export function check(policy: Policy, relPath: string, text: string, languageId?: string): Finding[] {
  return checkDocument({ relPath, text, languageId }, policy, { docsUrl: () => undefined });
}

/** A compact view of findings for deep-equal assertions: [ruleId, line, startChar, endChar]. */
export function brief(findings: Finding[]): [string, number, number, number][] {
  return findings.map((f) => [f.ruleId, f.range.start.line, f.range.start.character, f.range.end.character]);
}

/** A single pattern rule file; `extra` is merged into the pattern. */
export function patternRuleFile(regex: string, extra: Record<string, unknown> = {}, id = 'test/mark'): object {
  return { patterns: [{ id, regex, message: `found ${regex}`, ...extra }] };
}
