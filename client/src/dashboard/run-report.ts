// Runs the bundled CLI for the dashboard, in its own process: `report --format json` for a folder
// (the history replay can take seconds on a large repository, and neither the extension host nor the
// language server should wait for it) and `report --webview-page` for the page itself. The same code
// as in CI, so the editor and the pipeline show the same figures.
import { spawn, type ChildProcess } from 'child_process';

/** What the extension reads of a report (the status item); the webview gets all of it as the CLI wrote it. */
export interface ReportHeadline {
  aiShare: { share: number | null };
  review: { lines: { unreviewed: number } };
}

export interface CliRun<T> {
  /** Settles with the result, or rejects with the CLI's message; rejects with `cancelled` after cancel(). */
  done: Promise<T>;
  cancel(): void;
}

export type ReportRun = CliRun<ReportHeadline>;

export class ReportCancelled extends Error {}

export function runReport(cliPath: string, folder: string, o: { configFile?: string; maxFileSizeMB?: number; sarifFiles?: readonly string[] } = {}): ReportRun {
  const args = ['report', '--format', 'json', '--cwd', folder];
  if (o.configFile) {
    args.push('--config', o.configFile);
  }
  if (o.maxFileSizeMB !== undefined && o.maxFileSizeMB > 0) {
    args.push('--max-file-size', String(o.maxFileSizeMB));
  }
  // Other scanners' SARIF (relative to the folder, the CLI's cwd): the dashboard shows their AI-vs-human split.
  for (const file of o.sarifFiles ?? []) {
    if (typeof file === 'string' && file.trim() !== '') {
      args.push('--sarif', file);
    }
  }
  const run = runCli(cliPath, args, folder);
  const done = run.done.then((out) => {
    try {
      return JSON.parse(out) as ReportHeadline;
    } catch (e) {
      throw new Error(`conductor report printed no JSON: ${(e as Error).message}`);
    }
  });
  return { done, cancel: run.cancel };
}

/** The dashboard page (VS Code theme, CSP-locked, a fresh nonce): the report arrives later by message. */
export function dashboardPage(cliPath: string, folder: string): CliRun<string> {
  return runCli(cliPath, ['report', '--webview-page'], folder);
}

function runCli(cliPath: string, args: string[], cwd: string): CliRun<string> {
  let child: ChildProcess | undefined;
  let cancelled = false;
  const done = new Promise<string>((resolve, reject) => {
    // process.execPath is Electron in desktop VS Code: ELECTRON_RUN_AS_NODE makes it a plain Node (Node ignores it).
    child = spawn(process.execPath, [cliPath, ...args], { cwd, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    let err = '';
    child.stdout!.on('data', (d: Buffer) => out.push(d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (cancelled) {
        reject(new ReportCancelled('cancelled'));
      } else if (code !== 0) {
        reject(new Error(err.trim().replace(/^conductor: /, '') || `conductor ${args[0]} exited with code ${code}`));
      } else {
        resolve(Buffer.concat(out).toString('utf8'));
      }
    });
  });
  return {
    done,
    cancel: () => {
      cancelled = true;
      child?.kill();
    },
  };
}
