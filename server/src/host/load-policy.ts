import * as path from 'path';
import { loadWorkspaceConfig, type ConfigHost, type LoadedConfig } from '../engine';
import type { OrgLayer } from '../engine/org-policy';
import { InputError } from './input-error';

/** The rule files of a gate run (CLI, reports): any rule-file error is fatal here, unlike in the editor. */
export function loadPolicyOrFail(
  root: string,
  configFile: string | undefined,
  host: ConfigHost,
  orgLayer?: OrgLayer,
): LoadedConfig & { policy: NonNullable<LoadedConfig['policy']> } {
  const explicit = configFile === undefined ? undefined : host.readFile(path.resolve(root, configFile));
  if (configFile && explicit === undefined) {
    throw new InputError(`Rule file not found: ${configFile}`);
  }
  if (configFile && typeof explicit === 'object') {
    throw new InputError(`Cannot use rule file ${configFile}: ${explicit.error}`);
  }
  const loaded = loadWorkspaceConfig(root, host, configFile, orgLayer);
  if (!loaded.policy) {
    const lines = loaded.problems.map((p) => `${path.relative(root, p.file) || p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`);
    throw new InputError(`The rule file has errors:\n${lines.join('\n')}`);
  }
  return { ...loaded, policy: loaded.policy };
}
