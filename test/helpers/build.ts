import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './paths';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Makes sure dist/ (the bundled CLI and server the tests spawn) is not older than the sources.
 * `npm test` builds first; this keeps `npx mocha` alone from testing a stale bundle.
 */
export function ensureBuilt(outputs: string[]): void {
  const sources = Math.max(newestMtime(path.join(REPO_ROOT, 'server', 'src')), newestMtime(path.join(REPO_ROOT, 'rules')));
  const stale = outputs.some((o) => !fs.existsSync(o) || fs.statSync(o).mtimeMs < sources);
  if (stale) {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
}
