// Every custom message between the Conductor client and server, typed once and imported by both sides.
import { NotificationType, RequestType0 } from 'vscode-languageserver-protocol';

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
