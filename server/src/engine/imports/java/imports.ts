// Java import and package declarations, confirmed to be code by the lexer spans.
import { kindAt, type Spans } from '../../text/lexer';
import type { ImportRef } from '../types';

const JAVA_IMPORT = /^[ \t]*import[ \t]+(static[ \t]+)?([\p{L}_$][\p{L}\p{N}_$]*(?:[ \t]*\.[ \t]*(?:[\p{L}_$][\p{L}\p{N}_$]*|\*))*)[ \t]*;/gmu;
const JAVA_PACKAGE = /^[ \t]*package[ \t]+([\p{L}_$][\p{L}\p{N}_$.]*)[ \t]*;/mu;

/** `import a.b.C;`, `import a.b.*;`, `import static a.b.C.m;` (specifier without spaces). */
export function javaImports(text: string, spans: Spans): ImportRef[] {
  const out: ImportRef[] = [];
  for (const m of text.matchAll(JAVA_IMPORT)) {
    const start = m.index + m[0].indexOf(m[2], m[0].indexOf('import') + 6);
    if (kindAt(spans, m.index + m[0].indexOf('import')) !== 'code') {
      continue;
    }
    out.push({ specifier: m[2].replace(/[ \t]/g, ''), start, end: start + m[2].length, kind: 'import', typeOnly: false, ...(m[1] ? { name: 'static' } : {}) });
  }
  return out;
}

/** The `package a.b;` declaration of a Java file, if any (in code). */
export function javaPackage(text: string, spans: Spans): string | undefined {
  const m = JAVA_PACKAGE.exec(text);
  return m && kindAt(spans, m.index + m[0].indexOf('package')) === 'code' ? m[1] : undefined;
}
