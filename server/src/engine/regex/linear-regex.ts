import { setFlagsFromString } from 'v8';
import { safeRegex } from 'safe-regex2';
import { foldCase } from './case-fold';
import { hasRepeatedAlternation } from './repeated-alternation';

// Rule-file regexes come from people we do not trust (a cloned repo, an org ruleset).
// Two guards, both at load time, so no accepted pattern can hang the server or CI:
//  1. V8 ships a linear-time regex engine. With these flags, a regex that backtracks excessively is
//     re-run on it, so patterns the linear engine can express keep Irregexp's speed *and* cannot blow up.
//  2. Case-insensitive ASCII patterns are rewritten without the `i` flag (case-fold.ts) so that 1. applies.
//  3. Patterns the linear engine still cannot express (large counted repeats, lookahead in Node 20's
//     V8) must pass a static ReDoS check (star height ≤ 1, via safe-regex2) or are rejected.
// Backreferences and lookbehind are always rejected: they have no linear-time execution at all.
let enabled = false;

export function enableLinearRegexFallback(): void {
  if (!enabled) {
    setFlagsFromString('--enable-experimental-regexp-engine');
    setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
    setFlagsFromString('--regexp-backtracks-before-fallback=200000');
    enabled = true;
  }
}

export type CompiledRegex = { regex: RegExp; guard: 'linear-fallback' | 'static-check' } | { error: string };

const BACKREF_OR_LOOKBEHIND = /\\[1-9]|\\k<|\(\?<[=!]/;

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
  const linear = linearForm(source, flags);
  if (linear) {
    return { regex: linear, guard: 'linear-fallback' };
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
  return { regex, guard: 'static-check' };
}

/** The regex in a form V8's linear engine accepts (so its backtracking fallback applies), if any. */
function linearForm(source: string, flags: string): RegExp | undefined {
  const folded = flags.includes('i') ? foldCase(source) : source;
  const plainFlags = flags.replace('i', '');
  if (folded === undefined) {
    return undefined;
  }
  try {
    new RegExp(folded, plainFlags + 'l');
    return new RegExp(folded, plainFlags + 'g');
  } catch {
    return undefined; // not expressible by the linear engine: the static check decides
  }
}
