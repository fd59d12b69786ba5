// Where a Go import leads: a package of the importer's module (its first non-test file), the standard
// library, or a module its go.mod requires.
import * as path from 'path';
import { firstSourceFile, local } from '../local';
import type { Resolution } from '../types';
import { nearestGoMod } from './go-mod';
import { isGoStd } from './std';

export function resolveGo(spec: string, dir: string, root: string): Resolution {
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
