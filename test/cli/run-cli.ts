// The one way the tests run the built CLI (`node dist/cli.js …`): a clean, fixed environment
// (no CONDUCTOR_* variables or user git config leak in, no colours, CI mode) and all of stdout and stderr.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'child_process';
import * as os from 'os';
import { assertBuilt } from '../helpers/build';
import { CLI_JS, SCAN_WORKER_JS } from '../helpers/paths';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Extra variables, applied over the fixed environment (a value `undefined` removes one). */
  env?: NodeJS.ProcessEnv;
  /** Text written to stdin. */
  input?: string;
  /** Kills the CLI after this long (a hostile input must not stall the suite). */
  timeoutMs?: number;
  /** Runs as user nobody when this process is root: permission bits mean nothing to root. */
  unprivileged?: boolean;
}

const MAX_BUFFER = 256 * 1024 * 1024;

/** The environment every CLI run starts from: the caller's, minus Conductor's own variables. */
export function cliEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CONDUCTOR_')));
  const merged: NodeJS.ProcessEnv = {
    ...inherited,
    GIT_AUTHOR_NAME: 'Conductor Test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'Conductor Test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: os.devNull,
    TZ: 'UTC',
    NO_COLOR: '1',
    CI: 'true',
    ...env,
  };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
}

/** Runs `conductor ARGS` in `cwd` and waits for it (blocks the event loop). */
export function runCli(args: string[], cwd: string, options: CliOptions = {}): CliResult {
  const node = [process.execPath, CLI_JS, ...args];
  const [cmd, ...rest] = options.unprivileged && process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...node] : node;
  const r = spawnSync(cmd, rest, {
    cwd,
    env: cliEnv(options.env),
    encoding: 'utf8',
    maxBuffer: MAX_BUFFER,
    ...(options.input !== undefined && { input: options.input }),
    ...(options.timeoutMs !== undefined && { timeout: options.timeoutMs }),
  });
  if (r.error) {
    throw r.error;
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `conductor ARGS` as a child with piped stdio (long-running commands such as `mcp`). */
export function spawnCli(args: string[], cwd: string, options: Pick<CliOptions, 'env'> = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [CLI_JS, ...args], { cwd, env: cliEnv(options.env), stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Runs `conductor ARGS` without blocking: a server in this process (HTTPS, OTLP) keeps answering meanwhile. */
export function runCliAsync(args: string[], cwd: string, options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, cwd, options);
    let stdout = '';
    let stderr = '';
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill(), options.timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Fails with what to do when the bundled CLI (and its scan worker) is missing or stale. */
export function assertCliBuilt(): void {
  assertBuilt([CLI_JS, SCAN_WORKER_JS]);
}
