/**
 * What config loading needs from its host: file contents (open editors may hold newer text than disk).
 * `undefined`: no such file. `{ error }`: the file is there but cannot be used (unreadable, not a
 * regular file, too large, a symlink out of the workspace); the load fails with that reason.
 */
export interface ConfigHost {
  readFile(absolutePath: string): string | undefined | HostReadError;
  /** Folder holding the built-in rulesets (`conductor:NAME` → `NAME.jsonc`). */
  builtinDir: string;
}

export interface HostReadError {
  error: string;
}

export const BUILTIN_PREFIX = 'conductor:';

/** The text of a host read, or undefined when the file is missing or unusable. */
export function hostText(read: string | undefined | HostReadError): string | undefined {
  return typeof read === 'string' ? read : undefined;
}
