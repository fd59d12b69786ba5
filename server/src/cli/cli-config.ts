import * as path from 'path';
import { loadWorkspaceConfig, type ConfigHost, type LoadedConfig } from '../engine';
import { findBuiltinDir } from '../host/builtin-dir';
import { diskConfigHost } from '../host/disk-config-host';
import type { OrgLayer } from '../engine/org-policy';

/** Rule files from disk (bounded reads); a symlinked one may lead only into `root` or the built-ins. */
export function diskHost(root?: string): ConfigHost {
  return diskConfigHost(findBuiltinDir(__dirname), root === undefined ? [] : [root]);
}

export class UsageError extends Error {}

/** Loads the rule file for the CLI; any rule-file error is fatal here (exit 2), unlike in the editor. */
export function loadCliConfig(
  root: string,
  configFile: string | undefined,
  host: ConfigHost,
  orgLayer?: OrgLayer,
): LoadedConfig & { policy: NonNullable<LoadedConfig['policy']> } {
  const explicit = configFile === undefined ? undefined : host.readFile(path.resolve(root, configFile));
  if (configFile && explicit === undefined) {
    throw new UsageError(`Rule file not found: ${configFile}`);
  }
  if (configFile && typeof explicit === 'object') {
    throw new UsageError(`Cannot use rule file ${configFile}: ${explicit.error}`);
  }
  const loaded = loadWorkspaceConfig(root, host, configFile, orgLayer);
  if (!loaded.policy) {
    const lines = loaded.problems.map((p) => `${path.relative(root, p.file) || p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`);
    throw new UsageError(`The rule file has errors:\n${lines.join('\n')}`);
  }
  return { ...loaded, policy: loaded.policy };
}
