// The Python manifest nearest to a directory (requirements*.txt and pyproject.toml), parsed once and
// cached until invalidated.
import * as path from 'path';
import { listDir, memo, readText } from '../fs-cache';
import { parsePyproject } from './pyproject';
import { normalizeDist, readRequirements } from './requirements';

export interface PythonManifest {
  dir: string;
  /** The manifest files that were read (requirements*.txt, pyproject.toml, and -r includes). */
  files: string[];
  /** Declared distributions, normalised (PEP 503). */
  declared: Set<string>;
  /** The project's own name, normalised. */
  name?: string;
}

export function nearestPythonManifest(dir: string, root: string): PythonManifest | undefined {
  const d = memo(`pydir\0${dir}\0${root}`, () => {
    for (let cur = dir; ; cur = path.dirname(cur)) {
      const l = listDir(cur);
      if (l && [...l.files].some(isPythonManifestName)) {
        return cur;
      }
      if (cur === root || path.dirname(cur) === cur || !cur.startsWith(root)) {
        return undefined;
      }
    }
  });
  if (d === undefined) {
    return undefined;
  }
  return memo(`pyman\0${d}`, () => {
    const declared = new Set<string>();
    const files: string[] = [];
    let name: string | undefined;
    const names = [...(listDir(d)?.files ?? [])].filter(isPythonManifestName).sort();
    for (const n of names) {
      const file = path.join(d, n);
      if (n === 'pyproject.toml') {
        files.push(file);
        const p = parsePyproject(readText(file) ?? '');
        p.dependencies.forEach((x) => declared.add(normalizeDist(x)));
        name = p.name ? normalizeDist(p.name) : name;
      } else {
        readRequirements(file, declared, files);
      }
    }
    return { dir: d, files, declared, name };
  });
}

function isPythonManifestName(n: string): boolean {
  return n === 'pyproject.toml' || /^requirements.*\.txt$/.test(n);
}
