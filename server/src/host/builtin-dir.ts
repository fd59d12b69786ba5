import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

/** The shipped `rules/` folder: next to `dist/` in the package, or at the repo root in development. */
export function findBuiltinDir(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'rules');
    if (fs.existsSync(path.join(candidate, 'recommended.jsonc'))) {
      return candidate;
    }
    if (path.dirname(dir) === dir) {
      throw new Error(`Conductor: built-in rulesets not found above ${from}`);
    }
  }
}

/** Rule docs as file links (they ship with the extension), or the rule's own `docs` URL. */
export function docsResolver(builtinDir: string): (ruleId: string, explicit?: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (ruleId, explicit) => {
    if (explicit) {
      return explicit;
    }
    if (!cache.has(ruleId)) {
      const file = path.join(builtinDir, 'docs', `${ruleId}.md`);
      cache.set(ruleId, fs.existsSync(file) ? pathToFileURL(file).href : undefined);
    }
    return cache.get(ruleId);
  };
}
