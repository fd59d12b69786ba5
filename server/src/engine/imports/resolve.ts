import * as path from 'path';
import { isGoStd, isJdk, isNodeBuiltin, isPythonStdlib, npmPackageName } from './js/builtins';
import { isDir, isFile, isWithin, listDir, memo, nearestDirWith } from './fs-cache';
import { nearestGoMod, nearestPackageJson, nearestPythonManifest, nearestTsconfig, readPackageJson } from './python/manifests';
import type { ImportLanguage, ImportRef, Resolution } from './types';

/** The document whose imports are being resolved. */
export interface Importer {
  /** Absolute workspace root. */
  root: string;
  /** Absolute path of the document. */
  file: string;
  language: ImportLanguage;
  /** Java: the document's `package` declaration. */
  javaPackage?: string;
}

/**
 * Where an import leads. Pure function of the file system (through fs-cache) and memoised per importer
 * directory and specifier, so re-checking a document resolves from the cache.
 */
export function resolveImport(ref: ImportRef, importer: Importer): Resolution {
  const dir = path.dirname(importer.file);
  const key = `res\0${importer.language}\0${importer.root}\0${dir}\0${importer.javaPackage ?? ''}\0${ref.specifier}\0${ref.name ?? ''}`;
  return memo(key, () => {
    switch (importer.language) {
      case 'js':
        return resolveJs(ref.specifier, dir, importer.root);
      case 'python':
        return resolvePython(ref, dir, importer.root);
      case 'go':
        return resolveGo(ref.specifier, dir, importer.root);
      case 'java':
        return resolveJava(ref, importer);
    }
  });
}

export function local(file: string, root: string): Resolution {
  return { kind: 'local', file, relPath: path.relative(root, file).split(path.sep).join('/') };
}

// ---------------------------------------------------------------- JavaScript / TypeScript

/** TS ESM style: `./a.js` in source means `./a.ts` (or .tsx, .d.ts). */
const TS_FOR_JS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.d.ts'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts', '.d.mts'],
  '.cjs': ['.cts', '.d.cts'],
};
export const JS_EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];
const VALID_NPM_NAME = /^(@[a-z0-9~][\w.~-]*\/)?[a-z0-9~][\w.~-]*$/i;
/** Conditions considered active in package.json `imports` (first matching key in object order wins). */
const ACTIVE_CONDITIONS = new Set(['types', 'typescript', 'source', 'development', 'node', 'import', 'require', 'module', 'module-sync', 'default']);

