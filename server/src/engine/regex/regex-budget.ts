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
  /** The backtracking budget is used up: every later exec runs on the linear twin. */
  linear = false;
  /** The hard limit is reached: the remaining matches and later rules are not checked. */
  stopped = false;

  constructor(
    private readonly budgetMs = REGEX_BUDGET_MS,
    private readonly limitMs = REGEX_LIMIT_MS,
  ) {}

  /** `re.exec(text)` from `re.lastIndex`, on the linear twin once the budget is spent; null once stopped. */
  exec(re: RegExp, text: string): RegExpExecArray | null {
    if (this.stopped) {
      return null;
    }
    const start = performance.now();
    let m: RegExpExecArray | null;
    if (!this.linear) {
      m = re.exec(text);
    } else {
      const twin = linearTwin(re);
      twin.lastIndex = re.lastIndex;
      m = twin.exec(text);
      re.lastIndex = twin.lastIndex;
    }
    this.spent += performance.now() - start;
    this.linear ||= this.spent > this.budgetMs;
    this.stopped ||= this.spent > this.limitMs;
    return m;
  }
}
