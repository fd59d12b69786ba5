// Every custom message between the Conductor client and server, typed once and imported by both sides.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

export interface FolderStatus {
  folder: string;
  /** The rule file in force, or undefined when the built-in default is used. */
  ruleFile?: string;
  rulesetName: string;
  ruleCount: number;
  /** Errors in the rule file(s); when > 0 the last good config is still in force. */
  configErrors: number;
  usingDefault: boolean;
  message: string;
}

export interface StatusParams {
  state: 'ok' | 'warning' | 'error';
  folders: FolderStatus[];
  /** Time of the last document check (ISO) and how long it took in ms. */
  lastCheckAt?: string;
  lastCheckMs?: number;
  /** Document checks run since the server started, superseded ones included (bursts of changes are coalesced). */
  checks?: number;
  /** The org ruleset (issue 8); absent when none is configured. */
  org?: OrgStatus;
  /** The latest failure of a reload, check or handler (logged in full); absent when nothing is failing. */
  failure?: string;
}

/** The org ruleset layer: where it comes from, whether it verified, and the last refresh. */
export interface OrgStatus {
  /** ok: a verified copy is in force; pending: configured, no verified copy yet; error: see `error`. */
  state: 'ok' | 'pending' | 'error';
  /** https:// URL or file path. */
  source?: string;
  /** e.g. "machine policy file /etc/conductor/policy.json", "setting conductor.orgRuleset". */
  configuredBy?: string;
  /** The ruleset in force: its name (e.g. acme-2026.11) and content sha256. */
  name?: string;
  sha256?: string;
  verifiedBy?: ('sha256' | 'signature')[];
  /** When the copy in force was verified, and when the source last answered (ISO). */
  verifiedAt?: string;
  lastRefreshAt?: string;
  lastRefreshResult?: 'updated' | 'not-modified' | 'failed' | 'rejected';
  /** The last error (rejected content, unreachable source, bad configuration); the copy in force stays. */
  error?: string;
  /** One line for the status item. */
  message: string;
}

export interface EffectiveRulesParams {
  /** A document: list the rules for it (its folder, its overrides). Else the first folder, file-wide. */
  uri?: string;
}

/** "Conductor: Show Effective Rules": a Markdown document describing the rules in force. */
export namespace EffectiveRulesRequest {
  export const method = 'conductor/effectiveRules';
  export const type = new RequestType<EffectiveRulesParams, { markdown: string }, void>(method);
}

export namespace StatusNotification {
  export const method = 'conductor/status';
  export const type = new NotificationType<StatusParams>(method);
}

export namespace ShowOutputRequest {
  export const method = 'conductor/showOutput';
  export const type = new RequestType0<void, void>(method);
}

/** Server-side commands, advertised through `executeCommandProvider`. */
export const Commands = {
  /** args: [uri, line, ruleId, reason?] — inserts a suppression with a reason above the line. */
  suppress: 'conductor.suppress',
  /** args: [uri, regionId] — records the reviewer (setting or git identity) and date in the marker. */
  markReviewed: 'conductor.markReviewed',
  /** args: [uri, regionId] — after the user confirms, removes the block's markers (logged). */
  takeOwnership: 'conductor.takeOwnership',
  /** args: [docsUrl] — opens the rule's documentation page. */
  explain: 'conductor.explain',
} as const;

export const DIAGNOSTIC_SOURCE = 'conductor';
export const FIX_ALL_KIND = 'source.fixAll.conductor';
