import * as path from 'path';

// Workspace paths as the engine, rule files and reports see them: relative to the root, with `/`.

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** `p` (absolute, or relative to `root`) as a workspace-relative POSIX path; '' for the root itself. */
export function workspaceRelative(root: string, p: string): string {
  return toPosix(path.relative(root, path.resolve(root, p)));
}
