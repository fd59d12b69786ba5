// The workspace an MCP server answers for: its root and its policy, reloaded when a rule file changes on disk.
import * as fs from 'fs';
import * as path from 'path';
import { useDiskForImports } from '../host/import-file-system';
import { loadWorkspaceConfig, RULE_FILE_CANDIDATES, type ConfigHost, type LoadedConfig, type Policy } from '../engine';

export class PolicyUnavailableError extends Error {}

export class McpWorkspace {
  private loaded?: LoadedConfig;
  private signature = '';

  constructor(
    readonly root: string,
    readonly host: ConfigHost,
    /** Explicit rule file, relative to the root (`--config`). */
    readonly configFile?: string,
  ) {
    useDiskForImports([root]); // allowed_imports reads manifests: a symlink may not lead out of the root
  }

  /** The policy in force; throws PolicyUnavailableError (with the problems) while the rule file has errors. */
  policy(): { policy: Policy; ruleFile?: string } {
    const sig = this.currentSignature();
    if (!this.loaded || sig !== this.signature) {
      // Workspace rule files only (no org ruleset): answers are the same on every machine, and never need a network.
      this.loaded = loadWorkspaceConfig(this.root, this.host, this.configFile);
      this.signature = this.currentSignature();
    }
    const { policy, problems, ruleFile } = this.loaded;
    if (!policy) {
      const lines = problems
        .filter((p) => p.severity === 'error')
        .map((p) => `${this.relative(p.file)}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`);
      throw new PolicyUnavailableError(`The rule file has errors; fix them first:\n${lines.join('\n')}`);
    }
    return { policy, ruleFile };
  }

  /** A path for display: workspace-relative posix when inside the root. */
  relative(file: string): string {
    if (!path.isAbsolute(file)) {
      return file;
    }
    const rel = path.relative(this.root, file);
    return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
  }

  /**
   * A tool's `path` argument as a workspace-relative posix path. Accepts relative paths (either separator) and
   * absolute paths inside the root; throws RangeError for anything that leaves the workspace.
   */
  relPath(input: string): string {
    const trimmed = input.trim();
    if (trimmed === '') {
      throw new RangeError('path is empty');
    }
    const abs = path.resolve(this.root, trimmed.replace(/\\/g, '/'));
    const rel = path.relative(this.root, abs);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new RangeError(`path must name a file inside the workspace (${this.root}), got "${input}"`);
    }
    return rel.split(path.sep).join('/');
  }

  absolute(relPath: string): string {
    return path.join(this.root, ...relPath.split('/'));
  }

  /** mtime and size of every file the config was read from, plus the rule-file candidates (one may appear). */
  private currentSignature(): string {
    const files = new Set([...(this.loaded?.files ?? []), ...RULE_FILE_CANDIDATES.map((c) => path.join(this.root, c))]);
    if (this.configFile) {
      files.add(path.resolve(this.root, this.configFile));
    }
    return [...files]
      .sort()
      .map((f) => {
        try {
          const s = fs.statSync(f);
          return `${f}:${s.mtimeMs}:${s.size}`;
        } catch {
          return `${f}:-`;
        }
      })
      .join('\n');
  }
}
