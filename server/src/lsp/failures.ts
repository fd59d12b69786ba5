/**
 * Failures of requests, notifications, reloads and checks, keyed by what failed (a document URI, a
 * reload): each is logged, kept until that thing next succeeds, and shown by the status. Wrapping a
 * handler with `guard` means its throw or rejection is recorded instead of ending the server.
 */
export class Failures {
  private readonly current = new Map<string, string>();

  constructor(
    private readonly log: (message: string) => void,
    private readonly changed: () => void,
  ) {}

  record(key: string, what: string, e: unknown): void {
    const err = e instanceof Error ? e : new Error(String(e));
    this.log(`${what} failed: ${err.stack ?? err.message}`);
    this.current.set(key, `${what} failed: ${err.message}`);
    this.changed();
  }

  clear(key: string): void {
    if (this.current.delete(key)) {
      this.changed();
    }
  }

  /** One line for the status, or undefined when nothing is failing. */
  summary(): string | undefined {
    const [first] = this.current.values();
    return first && (this.current.size > 1 ? `${first} (and ${this.current.size - 1} more)` : first);
  }

  /** Wraps a handler so that its throw or rejection is recorded under `key` (or `what`) and the server keeps serving. */
  guard<A extends unknown[]>(what: string, fn: (...args: A) => unknown, key = what): (...args: A) => void {
    return (...args: A) => {
      try {
        const r = fn(...args);
        if (r instanceof Promise) {
          r.catch((e: unknown) => this.record(key, what, e));
        }
      } catch (e) {
        this.record(key, what, e);
      }
    };
  }
}
