import * as path from 'path';
import { loadWorkspaceConfig, type ConfigHost, type ConfigProblem, type Policy } from '../engine';
import type { FolderStatus } from '../protocol/messages';
import type { OrgLayer } from '../engine/org-policy';
import { useDiskForImports } from '../host/import-file-system';

/** One workspace folder's rules: the policy in force and the problems of its rule files. */
export interface FolderConfig {
  root: string;
  ruleFile?: string;
  /** The last policy that loaded without errors; stays in force while the rule file is broken. */
  policy: Policy;
  problems: ConfigProblem[];
  files: string[];
}

/** Keeps each folder's config, reloading on demand and never dropping the last good policy. */
export class FolderConfigs {
  private readonly folders = new Map<string, FolderConfig>();
  /** The verified org ruleset layered under every folder's rules (org rulesets, issue 8). */
  private orgLayer?: OrgLayer;

  constructor(
    private readonly host: ConfigHost,
    private readonly fallback: () => Policy,
  ) {}

  setFolders(roots: string[]): void {
    useDiskForImports(roots); // symlinked manifests may lead only into these
    for (const root of [...this.folders.keys()]) {
      if (!roots.includes(root)) {
        this.folders.delete(root);
      }
    }
    for (const root of roots) {
      if (!this.folders.has(root)) {
        this.reload(root);
      }
    }
  }

  roots(): string[] {
    return [...this.folders.keys()];
  }

  all(): FolderConfig[] {
    return [...this.folders.values()];
  }

  /** The folder that contains a file (deepest root wins), if any. */
  folderOf(file: string): FolderConfig | undefined {
    let best: FolderConfig | undefined;
    for (const f of this.folders.values()) {
      const rel = path.relative(f.root, file);
      if (!rel.startsWith('..') && !path.isAbsolute(rel) && (!best || f.root.length > best.root.length)) {
        best = f;
      }
    }
    return best;
  }

  /** True when a changed file can affect some folder's config. */
  affects(file: string): boolean {
    return /[\\/]\.conductor[\\/]rules\.jsonc?$/.test(file) || this.all().some((f) => f.files.includes(file));
  }

  /** Sets the org layer used by the next reloads (undefined: none). */
  setOrgLayer(layer: OrgLayer | undefined): void {
    this.orgLayer = layer;
  }

  reload(root: string, explicitFile?: string): FolderConfig {
    const loaded = loadWorkspaceConfig(root, this.host, explicitFile, this.orgLayer);
    const previous = this.folders.get(root);
    const next: FolderConfig = {
      root,
      ruleFile: loaded.ruleFile,
      policy: loaded.policy ?? previous?.policy ?? this.fallback(),
      problems: loaded.problems,
      files: loaded.files,
    };
    this.folders.set(root, next);
    return next;
  }

  status(f: FolderConfig): FolderStatus {
    const errors = f.problems.filter((p) => p.severity === 'error').length;
    const ruleCount = f.policy.rulesFor('').size;
    const name = f.policy.name;
    const message =
      errors > 0
        ? `${errors} error(s) in the rule file; the last valid rules (${name}) stay in force until it is fixed`
        : f.ruleFile
          ? `${ruleCount} rules from ${path.relative(f.root, f.ruleFile)} (${name})`
          : `No .conductor/rules.jsonc: using ${name}`;
    return {
      folder: f.root,
      ruleFile: f.ruleFile,
      rulesetName: name,
      ruleCount,
      configErrors: errors,
      usingDefault: !f.ruleFile,
      message,
    };
  }
}
