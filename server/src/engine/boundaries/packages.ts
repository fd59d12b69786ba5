import * as path from 'path';
import { modify, type EditResult } from 'jsonc-parser';
import type { TextEdit } from '../types';
import { LineIndex } from '../text/positions';
import { nearestGoMod, nearestPackageJson, nearestPythonManifest, normalizeDist, PYTHON_IMPORT_ALIASES, PYTHON_NAMESPACE_ROOTS, typesPackageFor, type Ecosystem } from '../imports';
import { isDir, isFile, listDir, memo, readText } from '../imports/fs-cache';

/** A manifest edit that declares a package: a cross-file fix, carried as a finding property. */
export interface ManifestFix {
  title: string;
  /** Workspace-relative posix path of the manifest the edits apply to. */
  file: string;
  edits: TextEdit[];
}

export interface PackageStatus {
  declared: boolean;
  /** Workspace-relative manifest path (or paths) the package was looked up in. */
  manifest: string;
  /** true / false, or undefined when it cannot be told (no node_modules or virtualenv to look in). */
  installed?: boolean;
  fix?: ManifestFix;
}

/**
 * Whether an external package is declared in the manifest nearest to `dir`, and installed.
 * Undefined when there is no manifest to judge by (then nothing is reported).
 */
export function packageStatus(name: string, ecosystem: Ecosystem, specifier: string, dir: string, root: string): PackageStatus | undefined {
  switch (ecosystem) {
    case 'npm':
      return npmStatus(name, dir, root);
    case 'pypi':
      return pythonStatus(name, dir, root);
    case 'go':
      return goStatus(specifier, dir, root);
    case 'maven':
      return undefined;
  }
}

function rel(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/') || path.basename(file);
}

function npmStatus(name: string, dir: string, root: string): PackageStatus | undefined {
  const pkg = nearestPackageJson(dir, root);
  if (!pkg) {
    return undefined;
  }
  const manifest = rel(root, pkg.file);
  // @types/x declares x too: x is then provided by the environment (e.g. `vscode`) or a type-only dependency.
  if (pkg.declared.has(name) || pkg.declared.has(typesPackageFor(name)) || pkg.name === name) {
    return { declared: true, manifest };
  }
  const installedDir = installedNpmPackage(name, dir, root);
  if (!installedDir) {
    return { declared: false, manifest, installed: hasNodeModules(dir, root) ? false : undefined };
  }
  const version = installedVersion(installedDir);
  return { declared: false, manifest, installed: true, fix: npmFix(pkg.text, manifest, name, version) };
}

function installedNpmPackage(name: string, dir: string, root: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    const candidate = path.join(d, 'node_modules', ...name.split('/'));
    if (isDir(candidate)) {
      return candidate;
    }
    if (d === root || path.dirname(d) === d || !d.startsWith(root)) {
      return undefined;
    }
  }
}

function hasNodeModules(dir: string, root: string): boolean {
  for (let d = dir; ; d = path.dirname(d)) {
    if (isDir(path.join(d, 'node_modules'))) {
      return true;
    }
    if (d === root || path.dirname(d) === d || !d.startsWith(root)) {
      return false;
    }
  }
}

function installedVersion(pkgDir: string): string | undefined {
  try {
    const v = (JSON.parse(readText(path.join(pkgDir, 'package.json')) ?? '{}') as { version?: unknown }).version;
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** `"name": "^x.y.z"` inserted in alphabetical order into package.json `dependencies`. */
export function npmFix(text: string, manifest: string, name: string, version: string | undefined): ManifestFix {
  const range = version && /^\d+\.\d+\.\d+/.test(version) ? `^${version}` : version ?? '*';
  const lines = new LineIndex(text);
  const indent = /\n(\t+|[ ]+)"/.exec(text)?.[1] ?? '  ';
  const edits: EditResult = modify(text, ['dependencies', name], range, {
    formattingOptions: { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol: lines.eol },
    getInsertionIndex: (props) => {
      const i = props.findIndex((p) => p.localeCompare(name) > 0);
      return i === -1 ? props.length : i;
    },
  });
  return {
    title: `Add "${name}": "${range}" to ${manifest} dependencies`,
    file: manifest,
    edits: edits.map((e) => ({ range: lines.rangeOf(e.offset, e.offset + e.length), newText: e.content })),
  };
}

function pythonStatus(top: string, dir: string, root: string): PackageStatus | undefined {
  const m = nearestPythonManifest(dir, root);
  if (!m) {
    return undefined;
  }
  const manifest = m.files.map((f) => rel(root, f)).join(', ');
  const norm = normalizeDist(top);
  const aliases = PYTHON_IMPORT_ALIASES[top] ?? [];
  const declared =
    m.declared.has(norm) ||
    m.name === norm ||
    aliases.some((a) => m.declared.has(a)) ||
    (PYTHON_NAMESPACE_ROOTS.has(top) && [...m.declared].some((d) => d.startsWith(norm + '-')));
  if (declared) {
    return { declared: true, manifest };
  }
  const sites = sitePackages(m.dir, root);
  if (sites.length === 0) {
    return { declared: false, manifest };
  }
  const installed = sites.some((sp) => {
    const l = listDir(sp);
    return !!l && (l.dirs.has(top) || l.files.has(top + '.py') || [...l.files].some((f) => f.startsWith(top + '.') && /\.(so|pyd)$/.test(f)));
  });
  if (!installed) {
    return { declared: false, manifest, installed: false };
  }
  const dist = aliases[0] ?? top;
  const req = m.files.find((f) => path.basename(f) === 'requirements.txt');
  const fix = req ? appendLineFix(readText(req) ?? '', rel(root, req), dist) : undefined;
  return { declared: false, manifest, installed: true, fix };
}

function appendLineFix(text: string, file: string, line: string): ManifestFix {
  const lines = new LineIndex(text);
  const end = lines.positionAt(text.length);
  const prefix = text.length === 0 || text.endsWith('\n') ? '' : lines.eol;
  return { title: `Add "${line}" to ${file}`, file, edits: [{ range: { start: end, end }, newText: `${prefix}${line}${lines.eol}` }] };
}

/** site-packages folders of virtualenvs next to the manifest or at the workspace root. */
function sitePackages(manifestDir: string, root: string): string[] {
  return memo(`site\0${manifestDir}\0${root}`, () => {
    const out: string[] = [];
    for (const base of new Set([manifestDir, root])) {
      for (const venv of ['.venv', 'venv', 'env', '.env']) {
        const lib = path.join(base, venv, 'lib');
        for (const d of listDir(lib)?.dirs ?? []) {
          const sp = path.join(lib, d, 'site-packages');
          if (/^python\d/.test(d) && isDir(sp)) {
            out.push(sp);
          }
        }
        const win = path.join(base, venv, 'Lib', 'site-packages');
        if (isDir(win)) {
          out.push(win);
        }
      }
    }
    return out;
  });
}

function goStatus(importPath: string, dir: string, root: string): PackageStatus | undefined {
  const mod = nearestGoMod(dir, root);
  if (!mod) {
    return undefined;
  }
  const manifest = rel(root, mod.file);
  if (mod.requires.some((r) => importPath === r || importPath.startsWith(r + '/'))) {
    return { declared: true, manifest };
  }
  const vendor = path.join(mod.dir, 'vendor');
  if (isFile(path.join(vendor, 'modules.txt'))) {
    return { declared: false, manifest, installed: isDir(path.join(vendor, ...importPath.split('/'))) };
  }
  return { declared: false, manifest };
}
