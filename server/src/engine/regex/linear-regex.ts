import { setFlagsFromString } from 'v8';
import { safeRegex } from 'safe-regex2';
import { foldCase } from './case-fold';
import { hasRepeatedAlternation } from './repeated-alternation';
import { splitCountedRepeats } from './split-counted-repeats';

// Rule-file regexes come from people we do not trust (a cloned repo, a pull request, an org ruleset).
// Each compiles twice:
//  - `regex`, for Irregexp's speed. When V8's linear engine can express it, a single exec that
//    backtracks excessively is re-run there; otherwise it must pass a static ReDoS check (star height
//    ≤ 1, no overlapping repeated alternation). This bounds one exec, not a file: crafted text can keep
//    every exec just under the fallback threshold, so…
//  - its linear twin, the same pattern on V8's linear-time engine (`l` flag: case folded into classes, counted
//    repeats spelled out). pattern-check.ts switches a file to it once the file's regex budget is spent.
//    It is ~100–1000× slower per character than Irregexp on ordinary text, hence not the default.
// A pattern without a linear form (lookahead, backreferences, lookbehind, non-ASCII with `i`) is refused.
let enabled = false;

export function enableLinearRegexFallback(): void {
  if (!enabled) {
    setFlagsFromString('--enable-experimental-regexp-engine');
    setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
    setFlagsFromString('--regexp-backtracks-before-fallback=200000');
    enabled = true;
  }
}

export type CompiledRegex = { regex: RegExp } | { error: string };

const twins = new WeakMap<RegExp, RegExp>();

/** The linear-engine form of a regex that compileRuleRegex returned (same matches, linear time). */
export function linearTwin(regex: RegExp): RegExp {
  const twin = twins.get(regex);
  if (!twin) {
    throw new Error(`/${regex.source}/ was not compiled by compileRuleRegex`);
  }
  return twin;
}

const BACKREF_OR_LOOKBEHIND = /\\[1-9]|\\k<|\(\?<[=!]/;
const LOOKAHEAD = /\(\?[=!]/;

/** Compiles a rule-file regex (always global, so `lastIndex` drives scanning), or says why it is refused. */
export function compileRuleRegex(source: string, flags = ''): CompiledRegex {
  enableLinearRegexFallback();
  let regex: RegExp;
  try {
    regex = new RegExp(source, flags + 'g');
  } catch (e) {
    return { error: `The regex does not compile: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}` };
  }
  if (BACKREF_OR_LOOKBEHIND.test(source)) {
    return { error: `Backreferences and lookbehind are not allowed in rule-file regexes (no linear-time execution): /${source}/` };
  }
  if (LOOKAHEAD.test(source)) {
    return { error: `Lookahead is not allowed in rule-file regexes (no linear-time execution): /${source}/. Match the text that follows instead, e.g. (?:[^a-z]|$).` };
  }
  const folded = flags.includes('i') ? foldCase(source) : source;
  if (folded === undefined) {
    return { error: `With the i flag a rule-file regex must be ASCII, without \\p{…} or ranges such as [0-z] (no linear-time execution otherwise): /${source}/. Spell the cases out, e.g. [éÉ].` };
  }
  const plainFlags = flags.replace('i', '') + 'g';
  let linear: RegExp;
  try {
    linear = new RegExp(splitCountedRepeats(folded), plainFlags + 'l');
  } catch {
    return { error: `The regex cannot run on the linear-time engine (e.g. a group repeated more than 16 times, or the u flag): /${source}/` };
  }
  if (expressible(folded, plainFlags)) {
    return withTwin(new RegExp(folded, plainFlags), linear);
  }
  if (hasRepeatedAlternation(source, flags)) {
    return {
      error: `The regex may take exponential time (an alternation inside a repeated group, such as (a|ab)*): /${source}/. Make the alternatives exclusive or use a character class.`,
    };
  }
  if (!safeRegex(regex)) {
    return {
      error: `The regex may take exponential time (nested quantifiers such as (a+)+): /${source}/. Rewrite it without a repeated group that itself repeats.`,
    };
  }
  return withTwin(regex, linear);
}

function withTwin(regex: RegExp, linear: RegExp): CompiledRegex {
  twins.set(regex, linear);
  return { regex };
}

/** Whether the linear engine takes the pattern as written, so V8's per-exec backtracking fallback applies. */
function expressible(source: string, flags: string): boolean {
  try {
    new RegExp(source, flags + 'l');
    return true;
  } catch {
    return false;
  }
}
