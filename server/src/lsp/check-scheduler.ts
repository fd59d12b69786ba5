/** How long a document must be quiet before a check while changes are still arriving, and the longest a check may wait. */
export interface SchedulerTiming {
  quietMs: number;
  maxWaitMs: number;
}

export const DEFAULT_TIMING: SchedulerTiming = { quietMs: 15, maxWaitMs: 1000 };

interface Pending {
  cancel: () => void;
  /** When the first change not yet checked arrived. */
  since: number;
}

/**
 * Coalesces changes per document so only the latest version is checked. The JSON-RPC connection
 * delivers one message per event-loop turn, so an immediate never sees a burst as a whole: a change
 * with no check pending is checked on the next turn (single keystrokes stay fast: no timer sleep);
 * a change that finds one pending re-arms a timer until the document is quiet for `quietMs` (at most
 * `maxWaitMs`, so a never-ending stream still gets diagnostics). Before a check starts it yields
 * once, so a change already queued behind it supersedes it instead of waiting behind a stale check.
 */
export class CheckScheduler {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly version: (uri: string) => number | undefined,
    private readonly run: (uri: string) => void,
    private readonly timing: SchedulerTiming = DEFAULT_TIMING,
  ) {}

  schedule(uri: string): void {
    const now = Date.now();
    const previous = this.pending.get(uri);
    previous?.cancel();
    if (!previous) {
      const immediate = setImmediate(() => this.fire(uri));
      this.pending.set(uri, { since: now, cancel: () => clearImmediate(immediate) });
      return;
    }
    const since = previous.since;
    const timer = setTimeout(() => this.fire(uri), Math.max(0, Math.min(this.timing.quietMs, since + this.timing.maxWaitMs - now)));
    this.pending.set(uri, { since, cancel: () => clearTimeout(timer) });
  }

  cancel(uri: string): void {
    this.pending.get(uri)?.cancel();
    this.pending.delete(uri);
  }

  /** Drops every pending check (the server is stopping). */
  dispose(): void {
    for (const uri of [...this.pending.keys()]) {
      this.cancel(uri);
    }
  }

  private fire(uri: string): void {
    const version = this.version(uri);
    const entry = this.pending.get(uri);
    setImmediate(() => {
      if (this.pending.get(uri) !== entry) {
        return; // a change arrived meanwhile and re-armed the timer
      }
      this.pending.delete(uri);
      if (version !== undefined && this.version(uri) === version) {
        this.run(uri);
      }
    });
  }
}
