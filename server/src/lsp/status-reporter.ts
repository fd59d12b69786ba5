import type { Connection } from 'vscode-languageserver/node';
import { StatusNotification, type StatusParams } from '../protocol/messages';
import { DelayedRun } from './delayed-run';
import type { FolderConfigs } from './folder-configs';
import type { OrgRulesetManager } from './org-manager';

/** The `conductor/status` notification: each folder's rules, the org ruleset, the last check and any failure. */
export class StatusReporter {
  private last: Pick<StatusParams, 'lastCheckAt' | 'lastCheckMs' | 'checks'> = {};
  /** The status item shows the last check's time; at most one update a second while typing. */
  private readonly later = new DelayedRun(1000, () => this.send(), false);

  constructor(
    private readonly connection: Connection,
    private readonly folders: FolderConfigs,
    private readonly org: OrgRulesetManager,
    private readonly failure: () => string | undefined,
  ) {}

  /** Counts a finished check and shows it soon. */
  checked(ms: number): void {
    this.last = { lastCheckAt: new Date().toISOString(), lastCheckMs: Math.round(ms * 100) / 100, checks: (this.last.checks ?? 0) + 1 };
    this.soon();
  }

  soon(): void {
    this.later.trigger();
  }

  send(): void {
    const orgStatus = this.org.status();
    const list = this.folders
      .all()
      .map((f) => this.folders.status(f))
      .map((s) => (orgStatus ? { ...s, message: `${s.message} · ${orgStatus.message}` } : s));
    const failure = this.failure();
    const state =
      list.some((f) => f.configErrors > 0) || orgStatus?.state === 'error' || failure
        ? 'error'
        : list.some((f) => f.usingDefault) || orgStatus?.state === 'pending'
          ? 'warning'
          : 'ok';
    void this.connection.sendNotification(StatusNotification.type, { state, folders: list, ...this.last, ...(orgStatus && { org: orgStatus }), ...(failure && { failure }) });
  }

  dispose(): void {
    this.later.dispose();
  }
}
