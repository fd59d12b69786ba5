// Go import declarations: candidates are `import` at a line start, confirmed to be code by the lexer spans.
import { kindAt, type Spans } from '../../text/lexer';
import type { ImportRef } from '../types';

const GO_IMPORT = /^[ \t]*import(?=[ \t(])/gm;

/** `import "fmt"`, `import f "fmt"`, `import ( "a"; b "c"; _ "d" )`. */
export function goImports(text: string, spans: Spans): ImportRef[] {
  const out: ImportRef[] = [];
  for (const m of text.matchAll(GO_IMPORT)) {
    const kw = m.index + m[0].length - 'import'.length;
    if (kindAt(spans, kw) !== 'code') {
      continue;
    }
    let j = skipGo(text, m.index + m[0].length);
    const block = text[j] === '(';
    if (block) {
      j++;
    }
    while (j < text.length) {
      j = skipGo(text, j);
      if (text[j] === ')') {
        break;
      }
      // optional package name: identifier, `.` or `_`
      const name = /[\p{L}_][\p{L}\p{N}_]*|\./uy;
      name.lastIndex = j;
      const nm = name.exec(text);
      if (nm && text[j] !== '"' && text[j] !== '`') {
        j = skipGo(text, j + nm[0].length);
      }
      const q = text[j];
      if (q !== '"' && q !== '`') {
        break;
      }
      const close = text.indexOf(q, j + 1);
      if (close === -1 || (q === '"' && text.slice(j, close).includes('\n'))) {
        break;
      }
      out.push({ specifier: text.slice(j + 1, close), start: j, end: close + 1, kind: 'import', typeOnly: false });
      j = close + 1;
      if (!block) {
        break;
      }
    }
  }
  return out;
}

function skipGo(text: string, j: number): number {
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 59 /* ; */) {
      j++;
    } else if (text.startsWith('//', j)) {
      const e = text.indexOf('\n', j);
      j = e === -1 ? text.length : e;
    } else if (text.startsWith('/*', j)) {
      const e = text.indexOf('*/', j + 2);
      j = e === -1 ? text.length : e + 2;
    } else {
      break;
    }
  }
  return j;
}