function resolveJs(spec: string, dir: string, root: string): Resolution {
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

interface PathsMatch {
  pattern: string;
  targets: string[];
}

/** TypeScript's rule: an exact pattern wins, else the matching wildcard pattern with the longest prefix. */
export function matchPaths(spec: string, paths: NonNullable<ReturnType<typeof nearestTsconfig>>['paths']): PathsMatch | undefined {
  let best: { p: NonNullable<typeof paths>[number]; star: string } | undefined;
  for (const p of paths ?? []) {
    if (!p.wildcard) {
      if (p.pattern === spec) {
        return { pattern: p.pattern, targets: p.targets };
      }
      continue;
    }
    if (spec.length >= p.prefix.length + p.suffix.length && spec.startsWith(p.prefix) && spec.endsWith(p.suffix)) {
      if (!best || p.prefix.length > best.p.prefix.length) {
        best = { p, star: spec.slice(p.prefix.length, spec.length - p.suffix.length) };
      }
    }
  }
  return best ? { pattern: best.p.pattern, targets: best.p.targets.map((t) => t.replace('*', best!.star)) } : undefined;
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

/** package.json `imports`/`exports`-style subpath map: exact key, else `*` pattern with the longest prefix. */
export function matchSubpathMap(map: Record<string, unknown>, spec: string): string | undefined {
  if (spec in map && !spec.includes('*')) {
    return conditionTarget(map[spec]);
  }
  let best: { key: string; star: string } | undefined;
  for (const key of Object.keys(map)) {
    const star = key.indexOf('*');
    if (star === -1) {
      continue;
    }
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (spec.length >= key.length - 1 && spec.startsWith(prefix) && spec.endsWith(suffix) && (!best || prefix.length > best.key.indexOf('*'))) {
      best = { key, star: spec.slice(prefix.length, spec.length - suffix.length) };
    }
  }
  if (!best) {
    return undefined;
  }
  return conditionTarget(map[best.key])?.split('*').join(best.star);
}

function conditionTarget(v: unknown): string | undefined {
  if (typeof v === 'string') {
    return v;
  }
  if (Array.isArray(v)) {
    for (const x of v) {
      const t = conditionTarget(x);
      if (t !== undefined) {
        return t;
      }
    }
    return undefined;
  }
  if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) {
      if (ACTIVE_CONDITIONS.has(k)) {
        const t = conditionTarget(x);
        if (t !== undefined) {
          return t;
        }
      }
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- Python

function pyModule(p: string): string | undefined {
  if (isFile(p + '.py')) {
    return p + '.py';
  }
  if (isFile(p + '.pyi')) {
    return p + '.pyi';
  }
  const init = path.join(p, '__init__.py');
  return isFile(init) ? init : isFile(init + 'i') ? init + 'i' : undefined;
}

/** Directories Python would search for an absolute import from a file in `dir`. */
function pythonRoots(dir: string, root: string): string[] {
  return memo(`pyroots\0${dir}\0${root}`, () => {
    const roots: string[] = [];
    // The directory above the importer's top-level package (or its own directory, for scripts).
    let d = dir;
    while (isWithin(path.dirname(d), root) && d !== root && isFile(path.join(d, '__init__.py'))) {
      d = path.dirname(d);
    }
    roots.push(d);
    const manifest = nearestPythonManifest(dir, root);
    for (const r of [manifest?.dir, manifest && path.join(manifest.dir, 'src'), root, path.join(root, 'src')]) {
      if (r && !roots.includes(r) && isDir(r)) {
        roots.push(r);
      }
    }
    return roots;
  });
}

function resolvePython(ref: ImportRef, dir: string, root: string): Resolution {
  const spec = ref.specifier;
  const level = spec.length - spec.replace(/^\.+/, '').length;
  const segs = spec.slice(level) ? spec.slice(level).split('.') : [];
  const name = ref.name && ref.name !== '*' ? ref.name : undefined;
  if (level > 0) {
    let base = dir;
    for (let k = 1; k < level; k++) {
      base = path.dirname(base);
    }
    const where = path.relative(root, base) || '.';
    const modPath = path.join(base, ...segs);
    const sub = name ? pyModule(path.join(modPath, name)) : undefined;
    if (sub) {
      return local(sub, root);
    }
    if (segs.length > 0) {
      const m = pyModule(modPath);
      return m ? local(m, root) : { kind: 'unresolved', reason: `no module ${segs.join('/')}.py or package ${segs.join('/')}/__init__.py under ${where}` };
    }
    const init = [path.join(base, '__init__.py'), path.join(base, '__init__.pyi')].find(isFile);
    if (init) {
      return local(init, root); // `from . import name`: an attribute of the package
    }
    return name ? { kind: 'unresolved', reason: `no module ${name}.py or package ${name}/__init__.py under ${where}` } : { kind: 'unknown' };
  }
  const top = segs[0];
  for (const r of pythonRoots(dir, root)) {
    const topFile = isFile(path.join(r, top + '.py'));
    const topPkg = isFile(path.join(r, top, '__init__.py'));
    const nsDir = !topFile && !topPkg && isDir(path.join(r, top));
    if (!topFile && !topPkg && !nsDir) {
      continue;
    }
    const modPath = path.join(r, ...segs);
    const sub = name ? pyModule(path.join(modPath, name)) : undefined;
    const full = sub ?? pyModule(modPath);
    if (full) {
      if (isPythonStdlib(top) && segs.length === 1 && !sub) {
        break; // a local file shadowing a stdlib module is taken to mean the stdlib
      }
      return local(full, root);
    }
    if (nsDir) {
      continue; // a plain folder of that name: not a package unless the module is inside
    }
    if (isPythonStdlib(top)) {
      break;
    }
    return { kind: 'unresolved', reason: `package ${top} is in the workspace (${path.relative(root, path.join(r, top)) || top}) but has no module ${segs.join('.')}` };
  }
  if (isPythonStdlib(top)) {
    return { kind: 'builtin', name: top };
  }
  return { kind: 'external', name: top, ecosystem: 'pypi' };
}

// ---------------------------------------------------------------- Go

function firstSourceFile(dir: string, ext: string, skipTests: boolean): string | undefined {
  const files = [...(listDir(dir)?.files ?? [])].filter((f) => f.endsWith(ext) && !(skipTests && f.endsWith('_test' + ext))).sort();
  return files.length ? path.join(dir, files[0]) : undefined;
}

function resolveGo(spec: string, dir: string, root: string): Resolution {
  const mod = nearestGoMod(dir, root);
  if (mod?.module && (spec === mod.module || spec.startsWith(mod.module + '/'))) {
    const pkgDir = path.join(mod.dir, spec.slice(mod.module.length));
    const file = firstSourceFile(pkgDir, '.go', true) ?? firstSourceFile(pkgDir, '.go', false);
    return file ? local(file, root) : { kind: 'unresolved', reason: `no Go package at ${path.relative(root, pkgDir) || '.'} (module ${mod.module})` };
  }
  if (isGoStd(spec)) {
    return { kind: 'builtin', name: spec };
  }
  const declared = mod?.requires.filter((r) => spec === r || spec.startsWith(r + '/')).sort((a, b) => b.length - a.length)[0];
  return { kind: 'external', name: declared ?? spec, ecosystem: 'go' };
}

// ---------------------------------------------------------------- Java

function javaRoots(importer: Importer): string[] {
  const dir = path.dirname(importer.file);
  return memo(`javaroots\0${dir}\0${importer.javaPackage ?? ''}`, () => {
    const roots: string[] = [];
    const pkgPath = importer.javaPackage?.split('.').join(path.sep);
    if (pkgPath && dir.endsWith(path.sep + pkgPath)) {
      roots.push(dir.slice(0, -pkgPath.length - 1));
    }
    const moduleDir = nearestDirWith(dir, importer.root, ['pom.xml', 'build.gradle', 'build.gradle.kts']) ?? importer.root;
    for (const base of [moduleDir, importer.root]) {
      for (const sub of ['src/main/java', 'src/test/java']) {
        const r = path.join(base, sub);
        if (!roots.includes(r) && isDir(r)) {
          roots.push(r);
        }
      }
    }
    return roots;
  });
}

function resolveJava(ref: ImportRef, importer: Importer): Resolution {
  const spec = ref.specifier;
  const wildcard = spec.endsWith('.*');
  const segs = (wildcard ? spec.slice(0, -2) : spec).split('.');
  for (const r of javaRoots(importer)) {
    if (wildcard && ref.name !== 'static') {
      const file = firstSourceFile(path.join(r, ...segs), '.java', false);
      if (file) {
        return local(file, importer.root);
      }
    }
    // a.b.C, a.b.C.Inner, a.b.C.member (static): the longest prefix that is a source file
    for (let k = segs.length; k >= 1; k--) {
      const f = path.join(r, ...segs.slice(0, k)) + '.java';
      if (isFile(f)) {
        return local(f, importer.root);
      }
    }
  }
  if (isJdk(spec)) {
    return { kind: 'builtin', name: spec };
  }
  return { kind: 'external', name: spec, ecosystem: 'maven' };
}
