// compilerOptions.baseUrl/paths of tsconfig.json (or jsconfig.json), following `extends`; cached per file.
import * as path from 'path';
import { pushAll } from '../../text/push-all';
import { isFile, memo, nearestDirWith } from '../fs-cache';
import { isObject, readJsonc } from './jsonc';

export interface TsPaths {
  file: string;
  /** Absolute baseUrl, when set. */
  baseUrl?: string;
  /** `paths` patterns and their targets, resolved against pathsBase. */
  paths?: { pattern: string; prefix: string; suffix: string; wildcard: boolean; targets: string[] }[];
  pathsBase: string;
}

/** compilerOptions.baseUrl/paths of the nearest tsconfig.json (or jsconfig.json), following `extends`. */
export function nearestTsconfig(dir: string, root: string): TsPaths | undefined {
  const d = nearestDirWith(dir, root, ['tsconfig.json', 'jsconfig.json']);
  if (d === undefined) {
    return undefined;
  }
  const file = isFile(path.join(d, 'tsconfig.json')) ? path.join(d, 'tsconfig.json') : path.join(d, 'jsconfig.json');
  return readTsconfig(file);
}

export function readTsconfig(file: string): TsPaths | undefined {
  return memo(`tsconfig\0${file}`, () => {
    const chain = tsconfigChain(file, []);
    if (chain.length === 0) {
      return undefined;
    }
    let baseUrl: string | undefined;
    let paths: Record<string, unknown> | undefined;
    let pathsDir = path.dirname(file);
    // Base configs first; the entry file's settings win.
    for (const { file: f, options } of chain.reverse()) {
      if (typeof options.baseUrl === 'string') {
        baseUrl = path.resolve(path.dirname(f), options.baseUrl);
      }
      if (isObject(options.paths)) {
        paths = options.paths;
        pathsDir = path.dirname(f);
      }
    }
    const pathsBase = baseUrl ?? pathsDir;
    const compiled = paths
      ? Object.entries(paths).map(([pattern, targets]) => {
          const star = pattern.indexOf('*');
          return {
            pattern,
            prefix: star === -1 ? pattern : pattern.slice(0, star),
            suffix: star === -1 ? '' : pattern.slice(star + 1),
            wildcard: star !== -1,
            targets: (Array.isArray(targets) ? targets : []).filter((t): t is string => typeof t === 'string'),
          };
        })
      : undefined;
    return { file, baseUrl, paths: compiled, pathsBase };
  });
}

function tsconfigChain(file: string, seen: string[]): { file: string; options: Record<string, unknown> }[] {
  if (seen.includes(file) || seen.length > 10) {
    return [];
  }
  const v = readJsonc(file);
  if (!isObject(v)) {
    return [];
  }
  const options = isObject(v.compilerOptions) ? v.compilerOptions : {};
  const out = [{ file, options }];
  const ext = v.extends;
  const refs = typeof ext === 'string' ? [ext] : Array.isArray(ext) ? ext.filter((x): x is string => typeof x === 'string') : [];
  // Later entries of an `extends` array win over earlier ones; all lose to this file.
  for (const ref of refs.reverse()) {
    const target = resolveTsconfigRef(ref, path.dirname(file));
    if (target) {
      pushAll(out, tsconfigChain(target, [...seen, file]));
    }
  }
  return out;
}

function resolveTsconfigRef(ref: string, dir: string): string | undefined {
  const withJson = (p: string): string | undefined => (isFile(p) ? p : isFile(p + '.json') ? p + '.json' : isFile(path.join(p, 'tsconfig.json')) ? path.join(p, 'tsconfig.json') : undefined);
  if (ref.startsWith('.') || path.isAbsolute(ref)) {
    return withJson(path.resolve(dir, ref));
  }
  for (let d = dir; ; d = path.dirname(d)) {
    const found = withJson(path.join(d, 'node_modules', ref));
    if (found) {
      return found;
    }
    if (path.dirname(d) === d) {
      return undefined;
    }
  }
}
