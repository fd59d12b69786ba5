import type { ConfigHost } from '../engine';
import { findBuiltinDir } from './builtin-dir';
import { CONFIG_MAX_BYTES, readBoundedText } from './read-bounded';

/**
 * Rule files from disk through the bounded reader: the one disk ConfigHost (the editor layers open
 * documents over it). `within`: the workspace roots (and the built-in folder) a symlinked rule file
 * may lead into.
 */
export function diskConfigHost(builtinDir: string, within: readonly string[] = []): ConfigHost {
  const dirs = [...within, builtinDir];
  return {
    builtinDir,
    readFile(file: string) {
      const r = readBoundedText(file, { maxBytes: CONFIG_MAX_BYTES, within: dirs });
      if (r.ok) {
        return r.text;
      }
      return r.failure === 'missing' ? undefined : { error: r.reason };
    },
  };
}

/** The disk host with the shipped built-ins; a symlinked rule file may lead only into `root` or them. */
export function diskHost(root?: string): ConfigHost {
  return diskConfigHost(findBuiltinDir(__dirname), root === undefined ? [] : [root]);
}
