// Translates a JavaScript regex (source + flags) into Rust-regex syntax for ripgrep, keeping the JS
// meaning where the dialects differ: JS \b \w \d are ASCII-only (Rust's are Unicode — and a Unicode
// \b also pushes ripgrep 13 off its fast DFA, which would make the baseline unfairly slow), JS allows
// escaping any punctuation, and group names may repeat across patterns that rg joins into one regex
// (so named groups become plain groups).
// Lookaround and backreferences have no Rust equivalent: those patterns are reported, not translated.

const ASCII = { d: '0-9', w: '0-9A-Za-z_' };
const RUST_META = new Set([...'\\.+*?()|[]{}^$#&-~']);

export function jsToRust(source, flags = '') {
  if (/\(\?[=!]|\(\?<[=!]|\\[1-9]|\\k</.test(source)) {
    return { error: 'lookaround or backreference (no ripgrep equivalent without PCRE2)' };
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const n = source[++i];
      if (n === undefined) {
        return { error: 'trailing backslash' };
      }
      if (!inClass && (n === 'b' || n === 'B')) {
        out += `(?-u:\\${n})`;
      } else if (inClass && n === 'b') {
        out += '\\x08';
      } else if (n === 'd' || n === 'w') {
        out += inClass ? ASCII[n] : `[${ASCII[n]}]`;
      } else if (n === 'D' || n === 'W') {
        out += `[^${ASCII[n.toLowerCase()]}]`; // Rust allows a nested class inside a class
      } else if (n === 'u' && source[i + 1] === '{') {
        const end = source.indexOf('}', i);
        out += `\\x{${source.slice(i + 2, end)}}`;
        i = end;
      } else if (n === 'u') {
        out += `\\x{${source.slice(i + 1, i + 5)}}`;
        i += 4;
      } else if (n === '0') {
        out += '\\x00';
      } else if (n === 'c') {
        out += `\\x${(source.charCodeAt(i + 1) % 32).toString(16).padStart(2, '0')}`;
        i++;
      } else if (/[A-Za-z0-9]/.test(n) || RUST_META.has(n)) {
        out += `\\${n}`; // \s \S \n \r \t \f \v \xHH and escaped metacharacters mean the same
      } else {
        out += n; // JS identity escape of other punctuation (\/ \' \" \: …): a plain literal
      }
      continue;
    }
    if (inClass) {
      if (c === ']') {
        inClass = false;
      } else if (c === '[' || c === '&' || c === '~' || (c === '-' && source[i + 1] === '-')) {
        out += '\\'; // set operators in Rust classes, plain characters in JS
      }
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (source[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (source[i + 1] === ']') {
        return { error: 'empty class [] or [^] (no Rust equivalent)' };
      }
      continue;
    }
    if (c === '(' && source.startsWith('(?<', i)) {
      out += '('; // names do not matter to rg, and rg -e a -e b joins patterns whose names may repeat
      i = source.indexOf('>', i);
      continue;
    }
    out += c;
  }
  // ripgrep already treats ^ and $ as line anchors (the JS `m` flag); `s` and `i` become inline flags.
  const inline = [...new Set(flags)].filter((f) => f === 'i' || f === 's').join('');
  return { regex: inline ? `(?${inline})${out}` : out };
}
