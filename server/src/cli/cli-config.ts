import * as fs from 'fs';
import * as path from 'path';
import { loadWorkspaceConfig, type ConfigHost, type LoadedConfig } from '../engine';
import { findBuiltinDir } from '../lsp/builtin-dir';
import type { OrgLayer } from '../engine/org';

export function diskHost(): ConfigHost {
  return {
    builtinDir: findBuiltinDir(__dirname),
    readFile(file: string): string | undefined {
      try {
        return fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

export class UsageError extends Error {}

/** Loads the rule file for the CLI; any rule-file error is fatal here (exit 2), unlike in the editor. */
export function loadCliConfig(
  root: string,
  configFile: string | undefined,
  host: ConfigHost,
  orgLayer?: OrgLayer,
): LoadedConfig & { policy: NonNullable<LoadedConfig['policy']> } {
  if (configFile && host.readFile(path.resolve(root, configFile)) === undefined) {
    throw new UsageError(`Rule file not found: ${configFile}`);
  }
  const loaded = loadWorkspaceConfig(root, host, configFile, orgLayer);
  if (!loaded.policy) {
    const lines = loaded.problems.map((p) => `${path.relative(root, p.file) || p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`);
    throw new UsageError(`The rule file has errors:\n${lines.join('\n')}`);
  }
  return { ...loaded, policy: loaded.policy };
}
