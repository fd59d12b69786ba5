import { linearTwin } from './linear-regex';

/** Time one file's rule regexes may spend on the backtracking engine; the rest then runs on the linear one. */
export const REGEX_BUDGET_MS = 1000;

// V8 bounds one backtracking exec (its linear fallback after 200,000 backtracks), not a file: crafted
// text can keep each of thousands of execs just under that. So a file gets a total budget on the fast
// backtracking engine; once spent, every later exec runs on the pattern's linear-time twin, which finds
// the same matches. The findings stay the same; only the time is bounded.
export class RegexBudget {
  private spent = 0;
  /** The rule whose exec used up the budget (undefined while there is budget left). */
  exhaustedBy: string | undefined;

  constructor(private readonly limitMs = REGEX_BUDGET_MS) {}

  /** `re.exec(text)` from `re.lastIndex`, on the linear twin once the budget is spent. */
  exec(re: RegExp, text: string, ruleId: string): RegExpExecArray | null {
    if (this.exhaustedBy !== undefined) {
      const twin = linearTwin(re);
      twin.lastIndex = re.lastIndex;
      const m = twin.exec(text);
      re.lastIndex = twin.lastIndex;
      return m;
    }
    const start = performance.now();
    const m = re.exec(text);
    this.spent += performance.now() - start;
    if (this.spent > this.limitMs) {
      this.exhaustedBy = ruleId;
    }
    return m;
  }
}
