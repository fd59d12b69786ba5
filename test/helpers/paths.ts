import * as fs from 'fs';
import * as path from 'path';

/** The repository root: the nearest folder above this file with the project's package.json (works from out/ too). */
export const REPO_ROOT = ((): string => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'conductor') {
      return dir;
    }
    if (path.dirname(dir) === dir) {
      throw new Error(`repository root not found above ${__dirname}`);
    }
  }
})();

/** The shipped built-in rulesets (`conductor:NAME` → rules/NAME.jsonc). */
export const BUILTIN_DIR = path.join(REPO_ROOT, 'rules');
export const CLI_JS = path.join(REPO_ROOT, 'dist', 'cli.js');
export const SCAN_WORKER_JS = path.join(REPO_ROOT, 'dist', 'scan-worker.js');
export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');
