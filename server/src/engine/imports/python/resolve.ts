// Where a Python import leads: relative imports by level, absolute ones through the roots Python would
// search (the importer's top-level package, the project and its src/), else the stdlib or a distribution.
import * as path from 'path';
import { isDir, isFile, isWithin, memo } from '../fs-cache';
import { local } from '../local';
import type { ImportRef, Resolution } from '../types';
import { nearestPythonManifest } from './manifests';
import { isPythonStdlib } from './stdlib';

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

export function resolvePython(ref: ImportRef, dir: string, root: string): Resolution {
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
