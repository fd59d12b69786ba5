/** What config loading needs from its host: file contents (open editors may hold newer text than disk). */
export interface ConfigHost {
  readFile(absolutePath: string): string | undefined;
  /** Folder holding the built-in rulesets (`conductor:NAME` → `NAME.jsonc`). */
  builtinDir: string;
}

export const BUILTIN_PREFIX = 'conductor:';
