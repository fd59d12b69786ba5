import * as path from 'path';
import type { ConfigProblem, Range } from '../types';
import { codeRule } from '../registry/registry';
import { compileRuleRegex } from '../regex/linear-regex';
import { parseRuleFile, type ParsedRuleFile } from './parse-rule-file';
import type { PatternRuleConfig } from './schema';
import { normalizeSetting, type RuleSetting } from './normalize-setting';
import { BUILTIN_PREFIX, type ConfigHost } from './config-host';
import { pushAll } from '../text/push-all';
import { mergeAiSections, type AiSection, type ResolvedAiPolicy } from '../ai-policy/merge';
import { boundaryProblems, mergeBoundaries, type ResolvedBoundaries } from '../boundaries/config';

export interface ResolvedPattern extends PatternRuleConfig {
  compiled: RegExp;
  origin: string;
}

export interface ResolvedOverride {
  files: string[];
  excludedFiles: string[];
  rules: Map<string, RuleSetting>;
  origin: string;
}

/** A rule file with everything it extends, merged: later files win, the entry file last. */
export interface ResolvedConfig {
  name: string;
  entry: string;
  files: string[];
  patterns: Map<string, ResolvedPattern>;
  rules: Map<string, RuleSetting & { origin: string }>;
  overrides: ResolvedOverride[];
  ignore: string[];
  /** The merged `ai` sections (AI policy, see ai-policy/merge.ts); undefined when no file has one. */
  ai?: ResolvedAiPolicy;
  /** The merged `boundaries` sections (later files win, see boundaries/config.ts); undefined when no file has one. */
  boundaries?: ResolvedBoundaries;
  /** Agent hooks' `onError` (later files win); undefined when no file sets it. */
  agents?: { onError: 'deny' | 'allow'; origin: string };
}

/** Deeper `extends` chains are refused: real ones are a handful deep, and each level costs a stack frame. */
export const MAX_EXTENDS_DEPTH = 32;

export interface ResolveResult {
  config: ResolvedConfig;
  problems: ConfigProblem[];
}

/** `conductor:recommended` → its file in the built-in folder; relative paths → next to the referrer. */
export function resolveExtendsTarget(ref: string, fromFile: string, host: ConfigHost): string {
  if (ref.startsWith(BUILTIN_PREFIX)) {
    return path.join(host.builtinDir, `${ref.slice(BUILTIN_PREFIX.length)}.jsonc`);
  }
  return path.resolve(path.dirname(fromFile), ref);
}

/** How messages name a rule file: `conductor:NAME` for built-ins, `.conductor/…` inside a workspace. */
export function displayName(file: string, host: ConfigHost): string {
  if (path.dirname(file) === path.resolve(host.builtinDir) && file.endsWith('.jsonc')) {
    return BUILTIN_PREFIX + path.basename(file, '.jsonc');
  }
  const inWorkspace = file.lastIndexOf(`${path.sep}.conductor${path.sep}`);
  return inWorkspace === -1 ? file : file.slice(inWorkspace + 1).split(path.sep).join('/');
}

