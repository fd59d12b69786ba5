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
 * Fails when a bundle the tests run (dist/cli.js, dist/server.js, …) is missing or older than the
 * sources. It never builds: a build in the middle of a run would change what the earlier tests ran.
 * `npm test` builds first; with `npx mocha` alone, run `npm run build` before.
 */
export function assertBuilt(outputs: string[]): void {
  const sources = Math.max(newestMtime(path.join(REPO_ROOT, 'server', 'src')), newestMtime(path.join(REPO_ROOT, 'rules')));
  for (const output of outputs) {
    const rel = path.relative(REPO_ROOT, output);
    if (!fs.existsSync(output)) {
      throw new Error(`${rel} is missing: run \`npm run build\` before these tests.`);
    }
    if (fs.statSync(output).mtimeMs < sources) {
      throw new Error(`${rel} is older than server/src or rules/: run \`npm run build\` before these tests.`);
    }
  }
}
