import * as fs from 'fs';
import * as path from 'path';
import { readBounded } from '../host/read-bounded';

/**
 * Writes the fixed text only if the file still holds what was read (another process may have written
 * since), only inside the workspace (a symlink is resolved and must stay in it), through a temporary
 * file renamed over the original so readers never see half a file. Returns why it refused, if it did.
 */
export function writeIfUnchanged(root: string, relPath: string, maxBytes: number, before: string, after: string): string | undefined {
  const current = readBounded(path.join(root, relPath), { maxBytes, within: [root] });
  if (!current.ok) {
    return current.reason;
  }
  const bom = current.buffer[0] === 0xef && current.buffer[1] === 0xbb && current.buffer[2] === 0xbf;
  if (current.buffer.toString('utf8', bom ? 3 : 0) !== before) {
    return 'it changed since it was read (run fix again)';
  }
  const target = current.realPath;
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.conductor-fix-${process.pid}`);
  try {
    fs.writeFileSync(tmp, bom ? '\ufeff' + after : after, { flag: 'wx', mode: fs.statSync(target).mode & 0o7777 });
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    return `cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
  return undefined;
}
