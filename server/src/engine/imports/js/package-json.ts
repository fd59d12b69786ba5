// package.json, parsed once per file and cached until invalidated: name, declared dependencies, `imports`.
import * as path from 'path';
import { memo, nearestDirWith, readText } from '../fs-cache';
import { isObject, readJsonc } from './jsonc';

export const NPM_DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

export interface PackageJson {
  file: string;
  dir: string;
  name?: string;
  /** Every name in dependencies, devDependencies, peerDependencies, optionalDependencies. */
  declared: Set<string>;
  imports?: Record<string, unknown>;
  text: string;
}

export function readPackageJson(file: string): PackageJson | undefined {
  return memo(`pkg\0${file}`, () => {
    const v = readJsonc(file);
    if (!isObject(v)) {
      return undefined;
    }
    const declared = new Set<string>();
    for (const field of NPM_DEPENDENCY_FIELDS) {
      const deps = v[field];
      if (isObject(deps)) {
        Object.keys(deps).forEach((k) => declared.add(k));
      }
    }
    for (const field of ['bundleDependencies', 'bundledDependencies']) {
      const b = v[field];
      if (Array.isArray(b)) {
        b.filter((x): x is string => typeof x === 'string').forEach((x) => declared.add(x));
      }
    }
    return {
      file,
      dir: path.dirname(file),
      name: typeof v.name === 'string' ? v.name : undefined,
      declared,
      imports: isObject(v.imports) ? v.imports : undefined,
      text: readText(file) ?? '',
    };
  });
}

/** The package.json nearest to a directory (walking up to the workspace root). */
export function nearestPackageJson(dir: string, root: string): PackageJson | undefined {
  const d = nearestDirWith(dir, root, ['package.json']);
  return d === undefined ? undefined : readPackageJson(path.join(d, 'package.json'));
}
