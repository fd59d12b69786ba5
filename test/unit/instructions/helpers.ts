// Helpers of the instructions tests: a disk host and the rich fixture's rule file.
import * as fs from 'fs';
import * as path from 'path';
import type { ConfigHost } from '../../../server/src/engine';
import { BUILTIN_DIR, REPO_ROOT } from '../../helpers/paths';

export const RICH_RULES = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'instructions', 'rich', '.conductor', 'rules.jsonc'), 'utf8');

export function diskHost(): ConfigHost {
  return {
    builtinDir: BUILTIN_DIR,
    readFile(file) {
      try {
        return fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}
