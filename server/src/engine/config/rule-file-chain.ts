import * as path from 'path';
import type { ConfigProblem, Range } from '../types';
import { parseRuleFile, type ParsedRuleFile } from './parse-rule-file';
import type { RuleFile } from './schema';
import { BUILTIN_PREFIX, type ConfigHost } from './config-host';
import type { SectionSource } from './section-source';

// Reading a rule file and its `extends` chain: every file parsed once, in merge order. Merging the
// parsed files is resolve.ts's job; org precedence (org-policy/precedence.ts) reuses both halves.

/** Deeper `extends` chains are refused: real ones are a handful deep, and each level costs a stack frame. */
export const MAX_EXTENDS_DEPTH = 32;

/** One parsed rule file of a chain, ready to merge. */
export interface RuleFileEntry {
  file: string;
  /** Display name (`conductor:NAME`, `.conductor/…`), as in Finding.origin. */
  origin: string;
  parsed: ParsedRuleFile;
  value: RuleFile;
}

export interface RuleFileChain {
  /** Files that parsed, in merge order: what a file extends comes before it, each file once. */
  entries: RuleFileEntry[];
  /** Every file read, parsed or not, in the order first reached (to watch for changes). */
  files: string[];
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
  if (isBuiltinFile(file, host) && file.endsWith('.jsonc')) {
    return BUILTIN_PREFIX + path.basename(file, '.jsonc');
  }
  const inWorkspace = file.lastIndexOf(`${path.sep}.conductor${path.sep}`);
  return inWorkspace === -1 ? file : file.slice(inWorkspace + 1).split(path.sep).join('/');
}

export function isBuiltinFile(file: string, host: ConfigHost): boolean {
  return path.dirname(file) === path.resolve(host.builtinDir);
}

export function sectionSource(entry: RuleFileEntry): SectionSource {
  return { file: entry.file, origin: entry.origin, rangeOf: entry.parsed.rangeOf };
}

/**
 * Reads the rule files `roots` name and everything they extend, roots in order, sharing one
 * "already read" set (a file reached twice is merged once, at its first place). Never throws:
 * every problem is reported at its place (a root's own problems at its first character).
 * `preParsed`: files already parsed (a verified org ruleset), used instead of what the host holds.
 */
export function loadRuleFiles(roots: readonly string[], host: ConfigHost, preParsed: ReadonlyMap<string, ParsedRuleFile> = new Map()): RuleFileChain {
  const chain: RuleFileChain = { entries: [], files: [], problems: [] };
  const read = (file: string, problem: (message: string) => void): ParsedRuleFile | undefined => {
    const text = host.readFile(file);
    if (text === undefined) {
      problem(`Cannot find ruleset ${displayName(file, host)}`);
      return undefined;
    }
    if (typeof text !== 'string') {
      problem(`Cannot use ruleset ${displayName(file, host)}: ${text.error}`);
      return undefined;
    }
    return parseRuleFile(file, text);
  };
  const visit = (file: string, stack: string[], at?: { parsed: ParsedRuleFile; index: number }): void => {
    const problemAtRef = (message: string): void => {
      if (at) {
        chain.problems.push({ file: at.parsed.file, range: at.parsed.rangeOf(['extends', at.index]), message, severity: 'error' });
      }
    };
    if (stack.includes(file)) {
      problemAtRef(`Circular "extends": ${[...stack, file].map((f) => displayName(f, host)).join(' → ')}`);
      return;
    }
    if (chain.files.includes(file)) {
      return; // already read through another branch
    }
    const problemAtFile = (message: string): void => {
      if (at) {
        problemAtRef(message);
      } else {
        chain.problems.push({ file, range: zeroRange(), message, severity: 'error' });
      }
    };
    if (stack.length >= MAX_EXTENDS_DEPTH) {
      problemAtRef(`"extends" is nested more than ${MAX_EXTENDS_DEPTH} levels deep; ${displayName(file, host)} is not loaded.`);
      return;
    }
    const parsed = preParsed.get(file) ?? read(file, problemAtFile);
    if (!parsed) {
      return;
    }
    chain.files.push(file);
    for (const p of parsed.problems) {
      chain.problems.push(p);
    }
    if (at && parsed.problems.length > 0) {
      problemAtRef(`${displayName(file, host)} has ${parsed.problems.length} error(s); fix them there.`);
    }
    const value = parsed.value;
    if (!value) {
      return;
    }
    (value.extends ?? []).forEach((ref, index) => {
      visit(resolveExtendsTarget(ref, file, host), [...stack, file], { parsed, index });
    });
    chain.entries.push({ file, origin: displayName(file, host), parsed, value });
  };
  for (const root of roots) {
    visit(path.resolve(root), []);
  }
  return chain;
}

function zeroRange(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
