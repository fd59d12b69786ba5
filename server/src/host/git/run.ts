// The one way Conductor runs git: fixed settings so user config cannot change the output's shape,
// a byte cap and a deadline on every call, and failures as a GitError that says what went wrong.
import { execFileSync, spawn } from 'child_process';

export class GitError extends Error {
  /** git's exit code, when it ran and failed (1 from `git grep` means "no match"). */
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

/** Settings that would change paths or the diff's shape (user config could otherwise set them). */
const CONFIG = [
  ['core.quotePath', 'false'],
  ['diff.noprefix', 'false'],
  ['diff.mnemonicPrefix', 'false'],
  ['diff.relative', 'false'],
  ['log.showSignature', 'false'],
  ['log.showRoot', 'true'],
].flatMap(([k, v]) => ['-c', `${k}=${v}`]);
// No optional index refresh (no lock taken beside the user's own git); messages in one language.
const ENV = { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };
/** Output of one buffered call (blobs of a large change set fit; a runaway output does not). */
export const MAX_OUTPUT_BYTES = 1024 * 1024 * 1024;
/** Deadline of one call, buffered or streamed (a full history of a large repository fits). */
export const GIT_TIMEOUT_MS = 10 * 60 * 1000;

export interface RunOptions {
  /** Written to git's standard input. */
  input?: string;
  /** Replaces "git <command> failed" in the error, followed by git's last line of stderr. */
  failMessage?: string;
}

/** Runs git in `root` and returns its standard output; throws GitError. */
export function runGit(root: string, args: readonly string[], o: RunOptions = {}): Buffer {
  try {
    return execFileSync('git', [...CONFIG, ...args], {
      cwd: root,
      input: o.input,
      maxBuffer: MAX_OUTPUT_BYTES,
      timeout: GIT_TIMEOUT_MS,
      killSignal: 'SIGKILL',
      stdio: ['pipe', 'pipe', 'pipe'],
      env: ENV,
    });
  } catch (e) {
    throw toGitError(e as ExecError, args, o.failMessage);
  }
}

type ExecError = NodeJS.ErrnoException & { stderr?: Buffer; status?: number | null; signal?: string | null };

function toGitError(err: ExecError, args: readonly string[], failMessage: string | undefined): GitError {
  if (err.code === 'ENOENT') {
    return new GitError('git is not installed or not on PATH');
  }
  if (err.code === 'ENOBUFS') {
    return new GitError(`git ${args[0]} printed more than ${MAX_OUTPUT_BYTES / 1024 / 1024} MiB`);
  }
  if (err.code === 'ETIMEDOUT' || (err.signal === 'SIGKILL' && err.status === null)) {
    return new GitError(`git ${args[0]} did not finish within ${GIT_TIMEOUT_MS / 1000} s`);
  }
  const detail = err.stderr?.toString('utf8').trim().split('\n').pop() ?? err.message;
  const status = typeof err.status === 'number' ? err.status : undefined;
  return new GitError(failMessage ? `${failMessage}${detail ? ` (${detail})` : ''}` : `git ${args[0]} failed: ${detail}`, status);
}

/**
 * Runs git in `root` and hands its output to `onLine` one line at a time (lines end at \n only, a
 * trailing \r is dropped: readline would also split at a lone \r inside a line). An exception from
 * `onLine` stops git and rejects; so do a failing git and the deadline.
 */
export function streamGitLines(root: string, args: readonly string[], onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...CONFIG, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: ENV });
    let stderr = '';
    let failed: Error | undefined;
    const stop = (e: Error): void => {
      failed ??= e;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(new GitError(`git ${args[0]} did not finish within ${GIT_TIMEOUT_MS / 1000} s`)), GIT_TIMEOUT_MS);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      stderr = (stderr + d).slice(-4096); // the end says why
    });
    let rest = '';
    const feed = (text: string): void => {
      let from = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
        const end = nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        onLine(text.slice(from, end));
        from = nl + 1;
      }
      rest = text.slice(from);
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (failed) {
        return;
      }
      try {
        feed(rest + chunk);
      } catch (e) {
        stop(e as Error);
      }
    });
    let ended = false;
    let exit: number | null | undefined;
    const done = (): void => {
      if (!ended || exit === undefined) {
        return;
      }
      clearTimeout(timer);
      if (failed) {
        reject(failed);
      } else if (exit !== 0) {
        reject(new GitError(`git ${args[0]} failed (${exit}): ${stderr.trim()}`, exit ?? undefined));
      } else {
        resolve();
      }
    };
    child.stdout.on('end', () => {
      if (!failed && rest) {
        try {
          onLine(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
        } catch (e) {
          failed = e as Error;
        }
      }
      ended = true;
      done();
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === 'ENOENT' ? new GitError('git is not installed or not on PATH') : e);
    });
    child.on('close', (code) => {
      exit = code;
      done();
    });
  });
}
