// Where a JS/TS specifier leads: relative paths (with TS's .js → .ts mapping and index files), package.json
// `imports` (#specifiers), tsconfig paths/baseUrl, Node built-ins, npm packages.
import * as path from 'path';
import { isFile, listDir, memo } from '../fs-cache';
import { local } from '../local';
import type { Resolution } from '../types';
import { isNodeBuiltin, npmPackageName } from './builtins';
import { nearestPackageJson, readPackageJson } from './package-json';
import { matchPaths, matchSubpathMap } from './subpath-maps';
import { nearestTsconfig } from './tsconfig';

/** TS ESM style: `./a.js` in source means `./a.ts` (or .tsx, .d.ts). */
const TS_FOR_JS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.d.ts'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts', '.d.mts'],
  '.cjs': ['.cts', '.d.cts'],
};
export const JS_EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];
const VALID_NPM_NAME = /^(@[a-z0-9~][\w.~-]*\/)?[a-z0-9~][\w.~-]*$/i;

export function resolveJs(spec: string, dir: string, root: string): Resolution {
  if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..' || spec.startsWith('/')) {
    const base = spec.startsWith('/') ? spec : path.resolve(dir, spec);
    const file = resolveJsPath(base);
    return file ? local(file, root) : { kind: 'unresolved', reason: `no file ${describeTried(spec)}` };
  }
  if (spec.startsWith('#')) {
    return resolvePackageImports(spec, dir, root);
  }
  if (isNodeBuiltin(spec)) {
    return { kind: 'builtin', name: spec };
  }
  const ts = nearestTsconfig(dir, root);
  if (ts?.paths) {
    const match = matchPaths(spec, ts.paths);
    if (match) {
      for (const target of match.targets) {
        const file = resolveJsPath(path.resolve(ts.pathsBase, target));
        if (file) {
          return local(file, root);
        }
      }
      if (match.pattern !== '*') {
        return { kind: 'unresolved', reason: `it matches "${match.pattern}" in compilerOptions.paths of ${path.relative(root, ts.file) || ts.file}, but no target file exists` };
      }
    }
  }
  if (ts?.baseUrl) {
    const file = resolveJsPath(path.resolve(ts.baseUrl, spec));
    if (file) {
      return local(file, root);
    }
  }
  if (spec.includes(':')) {
    return { kind: 'unknown' }; // URL or bundler scheme (data:, https:, virtual:…)
  }
  const name = npmPackageName(spec);
  if (!VALID_NPM_NAME.test(name)) {
    return { kind: 'unknown' }; // a bundler alias such as `@/x` or `~/x`
  }
  if (nearestPackageJson(dir, root)?.name === name) {
    return { kind: 'unknown' }; // self-reference
  }
  return { kind: 'external', name, ecosystem: 'npm' };
}

function describeTried(spec: string): string {
  const ext = path.extname(spec);
  if (TS_FOR_JS[ext]) {
    return `(tried ${TS_FOR_JS[ext].map((e) => path.basename(spec, ext) + e).join(', ')} and ${path.basename(spec)})`;
  }
  return ext && !JS_EXTENSIONS.includes(ext) && !/^\.\w{1,4}$/.test(ext) ? '' : `(tried ${ext ? path.basename(spec) + ', ' : ''}.ts, .tsx, .d.ts, .js, .jsx, .mjs, .cjs, .mts, .cts and index files)`;
}

/** A module path without extension, with a JS extension (mapped to TS), a directory (index), or exact. */
export function resolveJsPath(base: string): string | undefined {
  // One directory listing answers every candidate name: no path parsing per extension tried.
  const dir = path.dirname(base);
  const name = path.basename(base);
  const listing = listDir(dir);
  const files = listing?.files;
  const ext = path.extname(name);
  const mapped = TS_FOR_JS[ext];
  if (files && mapped) {
    const stem = name.slice(0, -ext.length);
    for (const e of mapped) {
      if (files.has(stem + e)) {
        return path.join(dir, stem + e);
      }
    }
  }
  if (files && ext && files.has(name)) {
    return base;
  }
  if (files) {
    for (const e of JS_EXTENSIONS) {
      if (files.has(name + e)) {
        return base + e;
      }
    }
  }
  if (listing?.dirs.has(name) || (name === '' && listing)) {
    const pkg = readPackageJsonFields(path.join(base, 'package.json'));
    for (const entry of pkg) {
      const f = resolveJsFile(path.resolve(base, entry));
      if (f) {
        return f;
      }
    }
    const inner = listDir(base)?.files;
    for (const e of JS_EXTENSIONS) {
      if (inner?.has('index' + e)) {
        return path.join(base, 'index' + e);
      }
    }
  }
  return undefined;
}

/** Like resolveJsPath without directory lookup (package.json main of a local folder). */
function resolveJsFile(base: string): string | undefined {
  const ext = path.extname(base);
  const mapped = TS_FOR_JS[ext];
  if (mapped) {
    const stem = base.slice(0, -ext.length);
    const f = mapped.map((e) => stem + e).find(isFile);
    if (f) {
      return f;
    }
  }
  return isFile(base) ? base : JS_EXTENSIONS.map((e) => base + e).find(isFile);
}

function readPackageJsonFields(file: string): string[] {
  if (!isFile(file)) {
    return [];
  }
  return memo(`pkgmain\0${file}`, () => {
    const pkg = readPackageJson(file);
    if (!pkg) {
      return [];
    }
    try {
      const v = JSON.parse(pkg.text) as Record<string, unknown>;
      return ['types', 'typings', 'module', 'main'].map((k) => v[k]).filter((x): x is string => typeof x === 'string');
    } catch {
      return [];
    }
  });
}

function resolvePackageImports(spec: string, dir: string, root: string): Resolution {
  const pkg = nearestPackageJson(dir, root);
  const rel = pkg ? path.relative(root, pkg.file) || 'package.json' : 'package.json';
  if (!pkg?.imports) {
    return { kind: 'unresolved', reason: `${rel} has no "imports" field` };
  }
  const target = matchSubpathMap(pkg.imports, spec);
  if (target === undefined) {
    return { kind: 'unresolved', reason: `"${spec}" is not in the "imports" of ${rel}` };
  }
  if (!target.startsWith('./') && !target.startsWith('../')) {
    return resolveJs(target, dir, root); // maps to a package
  }
  const file = resolveJsPath(path.resolve(pkg.dir, target));
  return file ? local(file, root) : { kind: 'unresolved', reason: `"imports" of ${rel} maps it to ${target}, which does not exist` };
}
