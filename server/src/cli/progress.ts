// A one-line progress bar for long scans: on an interactive stderr only, never in CI or when piped,
// never on stdout (reports stay clean), and not at all for scans that finish quickly.

export interface Progress {
  update(done: number, total: number): void;
  /** Erases the bar. */
  finish(): void;
}

const NONE: Progress = { update() {}, finish() {} };
const DELAY_MS = 300;
const INTERVAL_MS = 100;

export function progressEnabled(stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = (env.CI ?? '').toLowerCase();
  return stream.isTTY === true && (ci === '' || ci === '0' || ci === 'false');
}

export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): Progress {
  if (!progressEnabled(stream, env)) {
    return NONE;
  }
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - started < DELAY_MS || (now - last < INTERVAL_MS && done < total)) {
        return;
      }
      last = now;
      shown = true;
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 30));
      const ratio = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.round(ratio * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} files\u001b[K`);
    },
    finish() {
      if (shown) {
        stream.write('\r\u001b[K');
      }
    },
  };
}
