// JSX in JS/TS code: where an element starts, and its tags and text skipped up to the next `{…}` of code.
import { isIdentPart, isIdentStart, skipSpaces } from './chars';
import type { TokenState } from './token-state';

/** `<` in expression position followed by a tag name or `>` (fragment), but not `<T,>`/`<T extends X>` (TSX generics). */
export function jsxStartsAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i + 1);
  if (c === 62) {
    return true;
  }
  if (!isIdentStart(c)) {
    return false;
  }
  let j = i + 2;
  while (j < text.length && isIdentPart(text.charCodeAt(j))) {
    j++;
  }
  const k = skipSpaces(text, j);
  if (text.charCodeAt(k) === 44 /* , */) {
    return false;
  }
  return !(k > j && text.startsWith('extends', k) && !isIdentPart(text.charCodeAt(k + 7)));
}

/**
 * Scans JSX from `i` until the outermost element closes, or until a `{` hands over to code (the
 * brace stack remembers where to resume). `depth` counts the open elements of this JSX expression.
 */
export function scanJsx(text: string, i: number, phase: 'tag' | 'children', depth: number, state: TokenState): number {
  const n = text.length;
  while (i < n) {
    if (phase === 'tag') {
      const c = text.charCodeAt(i);
      if (c === 47 && text.charCodeAt(i + 1) === 62) {
        i += 2;
        if (--depth === 0) {
          state.set('value', '/>');
          return i;
        }
        phase = 'children';
      } else if (c === 62) {
        i++;
        phase = 'children';
      } else if (c === 123) {
        state.braces.push({ jsx: 'tag', depth });
        state.set('punct', '{');
        return i + 1;
      } else if (c === 34 || c === 39) {
        const close = text.indexOf(String.fromCharCode(c), i + 1);
        i = close === -1 ? n : close + 1;
      } else {
        i++;
      }
      continue;
    }
    // children: text up to the next element or expression container
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 60 || c === 123) {
        break;
      }
      j++;
    }
    if (j >= n) {
      return n;
    }
    if (text.charCodeAt(j) === 123) {
      state.braces.push({ jsx: 'children', depth });
      state.set('punct', '{');
      return j + 1;
    }
    if (text.charCodeAt(j + 1) === 47) {
      const close = text.indexOf('>', j);
      i = close === -1 ? n : close + 1;
      if (--depth === 0) {
        state.set('value', '</>');
        return i;
      }
      continue;
    }
    depth++;
    phase = 'tag';
    i = j + 1;
  }
  return n;
}
