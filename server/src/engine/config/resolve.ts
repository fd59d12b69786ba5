import type { ConfigProblem } from '../types';
import { codeRule } from '../registry/registry';
import { compileRuleRegex } from '../regex/linear-regex';
import { normalizeSetting } from './normalize-setting';
import type { ConfigHost } from './config-host';
import { pushAll } from '../text/push-all';
import { SECTIONS } from '../sections';
import type { ConfigSection, SectionConfigs, SectionKey } from './section';
import type { SectionEntry } from './section-source';
import type { ResolvedConfig, SectionValues } from './types';
import { displayName, loadRuleFiles, sectionSource, type RuleFileEntry } from './rule-file-chain';

export interface ResolveResult {
  config: ResolvedConfig;
  problems: ConfigProblem[];
}

/** What the merged config says about where it came from. */
export interface ConfigIdentity {
  name: string;
  /** The rule file the config speaks for (absolute). */
  entry: string;
  /** Every file read, to watch for changes. */
  files: string[];
}

/** Loads a rule file and its `extends` chain and merges it. Never throws: every problem is reported at its place. */
export function loadConfig(entry: string, host: ConfigHost): ResolveResult {
  const chain = loadRuleFiles([entry], host);
  const entryFile = chain.entries.find((e) => e.file === chain.files[0]);
  const name = entryFile?.value.name || displayName(chain.files[0] ?? entry, host);
  const resolved = resolveConfig(chain.entries, { name, entry, files: chain.files });
  return { config: resolved.config, problems: [...chain.problems, ...resolved.problems] };
}

/**
 * Merges already-parsed rule files, in merge order (later wins): patterns, rule settings, overrides,
 * ignore globs, then each section (engine/sections.ts) over every file's value of it.
 */
export function resolveConfig(entries: readonly RuleFileEntry[], identity: ConfigIdentity): ResolveResult {
  const problems: ConfigProblem[] = [];
  const config: ResolvedConfig = { ...identity, patterns: new Map(), rules: new Map(), overrides: [], ignore: [] };
  for (const { file, origin, parsed, value } of entries) {
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
    if (value.provenance?.store) {
      config.provenanceStore = value.provenance.store;
    }
    if (value.agents?.onError) {
      config.agents = { onError: value.agents.onError, origin };
    }
  }
  pushAll(problems, unknownRuleIds(entries, config));
  for (const section of SECTIONS) {
    pushAll(problems, mergeSection(section, entries, config));
  }
  return { config, problems };
}

/** Each file's value of one section, in merge order, with where it was written. */
export function sectionEntries<K extends SectionKey>(section: ConfigSection<K>, entries: readonly RuleFileEntry[]): SectionEntry<SectionConfigs[K]>[] {
  return entries.flatMap((e) => {
    const value = e.value[section.key];
    return value ? [{ source: sectionSource(e), value }] : [];
  });
}

function mergeSection<K extends SectionKey>(section: ConfigSection<K>, entries: readonly RuleFileEntry[], config: ResolvedConfig): ConfigProblem[] {
  const values = sectionEntries(section, entries);
  if (values.length === 0) {
    return []; // undefined: no file has the section
  }
  const merged = section.merge(values);
  const sections: Partial<SectionValues> = config;
  sections[section.key] = merged.value;
  return merged.problems;
}

/** Rule ids in `rules` and `overrides` must name a code rule or a pattern from the merged rulesets. */
function unknownRuleIds(entries: readonly RuleFileEntry[], config: ResolvedConfig): ConfigProblem[] {
  const known = (id: string): boolean => config.patterns.has(id) || codeRule(id) !== undefined;
  const problems: ConfigProblem[] = [];
  const check = (entry: RuleFileEntry, ids: string[], prefix: (string | number)[]): void => {
    for (const id of ids) {
      if (!known(id)) {
        problems.push({
          file: entry.file,
          range: entry.parsed.rangeOf([...prefix, id], true),
          message: `Unknown rule id "${id}". ${suggest(id, config)}`,
          severity: 'error',
        });
      }
    }
  };
  // In the order the files were first read, as an editor lists them.
  const order = new Map(config.files.map((f, i) => [f, i]));
  const byReadOrder = [...entries].sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
  for (const entry of byReadOrder) {
    check(entry, Object.keys(entry.value.rules ?? {}), ['rules']);
    entry.value.overrides?.forEach((o, i) => check(entry, Object.keys(o.rules), ['overrides', i, 'rules']));
  }
  return problems;
}

function suggest(id: string, config: ResolvedConfig): string {
  const prefix = id.split('/')[0];
  const near = [...config.patterns.keys()].filter((k) => k.startsWith(prefix + '/')).slice(0, 5);
  return near.length > 0 ? `Known ids in "${prefix}/": ${near.join(', ')}.` : 'Is the ruleset that defines it in "extends"?';
}
