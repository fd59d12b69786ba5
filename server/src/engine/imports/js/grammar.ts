// The import grammar the JS tokenizer (scanner.ts) applies after `require`, `import` and `export` in code,
// and the type-only test es-module-lexer's results go through too (imports.ts).
import type { ImportRef } from '../types';
import { isIdentPart, isIdentStart, skipSpaces, skipTrivia } from './chars';

const PROMISE_MEMBERS = new Set(['then', 'catch', 'finally']);
const MAX_CLAUSE_TOKENS = 400;

interface Literal {
  value: string;
  start: number;
  end: number;
}

/** `require('x')` with a literal: `i` is just after the identifier. */
export function requireAt(text: string, i: number): ImportRef | undefined {
  const open = skipTrivia(text, i);
  if (text.charCodeAt(open) !== 40) {
    return undefined;
  }
  const lit = readLiteral(text, skipTrivia(text, open + 1));
  if (lit && text.charCodeAt(skipTrivia(text, lit.end)) === 41) {
    return { specifier: lit.value, start: lit.start, end: lit.end, kind: 'require', typeOnly: false };
  }
  return undefined;
}

/** `import … from 'x'`, `import 'x'`, `import x = require('x')` or `import('x')`: `i` is just after `import`. */
export function importAt(text: string, i: number, afterTypeof: boolean): ImportRef | undefined {
  const j = skipTrivia(text, i);
  const c = text.charCodeAt(j);
  if (c === 46 /* import.meta */) {
    return undefined;
  }
  if (c === 40 /* ( */) {
    const lit = readLiteral(text, skipTrivia(text, j + 1));
    if (!lit) {
      return undefined;
    }
    const after = skipTrivia(text, lit.end);
    if (text.charCodeAt(after) !== 41 && text.charCodeAt(after) !== 44) {
      return undefined; // `import('./a' + x)`: not a literal specifier
    }
    const typeOnly = afterTypeof || typePositionMember(text, closingParen(text, after));
    return { specifier: lit.value, start: lit.start, end: lit.end, kind: 'dynamic', typeOnly };
  }
  const clause = readClause(text, j);
  return clause && { specifier: clause.lit.value, start: clause.lit.start, end: clause.lit.end, kind: 'import', typeOnly: clauseTypeOnly('import', clause.tokens) };
}

/** `export { … } from 'x'`, `export * from 'x'`, `export * as ns from 'x'`: `i` is just after `export`. */
export function exportAt(text: string, i: number): ImportRef | undefined {
  const clause = readClause(text, skipTrivia(text, i));
  if (!clause || clause.equals) {
    return undefined;
  }
  const t = clause.tokens;
  const first = t[0] === 'type' ? t[1] : t[0];
  if ((first === '*' || first === '{') && t[t.length - 1] === 'from') {
    return { specifier: clause.lit.value, start: clause.lit.start, end: clause.lit.end, kind: 'export', typeOnly: clauseTypeOnly('export', t) };
  }
  return undefined;
}

/** A string literal, or a template literal without substitutions, at `j`. */
function readLiteral(text: string, j: number): Literal | undefined {
  const q = text.charCodeAt(j);
  if (q !== 39 && q !== 34 && q !== 96) {
    return undefined;
  }
  for (let k = j + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 92) {
      k++;
      continue;
    }
    if (c === q) {
      return { value: unescapeJs(text.slice(j + 1, k)), start: j, end: k + 1 };
    }
    if ((c === 10 && q !== 96) || (q === 96 && c === 36 && text.charCodeAt(k + 1) === 123)) {
      return undefined;
    }
  }
  return undefined;
}

function unescapeJs(s: string): string {
  return s.includes('\\') ? s.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e: string) => (e.length > 1 ? String.fromCodePoint(parseInt(e.replace(/[{}ux]/g, ''), 16)) : e)) : s;
}

/**
 * Tokens of an import/export clause up to its module string: `type`, names, `{ } , * as from`.
 * `import x = require('y')` (TS import-equals) is read too. Anything else means it is not a module clause.
 */
function readClause(text: string, j: number): { tokens: string[]; lit: Literal; equals: boolean } | undefined {
  const tokens: string[] = [];
  while (tokens.length < MAX_CLAUSE_TOKENS) {
    j = skipTrivia(text, j);
    const c = text.charCodeAt(j);
    if (c === 39 || c === 34) {
      if (tokens.length > 0 && tokens[tokens.length - 1] !== 'from') {
        return undefined;
      }
      const lit = readLiteral(text, j);
      return lit ? { tokens, lit, equals: false } : undefined;
    }
    if (c === 123 || c === 125 || c === 44 || c === 42) {
      tokens.push(String.fromCharCode(c));
      j++;
      continue;
    }
    if (c === 61 && text.charCodeAt(j + 1) !== 61) {
      // import x = require('y')
      let k = skipTrivia(text, j + 1);
      if (!text.startsWith('require', k)) {
        return undefined;
      }
      k = skipTrivia(text, k + 7);
      if (text.charCodeAt(k) !== 40) {
        return undefined;
      }
      const lit = readLiteral(text, skipTrivia(text, k + 1));
      return lit ? { tokens, lit, equals: true } : undefined;
    }
    if (isIdentStart(c)) {
      let k = j + 1;
      while (k < text.length && isIdentPart(text.charCodeAt(k))) {
        k++;
      }
      tokens.push(text.slice(j, k));
      j = k;
      continue;
    }
    return undefined;
  }
  return undefined;
}

/**
 * Whether a clause imports types only: `import type X from`, `export type { … } from`, or a braced list
 * whose every specifier carries `type` (TypeScript elides such imports by default).
 */
export function clauseTypeOnly(keyword: 'import' | 'export', tokens: string[]): boolean {
  if (tokens[0] === 'type' && tokens.length > 1 && tokens[1] !== 'from' && tokens[1] !== ',') {
    return true;
  }
  if (tokens[0] !== '{') {
    return false;
  }
  const close = tokens.indexOf('}');
  if (close === -1 || (keyword === 'import' && tokens[close + 1] !== 'from')) {
    return false;
  }
  const groups: string[][] = [[]];
  for (const t of tokens.slice(1, close)) {
    if (t === ',') {
      groups.push([]);
    } else {
      groups[groups.length - 1].push(t);
    }
  }
  const named = groups.filter((g) => g.length > 0);
  return named.length > 0 && named.every((g) => g[0] === 'type' && g.length >= 2 && g[1] !== 'as');
}

/** Offset just after the `)` that closes a call whose argument list continues at `j`, or -1. */
function closingParen(text: string, j: number): number {
  if (text.charCodeAt(j) === 41) {
    return j + 1;
  }
  const close = text.indexOf(')', j);
  return close === -1 ? -1 : close + 1;
}

/** `import('x').Foo` (a type, unless the member is then/catch/finally) — es-module-lexer's heuristic. */
function typePositionMember(text: string, j: number): boolean {
  if (j === -1) {
    return false;
  }
  const k = skipSpaces(text, j);
  if (text.charCodeAt(k) !== 46) {
    return false;
  }
  let e = k + 1;
  while (e < text.length && isIdentPart(text.charCodeAt(e))) {
    e++;
  }
  return e > k + 1 && !PROMISE_MEMBERS.has(text.slice(k + 1, e));
}
