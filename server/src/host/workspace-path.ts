import * as fs from 'fs';
import * as path from 'path';
import { isInside } from './read-bounded';

export type WorkspacePath = { ok: true; abs: string; relPath: string } | { ok: false; reason: string };

/**
 * A path an agent names (absolute, or relative to `base`) as a workspace-relative posix path, when it
 * lies inside `root` both as written and after following symlinks (of the file, or of its nearest
 * existing folder for a file not yet created). Anything else is refused with the reason.
 */
export function resolveInWorkspace(root: string, p: string, base: string = root): WorkspacePath {
  if (p.includes('\0')) {
    return { ok: false, reason: 'the path contains a NUL character' };
  }
  const abs = path.resolve(base, p);
  if (!isInside(abs, root) || abs === path.resolve(root)) {
    return { ok: false, reason: `${p} is outside the workspace ${root}` };
  }
  let realRoot: string;
  try {
    realRoot = fs.realpathSync.native(root);
  } catch (e) {
    return { ok: false, reason: `the workspace ${root} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const real = realOfNearest(abs);
  if (real === undefined || !isInside(real, realRoot)) {
    return { ok: false, reason: `${p} leads outside the workspace through a symlink` };
  }
  return { ok: true, abs, relPath: path.relative(root, abs).split(path.sep).join('/') };
}

/** The real path of `p`, or of its nearest existing ancestor joined with the rest. */
function realOfNearest(p: string): string | undefined {
  const rest: string[] = [];
  let cur = p;
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(cur), ...rest.reverse());
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        return undefined;
      }
      // A dangling symlink names somewhere we cannot see: refuse it rather than guess.
      try {
        if (fs.lstatSync(cur).isSymbolicLink()) {
          return undefined;
        }
      } catch {
        // not there at all: go up
      }
    }
    const parent = path.dirname(cur);
    if (parent === cur) {
      return undefined;
    }
    rest.push(path.basename(cur));
    cur = parent;
  }
}
