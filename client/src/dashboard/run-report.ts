// Runs the bundled CLI's `report --format json` for a folder, in its own process: the history replay
// can take seconds on a large repository, and neither the extension host nor the language server
// should wait for it. The same code as in CI, so the editor and the pipeline show the same figures.
import { spawn, type ChildProcess } from 'child_process';
import type { GovernanceReport } from '../../../server/src/report/schema';

export interface ReportRun {
  /** Settles with the report, or rejects with the CLI's message; rejects with `cancelled` after cancel(). */
  done: Promise<GovernanceReport>;
  cancel(): void;
}

export class ReportCancelled extends Error {}

export function runReport(cliPath: string, folder: string, o: { configFile?: string; maxFileSizeMB?: number; sarifFiles?: readonly string[] } = {}): ReportRun {
  const args = [cliPath, 'report', '--format', 'json', '--cwd', folder];
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
  let child: ChildProcess | undefined;
  let cancelled = false;
  const done = new Promise<GovernanceReport>((resolve, reject) => {
    // process.execPath is Electron in desktop VS Code: ELECTRON_RUN_AS_NODE makes it a plain Node (Node ignores it).
    child = spawn(process.execPath, args, { cwd: folder, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    let err = '';
    child.stdout!.on('data', (d: Buffer) => out.push(d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (cancelled) {
        reject(new ReportCancelled('cancelled'));
      } else if (code !== 0) {
        reject(new Error(err.trim().replace(/^conductor: /, '') || `conductor report exited with code ${code}`));
      } else {
        try {
          resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as GovernanceReport);
        } catch (e) {
          reject(new Error(`conductor report printed no JSON: ${(e as Error).message}`));
        }
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
