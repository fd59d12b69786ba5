/**
 * Runs `fn` once, `ms` after a trigger. `restart`: every trigger re-arms the timer (runs once things
 * are quiet); otherwise the first trigger fixes the time (at most one run per `ms`).
 */
export class DelayedRun {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly ms: number,
    private readonly fn: () => void,
    private readonly restart: boolean,
  ) {}

  trigger(): void {
    if (this.stopped) {
      return;
    }
    if (this.timer) {
      if (!this.restart) {
        return;
      }
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.fn();
    }, this.ms);
  }

  /** Cancels a pending run; later triggers do nothing (the server is stopping). */
  dispose(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
