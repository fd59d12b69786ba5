import * as fs from 'fs';
import * as path from 'path';
import { parseArgs, type ParseArgsConfig } from 'util';
import { UsageError } from './cli-config';
import { isInside } from '../host/read-bounded';
import { useDiskForImports } from '../host/import-file-system';

type Options = NonNullable<ParseArgsConfig['options']>;

/** `util.parseArgs` with positionals, whose complaints become usage errors (exit 2). */
export function parseCliArgs<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** The workspace root from `--cwd` (default: the current directory); it must be a directory. */
export function workspaceRoot(cwd: string | undefined): string {
  const root = path.resolve(cwd ?? '.');
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    throw new UsageError(`--cwd must be an existing directory (got "${cwd ?? '.'}")`);
  }
  useDiskForImports([root]); // manifests read for import checks: a symlink may not lead out of it
  return root;
}

/**
 * Path arguments must exist (a typo is a usage error, not an empty green run), lie inside the root
 * (also after following symlinks) and be a directory or a regular file: a FIFO would block the read.
 */
export function requireTargets(root: string, targets: readonly string[]): void {
  const realRoot = fs.realpathSync.native(root);
  for (const t of targets) {
    const abs = path.resolve(root, t);
    if (!isInside(abs, root)) {
      throw new UsageError(`${t} is outside the workspace root ${root}`);
    }
    let real: string;
    try {
      real = fs.realpathSync.native(abs);
    } catch {
      throw new UsageError(`No such file or directory: ${t}`);
    }
    if (!isInside(real, realRoot)) {
      throw new UsageError(`${t} is a symlink that leads outside the workspace (to ${real})`);
    }
    const st = fs.statSync(real);
    if (!st.isDirectory() && !st.isFile()) {
      throw new UsageError(`${t} is not a regular file or directory`);
    }
  }
}

/** A flag whose value must be one of a few words. */
export function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${flag} must be ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]} (got "${value}")`);
  }
  return value as T;
}

/** `--max-file-size MB` in bytes (default 5 MB). */
export function maxFileBytes(value: string | undefined): number {
  if (value !== undefined && !(Number(value) > 0)) {
    throw new UsageError('--max-file-size must be a positive number of MB');
  }
  return Number(value ?? 5) * 1024 * 1024;
}

/** The options every command that scans files shares. */
export const SCAN_OPTIONS = {
  config: { type: 'string' },
  cwd: { type: 'string' },
  'no-gitignore': { type: 'boolean' },
  'include-node-modules': { type: 'boolean' },
  'max-file-size': { type: 'string' },
  jobs: { type: 'string' },
} as const;
