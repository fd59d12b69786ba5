import { linearTwin } from './linear-regex';

/** Time one file's rule regexes may spend on the backtracking engine; the rest then runs on the linear one. */
export const REGEX_BUDGET_MS = 1000;
/** Total regex time for one file after which checking stops, failing closed. */
export const REGEX_LIMIT_MS = 5000;

// V8 bounds one backtracking exec (its linear fallback after 200,000 backtracks), not a file: crafted
// text can keep each of thousands of execs just under that. So a file gets a budget on the fast
// backtracking engine; once spent, every later exec runs on the pattern's linear-time twin, which finds
// the same matches. Some patterns are quadratic over a file on any engine (`a*b|a` on a long run of a:
// each exec scans to the end to rule out a*b), so a hard limit ends the check there, as an error.
export class RegexBudget {
  private spent = 0;
  /** The rule whose exec used up the backtracking budget (undefined while some is left). */
  linearFrom: string | undefined;
  /** The rule whose exec reached the hard limit: its remaining matches and later rules are not checked. */
  stoppedAt: string | undefined;

  constructor(
    private readonly budgetMs = REGEX_BUDGET_MS,
    private readonly limitMs = REGEX_LIMIT_MS,
  ) {}

  /** `re.exec(text)` from `re.lastIndex`, on the linear twin once the budget is spent; null once stopped. */
  exec(re: RegExp, text: string, ruleId: string): RegExpExecArray | null {
    if (this.stoppedAt !== undefined) {
      return null;
    }
    const start = performance.now();
    let m: RegExpExecArray | null;
    if (this.linearFrom === undefined) {
      m = re.exec(text);
    } else {
      const twin = linearTwin(re);
      twin.lastIndex = re.lastIndex;
      m = twin.exec(text);
      re.lastIndex = twin.lastIndex;
    }
    this.spent += performance.now() - start;
    if (this.spent > this.budgetMs) {
      this.linearFrom ??= ruleId;
    }
    if (this.spent > this.limitMs) {
      this.stoppedAt = ruleId;
    }
    return m;
  }
}
