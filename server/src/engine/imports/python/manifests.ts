import * as path from 'path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { isFile, listDir, memo, nearestDirWith, readText } from '../fs-cache';
import { pushAll } from '../../text/push-all';
import { jsonShape } from '../../text/json-shape';

const MAX_MANIFEST_DEPTH = 256;

// Manifests, parsed once per file and cached until invalidated: package.json, tsconfig.json/jsconfig.json,
// go.mod, requirements*.txt and pyproject.toml.

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

function readJsonc(file: string): unknown {
  const text = readText(file);
  if (text === undefined || jsonShape(text, MAX_MANIFEST_DEPTH).tooDeepAt !== -1) {
    return undefined; // deeper nesting would overflow the recursive parser
  }
  const errors: ParseError[] = [];
  const v: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  return v;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
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

export interface GoMod {
  file: string;
  dir: string;
  module?: string;
  requires: string[];
}

export function nearestGoMod(dir: string, root: string): GoMod | undefined {
  const d = nearestDirWith(dir, root, ['go.mod']);
  if (d === undefined) {
    return undefined;
  }
  const file = path.join(d, 'go.mod');
  return memo(`gomod\0${file}`, () => {
    const text = readText(file) ?? '';
    const requires: string[] = [];
    let module: string | undefined;
    let block: string | undefined;
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.replace(/\/\/.*$/, '').trim();
      if (!line) {
        continue;
      }
      if (block) {
        if (line === ')') {
          block = undefined;
        } else if (block === 'require') {
          requires.push(unquote(line.split(/\s+/)[0]));
        }
        continue;
      }
      const m = /^(module|require|replace|exclude|retract|tool|godebug)\s*(\(?)\s*(.*)$/.exec(line);
      if (!m) {
        continue;
      }
      if (m[2] === '(') {
        block = m[1];
      } else if (m[1] === 'module') {
        module = unquote(m[3].split(/\s+/)[0]);
      } else if (m[1] === 'require') {
        requires.push(unquote(m[3].split(/\s+/)[0]));
      }
    }
    return { file, dir: d, module, requires };
  });
}

function unquote(s: string): string {
  return s.replace(/^["`](.*)["`]$/, '$1');
}

export interface PythonManifest {
  dir: string;
  /** The manifest files that were read (requirements*.txt, pyproject.toml, and -r includes). */
  files: string[];
  /** Declared distributions, normalised (PEP 503). */
  declared: Set<string>;
  /** The project's own name, normalised. */
  name?: string;
}

/** PEP 503 normalisation: `Foo_Bar.baz` → `foo-bar-baz`. */
export function normalizeDist(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

const REQUIREMENT_NAME = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/;

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

function readRequirements(file: string, out: Set<string>, files: string[]): void {
  if (files.includes(file) || files.length > 50) {
    return;
  }
  files.push(file);
  for (const raw of (readText(file) ?? '').split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) {
      continue;
    }
    const include = /^(?:-r|--requirement|-c|--constraint)\s*=?\s*(\S+)/.exec(line);
    if (include) {
      if (line.startsWith('-r') || line.startsWith('--requirement')) {
        readRequirements(path.resolve(path.dirname(file), include[1]), out, files);
      }
      continue;
    }
    const egg = /#egg=([A-Za-z0-9._-]+)/.exec(raw);
    if (egg) {
      out.add(normalizeDist(egg[1]));
      continue;
    }
    if (line.startsWith('-')) {
      continue;
    }
    const m = REQUIREMENT_NAME.exec(line);
    if (m) {
      out.add(normalizeDist(m[1]));
    }
  }
}

/**
 * The dependency names of a pyproject.toml: [project].dependencies and optional-dependencies,
 * [dependency-groups], [tool.poetry.dependencies] (and dev-dependencies, group.*.dependencies),
 * [tool.pdm.dev-dependencies]. A small line-based TOML reader: tables, keys, strings and arrays.
 */
export function parsePyproject(text: string): { name?: string; dependencies: string[] } {
  const deps: string[] = [];
  let name: string | undefined;
  let table = '';
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = stripTomlComment(lines[i]).trim();
    if (!line) {
      continue;
    }
    const header = /^\[\[?\s*([^\]]+?)\s*\]\]?$/.exec(line);
    if (header) {
      table = header[1].replace(/\s*\.\s*/g, '.').replace(/"([^"]*)"/g, '$1');
      continue;
    }
    const kv = /^("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=\s*(.*)$/.exec(line);
    if (!kv) {
      continue;
    }
    const key = kv[1].replace(/^["']|["']$/g, '');
    let value = kv[2];
    // Multi-line arrays and inline tables: read until brackets balance.
    while (unbalanced(value) && i + 1 < lines.length) {
      value += '\n' + stripTomlComment(lines[++i]);
    }
    line = value;
    const isPoetryDeps = table === 'tool.poetry.dependencies' || table === 'tool.poetry.dev-dependencies' || /^tool\.poetry\.group\.[^.]+\.dependencies$/.test(table);
    if (table === 'project' && key === 'name') {
      name = tomlStrings(value)[0];
    } else if (table === 'project' && key === 'dependencies') {
      pushAll(deps, tomlStrings(value).map(requirementName));
    } else if (table === 'project.optional-dependencies' || table === 'dependency-groups' || table === 'tool.pdm.dev-dependencies') {
      pushAll(deps, tomlStrings(value).map(requirementName));
    } else if (isPoetryDeps && key !== 'python') {
      deps.push(key);
    } else if (table === 'tool.poetry' && key === 'name') {
      name ??= tomlStrings(value)[0];
    }
  }
  return { name, dependencies: deps.filter(Boolean) };
}

function requirementName(req: string): string {
  return REQUIREMENT_NAME.exec(req)?.[1] ?? '';
}

/**
 * Visits the characters of a TOML line that are outside its strings ("…" with escapes, '…' literal);
 * stops at the first character for which `visit` returns true and returns its index, else -1.
 */
function outsideStrings(text: string, visit: (c: string) => boolean): number {
  let q: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '\\' && q === '"') {
        i++;
      } else if (c === q) {
        q = undefined;
      }
    } else if (c === '"' || c === "'") {
      q = c;
    } else if (visit(c)) {
      return i;
    }
  }
  return -1;
}

function stripTomlComment(line: string): string {
  const hash = outsideStrings(line, (c) => c === '#');
  return hash === -1 ? line : line.slice(0, hash);
}

function unbalanced(v: string): boolean {
  let depth = 0;
  outsideStrings(v, (c) => {
    depth += c === '[' || c === '{' ? 1 : c === ']' || c === '}' ? -1 : 0;
    return false;
  });
  return depth > 0;
}

function tomlStrings(v: string): string[] {
  // Inline tables (`{ include-group = "dev" }` in dependency groups) carry no package names.
  const bare = v.replace(/\{[^{}]*\}/g, '');
  return [...bare.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2]);
}
