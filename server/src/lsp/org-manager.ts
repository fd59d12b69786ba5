// The language server's org ruleset: starts from the verified on-disk cache at once (never waits
// for the network), refreshes in the background (at start, on configuration change, periodically),
// and keeps the last verified copy in force whenever a refresh fails or is rejected.
import { maskSecretsIn } from '../engine/check/secret-mask';
import type { OrgLayer } from '../engine/org-policy';
import type { OrgStatus } from '../protocol/messages';
import { loadVerifiedCache, refreshOrgRuleset, toLayer, type OrgContext, type RefreshOutcome, type VerifiedOrgRuleset } from '../org-fetch/org-ruleset';
import type { OrgSourceConfig, SourceResult } from '../org-fetch/source';

export interface OrgManagerOptions extends OrgContext {
  /** After a refresh: `changed` when the ruleset in force changed (reload the configs), else only the status did. */
  onChange(changed: boolean): void;
  /** A loud error for the user (rejected content, broken policy file); called once per distinct message. */
  onError(message: string): void;
  log(message: string): void;
  defaultRefreshMinutes?: number;
}

export class OrgRulesetManager {
  private config?: OrgSourceConfig;
  private configError?: { error: string; configuredBy: string };
  private key = 'none';
  private ruleset?: VerifiedOrgRuleset;
  private lastRefreshAt?: string;
  private lastResult?: RefreshOutcome['kind'];
  private lastError?: string;
  private refreshing?: Promise<void>;
  private timer?: ReturnType<typeof setInterval>;
  private readonly shown = new Set<string>();

  constructor(private readonly opts: OrgManagerOptions) {}

  /**
   * Applies a (new) source. Loads its verified cache synchronously, so the first check already has
   * the org layer, and starts a background refresh. Returns whether anything changed.
   */
  configure(result: SourceResult | undefined): boolean {
    const key = JSON.stringify(result ?? null);
    if (key === this.key) {
      return false;
    }
    this.key = key;
    this.stopTimer();
    if (!result) {
      const had = this.ruleset !== undefined || this.configError !== undefined;
      this.config = undefined;
      this.configError = undefined;
      this.ruleset = undefined;
      this.lastError = undefined;
      return had;
    }
    if ('error' in result) {
      // A broken configuration keeps the copy in force (if any): the last verified one.
      this.configError = result;
      this.config = undefined;
      this.lastError = result.error;
      this.loud(`Conductor: the org ruleset configuration is invalid: ${result.error}.${this.keptNote()}`);
      return true;
    }
    this.configError = undefined;
    this.config = result.config;
    this.lastError = undefined;
    this.lastResult = undefined;
    this.lastRefreshAt = undefined;
    const cached = loadVerifiedCache(result.config, this.opts);
    if (cached.ruleset) {
      this.ruleset = cached.ruleset;
      this.opts.log(`Org ruleset ${cached.ruleset.name} (sha256 ${cached.ruleset.sha256.slice(0, 12)}…) loaded from the cache; refreshing in the background.`);
    } else {
      // New source or new trust (e.g. a rotated pin or key): nothing unverified under it stays in force.
      this.ruleset = undefined;
      if (cached.error) {
        this.opts.log(`Org ruleset cache ignored: ${cached.error}`);
      }
    }
    void this.refresh();
    const minutes = result.config.refreshMinutes ?? this.opts.defaultRefreshMinutes ?? 60;
    this.timer = setInterval(() => void this.refresh(), minutes * 60_000);
    this.timer.unref?.();
    return true;
  }

  /** The verified org ruleset in force, for config loading. */
  layer(): OrgLayer | undefined {
    return this.ruleset && toLayer(this.ruleset);
  }

  current(): VerifiedOrgRuleset | undefined {
    return this.ruleset;
  }

  /** Fetches now (joins a refresh already running). Never throws. */
  refresh(): Promise<void> {
    if (!this.config) {
      return Promise.resolve();
    }
    this.refreshing ??= this.doRefresh(this.config).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async doRefresh(config: OrgSourceConfig): Promise<void> {
    const outcome = await refreshOrgRuleset(config, this.opts, this.ruleset);
    if (config !== this.config) {
      return; // reconfigured meanwhile
    }
    this.lastRefreshAt = (this.opts.now?.() ?? new Date()).toISOString();
    this.lastResult = outcome.kind;
    if (outcome.kind === 'updated' || outcome.kind === 'not-modified') {
      const changed = this.ruleset?.sha256 !== outcome.ruleset.sha256;
      this.ruleset = outcome.ruleset;
      this.lastError = undefined;
      this.shown.clear();
      if (changed) {
        this.opts.log(`Org ruleset ${outcome.ruleset.name} (sha256 ${outcome.ruleset.sha256.slice(0, 12)}…) verified by ${outcome.ruleset.verifiedBy.join(' + ')} from ${maskSecretsIn(config.source)}.`);
      }
      this.opts.onChange(changed);
      return;
    }
    this.lastError = outcome.kind === 'rejected' ? `REJECTED the org ruleset from ${maskSecretsIn(config.source)}: ${outcome.error}` : `cannot refresh the org ruleset from ${maskSecretsIn(config.source)}: ${outcome.error}`;
    this.opts.log(this.lastError);
    if (outcome.kind === 'rejected' || !this.ruleset) {
      this.loud(`Conductor ${this.lastError}.${this.keptNote()}`);
    }
    this.opts.onChange(false);
  }

  status(): OrgStatus | undefined {
    if (!this.config && !this.configError && !this.ruleset) {
      return undefined;
    }
    const r = this.ruleset;
    const error = this.lastError;
    const state: OrgStatus['state'] = error && (this.lastResult !== 'failed' || !r) ? 'error' : r ? 'ok' : 'pending';
    const name = r ? `org ruleset ${r.name}` : 'org ruleset';
    const message =
      state === 'pending'
        ? `${name}: fetching from ${maskSecretsIn(this.config?.source ?? '')}…`
        : error
          ? `${name}: ${error}${r ? ' (the last verified copy stays in force)' : ''}`
          : `${name} (verified by ${r?.verifiedBy.join(' + ')})`;
    return {
      state,
      // The configured URL may carry credentials: status and log show it masked.
      ...((this.config?.source ?? r?.source) && { source: maskSecretsIn(this.config?.source ?? r?.source ?? '') }),
      configuredBy: this.config?.configuredBy ?? this.configError?.configuredBy,
      ...(r && { name: r.name, sha256: r.sha256, verifiedBy: r.verifiedBy, verifiedAt: r.verifiedAt }),
      ...(this.lastRefreshAt && { lastRefreshAt: this.lastRefreshAt }),
      ...(this.lastResult && { lastRefreshResult: this.lastResult }),
      ...(error && { error }),
      message,
    };
  }

  dispose(): void {
    this.stopTimer();
  }

  private keptNote(): string {
    const r = this.ruleset;
    return r ? ` The last verified copy (${r.name}, verified ${r.verifiedAt}) stays in force.` : ' No verified copy is available: the org rules do not apply in this editor until this is fixed (CI still enforces them).';
  }

  private loud(message: string): void {
    if (!this.shown.has(message)) {
      this.shown.add(message);
      this.opts.onError(message);
    }
  }

  private stopTimer(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}