/** Loads a rule file and its `extends` chain. Never throws: every problem is reported at its place. */
export function resolveConfig(entry: string, host: ConfigHost): ResolveResult {
  const problems: ConfigProblem[] = [];
  const parsedFiles: ParsedRuleFile[] = [];
  const aiSections: AiSection[] = [];
  const config: ResolvedConfig = {
    name: displayName(entry, host),
    entry,
    files: [],
    patterns: new Map(),
    rules: new Map(),
    overrides: [],
    ignore: [],
  };

  const visit = (file: string, chain: string[], at?: { parsed: ParsedRuleFile; index: number }): void => {
    const problemAtRef = (message: string): void => {
      if (at) {
        problems.push({ file: at.parsed.file, range: at.parsed.rangeOf(['extends', at.index]), message, severity: 'error' });
      }
    };
    if (chain.includes(file)) {
      problemAtRef(`Circular "extends": ${[...chain, file].map((f) => displayName(f, host)).join(' → ')}`);
      return;
    }
    if (config.files.includes(file)) {
      return; // already merged through another branch
    }
    const problemAtFile = (message: string): void => {
      if (at) {
        problemAtRef(message);
      } else {
        problems.push({ file, range: zeroRange(), message, severity: 'error' });
      }
    };
    if (chain.length >= MAX_EXTENDS_DEPTH) {
      problemAtRef(`"extends" is nested more than ${MAX_EXTENDS_DEPTH} levels deep; ${displayName(file, host)} is not loaded.`);
      return;
    }
    const text = host.readFile(file);
    if (text === undefined) {
      problemAtFile(`Cannot find ruleset ${displayName(file, host)}`);
      return;
    }
    if (typeof text !== 'string') {
      problemAtFile(`Cannot use ruleset ${displayName(file, host)}: ${text.error}`);
      return;
    }
    const parsed = parseRuleFile(file, text);
    parsedFiles.push(parsed);
    config.files.push(file);
    pushAll(problems, parsed.problems);
    if (at && parsed.problems.length > 0) {
      problemAtRef(`${displayName(file, host)} has ${parsed.problems.length} error(s); fix them there.`);
    }
    const value = parsed.value;
    if (!value) {
      return;
    }
    (value.extends ?? []).forEach((ref, index) => {
      visit(resolveExtendsTarget(ref, file, host), [...chain, file], { parsed, index });
    });
    const origin = displayName(file, host);
    if (value.name && file === entry) {
      config.name = value.name;
    }
    (value.patterns ?? []).forEach((p, index) => {
      const compiled = compileRuleRegex(p.regex, p.flags);
      if ('error' in compiled) {
        problems.push({ file, range: parsed.rangeOf(['patterns', index, 'regex']), message: compiled.error, severity: 'error' });
        return;
      }
      if (codeRule(p.id)) {
        problems.push({ file, range: parsed.rangeOf(['patterns', index, 'id']), message: `"${p.id}" is a built-in rule id; choose another id.`, severity: 'error' });
        return;
      }
      config.patterns.set(p.id, { ...p, compiled: compiled.regex, origin });
      config.rules.delete(p.id); // a later definition starts from its own severity ("later wins")
    });
    for (const [id, s] of Object.entries(value.rules ?? {})) {
      config.rules.set(id, { ...normalizeSetting(s), origin });
    }
    for (const o of value.overrides ?? []) {
      const rules = new Map(Object.entries(o.rules).map(([id, s]) => [id, normalizeSetting(s)]));
      config.overrides.push({ files: o.files, excludedFiles: o.excludedFiles ?? [], rules, origin });
    }
    pushAll(config.ignore, value.ignore ?? []);
    if (value.boundaries) {
      config.boundaries = mergeBoundaries(config.boundaries, value.boundaries, { file, origin, rangeOf: parsed.rangeOf });
    }
    if (value.agents?.onError) {
      config.agents = { onError: value.agents.onError, origin };
    }
    if (value.ai) {
      aiSections.push({ parsed, origin, ai: value.ai }); // merged after the walk, in this order
    }
  };

  visit(path.resolve(entry), []);
  pushAll(problems, unknownRuleIds(parsedFiles, config));
  pushAll(problems, boundaryProblems(config.boundaries));
  if (aiSections.length > 0) {
    const merged = mergeAiSections(aiSections); // AI policy: merge semantics and contradictions there
    config.ai = merged.ai;
    pushAll(problems, merged.problems);
  }
  return { config, problems };
}

/** Rule ids in `rules` and `overrides` must name a code rule or a pattern from the merged rulesets. */
function unknownRuleIds(parsedFiles: ParsedRuleFile[], config: ResolvedConfig): ConfigProblem[] {
  const known = (id: string): boolean => config.patterns.has(id) || codeRule(id) !== undefined;
  const problems: ConfigProblem[] = [];
  const check = (parsed: ParsedRuleFile, ids: string[], prefix: (string | number)[]): void => {
    for (const id of ids) {
      if (!known(id)) {
        problems.push({
          file: parsed.file,
          range: parsed.rangeOf([...prefix, id], true),
          message: `Unknown rule id "${id}". ${suggest(id, config)}`,
          severity: 'error',
        });
      }
    }
  };
  for (const parsed of parsedFiles) {
    check(parsed, Object.keys(parsed.value?.rules ?? {}), ['rules']);
    parsed.value?.overrides?.forEach((o, i) => check(parsed, Object.keys(o.rules), ['overrides', i, 'rules']));
  }
  return problems;
}

function suggest(id: string, config: ResolvedConfig): string {
  const prefix = id.split('/')[0];
  const near = [...config.patterns.keys()].filter((k) => k.startsWith(prefix + '/')).slice(0, 5);
  return near.length > 0 ? `Known ids in "${prefix}/": ${near.join(', ')}.` : 'Is the ruleset that defines it in "extends"?';
}

function zeroRange(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
