// A text that every match of a regex must contain, found from the regex's source. A file without it
// cannot match, so the regex need not run there: one `includes` instead of a regex scan (most
// files of a large tree contain none of a ruleset's literals).

const MIN_LENGTH = 3;
const ESCAPED_LITERAL = /[\\^$.*+?()[\]{}|/\-]/;

/**
 * The longest literal run (at least 3 characters) of the pattern's top level that no quantifier can
 * skip, or undefined when there is none or the pattern has a top-level alternation. Lower-cased for
 * case-insensitive patterns, which then look in the lower-cased text.
 */
export function requiredLiteral(source: string, flags = ''): string | undefined {
  let best = '';
  let run = '';
  const end = (): void => {
    if (run.length > best.length) {
      best = run;
    }
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    let literal: string | undefined;
    if (c === '\\') {
      const next = source[++i];
      literal = next !== undefined && ESCAPED_LITERAL.test(next) ? next : undefined;
      i = skipEscapePayload(source, i, next); // \x41, \u0041, \u{41}, \cA, \p{L}, \k<n> are not literal text
    } else if (c === '|') {
      return undefined; // top-level alternation: no literal is required
    } else if (c === '(' || c === '[') {
      end();
      i = skipGroupOrClass(source, i);
      continue;
    } else if (c === '{') {
      end();
      i += /^\{\d+(?:,\d*)?\}\??/.exec(source.slice(i))?.[0].length ?? 1;
      i--; // the loop's i++ moves past the quantifier
      continue;
    } else if (!'^$.*+?{'.includes(c)) {
      literal = c;
    }
    if (literal === undefined) {
      end();
      continue;
    }
    const q = source[i + 1];
    if (q === '?' || q === '*' || (q === '{' && /^\{0[,}]/.test(source.slice(i + 1)))) {
      end(); // the character may be absent
      continue;
    }
    run += literal;
    if (q === '+' || q === '{') {
      end(); // repeated: what follows is not adjacent to it
    }
  }
  end();
  if (best.length < MIN_LENGTH) {
    return undefined;
  }
  return flags.includes('i') ? best.toLowerCase() : best;
}

function skipEscapePayload(source: string, at: number, letter: string | undefined): number {
  const upTo = (close: string): number => {
    const i = source.indexOf(close, at);
    return i === -1 ? source.length : i;
  };
  switch (letter) {
    case 'x':
      return at + 2;
    case 'u':
      return source[at + 1] === '{' ? upTo('}') : at + 4;
    case 'c':
      return at + 1;
    case 'p':
    case 'P':
      return upTo('}');
    case 'k':
      return upTo('>');
    default:
      return at;
  }
}

/** Index of the `)` or `]` that closes the group or class opening at `start` (escapes and nesting respected). */
function skipGroupOrClass(source: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
    } else if (inClass) {
      if (c === ']') {
        inClass = false;
        if (depth === 0) {
          return skipQuantifier(source, i);
        }
      }
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(') {
      depth++;
    } else if (c === ')' && --depth === 0) {
      return skipQuantifier(source, i);
    }
  }
  return source.length;
}

/** A quantifier right after a group or class belongs to it. */
function skipQuantifier(source: string, at: number): number {
  const m = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/.exec(source.slice(at + 1));
  return m ? at + m[0].length : at;
}
