import type { Connection } from 'vscode-languageserver';

/** Per-resource settings (`conductor.*`), read from the client and cached per document. */
export interface Settings {
  enable: boolean;
  /** Explicit rule file, relative to the workspace folder. Empty: .conductor/rules.jsonc|json. */
  configFile: string;
  /** Files larger than this are skipped with a notice. */
  maxFileSizeMB: number;
  /** Reviewer recorded by "Mark as reviewed"; empty: git's user.email. */
  reviewIdentity: string;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, configFile: '', maxFileSizeMB: 5, reviewIdentity: '' };

export class SettingsCache {
  private readonly cache = new Map<string, Thenable<Settings>>();

  constructor(
    private readonly connection: Connection,
    private readonly supported: () => boolean,
  ) {}

  get(uri: string): Thenable<Settings> {
    if (!this.supported()) {
      return Promise.resolve(DEFAULT_SETTINGS);
    }
    let s = this.cache.get(uri);
    if (!s) {
      s = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'conductor' })
        .then((v: (Partial<Settings> & { review?: { identity?: string } }) | null) => ({
          ...DEFAULT_SETTINGS,
          ...(v ?? {}),
          reviewIdentity: v?.review?.identity ?? DEFAULT_SETTINGS.reviewIdentity,
        }));
      this.cache.set(uri, s);
    }
    return s;
  }

  forget(uri?: string): void {
    if (uri) {
      this.cache.delete(uri);
    } else {
      this.cache.clear();
    }
  }
}
