// Where a Java import leads: a source file under the importer's source roots (its package's root, Maven
// and Gradle src/main/java and src/test/java), the JDK, or a Maven artifact.
import * as path from 'path';
import { isDir, isFile, memo, nearestDirWith } from '../fs-cache';
import { firstSourceFile, local } from '../local';
import type { Importer, ImportRef, Resolution } from '../types';
import { isJdk } from './jdk';

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

export function resolveJava(ref: ImportRef, importer: Importer): Resolution {
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
