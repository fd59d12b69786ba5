// Node 20's linear-time regex engine has no `i` flag. For ASCII patterns the flag can be spelled out
// (`abc` → `[aA][bB][cC]`), which the linear engine does run, so case-insensitive rule-file regexes
// run there too.

const isLetter = (c: string | undefined): c is string => c !== undefined && /^[A-Za-z]$/.test(c);
const swap = (c: string): string => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase());

/** The pattern with case folded into character classes, or undefined when it cannot be done safely. */
export function foldCase(source: string): string | undefined {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1];
      if (next === 'p' || next === 'P' || next === 'k' || (next === 'u' && source[i + 2] === '{')) {
        return undefined;
      }
      const width = next === 'x' ? 2 : next === 'u' ? 4 : next === 'c' ? 1 : 0;
      out += source.slice(i, i + 2 + width);
      i += 1 + width;
      continue;
    }
    if (c > '\x7f' && (inClass || c.toLowerCase() !== c.toUpperCase())) {
      return undefined; // non-ASCII letters fold differently (and a class could range over them)
    }
    if (inClass) {
      if (c === ']') {
        inClass = false;
        out += c;
      } else if (isLetter(c) && source[i + 1] === '-' && source[i + 2] !== ']' && source[i + 2] !== undefined) {
        const hi = source[i + 2];
        if (!isLetter(hi) || (c === c.toLowerCase()) !== (hi === hi.toLowerCase())) {
          return undefined; // a range like 0-z or A-z has no clean case-folded twin
        }
        out += `${c}-${hi}${swap(c)}-${swap(hi)}`;
        i += 2;
      } else if (c === '-' && isLetter(source[i + 1]) && source[i - 1] !== '[') {
        return undefined; // a range from a non-letter up to a letter (0-z, \x41-z)
      } else {
        out += isLetter(c) ? c + swap(c) : c;
      }
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (source[i + 1] === '^') {
        out += '^';
        i++;
      }
    } else if (c === '(' && source.startsWith('(?<', i) && source[i + 3] !== '=' && source[i + 3] !== '!') {
      const close = source.indexOf('>', i);
      out += source.slice(i, close + 1); // a group name is not matched text
      i = close;
    } else if (c === '{') {
      const close = source.indexOf('}', i);
      out += close === -1 ? c : source.slice(i, close + 1);
      i = close === -1 ? i : close;
    } else {
      out += isLetter(c) ? `[${c}${swap(c)}]` : c;
    }
  }
  return out;
}
