// Node 20's linear-time regex engine refuses a counted repeat above 16 (`[a-f]{40}`, `[^;]{0,300}?`):
// it replicates the repeated atom, and caps that. Spelling the repeat out (`[a-f]{16}[a-f]{16}[a-f]{8}`,
// optional copies nested) matches the same strings and, for a one-character atom (a character, class,
// escape or `.`), the same match: the longer (greedy) or shorter (lazy) total is tried first. Groups are
// left alone: copying one would renumber or duplicate its captures.

const MAX = 16;
/** Larger counts stay as written (and the regex is refused): the copies grow the program. */
const MAX_SPLIT = 1024;
const QUANTIFIER = /^\{(\d+)(?:(,)(\d*))?\}(\??)/;

/** The source with every counted repeat of a one-character atom split into repeats of at most 16. */
export function splitCountedRepeats(source: string): string {
  let out = '';
  let atom: number | undefined; // where in `out` the last one-character atom starts
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    const q = c === '{' && atom !== undefined ? QUANTIFIER.exec(source.slice(i, i + 24)) : null;
    const min = Number(q?.[1]);
    const max = q?.[2] ? (q[3] ? Number(q[3]) : Infinity) : min;
    if (q && atom !== undefined && min <= MAX_SPLIT && (max === Infinity || max <= MAX_SPLIT)) {
      out = out.slice(0, atom) + split(out.slice(atom), min, max, q[4]);
      atom = undefined;
      i += q[0].length;
      continue;
    }
    const width = c === '\\' ? escapeWidth(source, i) : c === '[' ? classWidth(source, i) : 1;
    atom = '()|^$*+?{}'.includes(c) ? undefined : out.length;
    out += source.slice(i, i + width);
    i += width;
  }
  return out;
}

function split(atom: string, min: number, max: number, lazy: string): string {
  if (min <= MAX && max <= MAX) {
    return `${atom}{${min}${max === min ? '' : `,${max === Infinity ? '' : max}`}}${lazy}`;
  }
  let out = '';
  let required = min;
  while (required >= MAX) {
    out += `${atom}{${MAX}}`;
    required -= MAX;
  }
  if (max === Infinity) {
    return `${out}${atom}{${required},}${lazy}`; // V8 counts {r,} as r + 1 copies: r < 16 here
  }
  if (required > 0) {
    out += `${atom}{${required}}`;
  }
  // The optional part nests (`(?:x(?:x)?)?`) so that each length has one parse: a backtracking
  // engine then tries each length once, as with the original repeat.
  const optional = max - min;
  return out + `(?:${atom}`.repeat(optional) + `)?${lazy}`.repeat(optional);
}

/** Length of the escape at `i`: `\x41`, `\u0041`, `\u{41}`, `\cA`, `\p{L}`, `\k<n>`, else two characters. */
function escapeWidth(source: string, i: number): number {
  const rest = source.slice(i, i + 32);
  const m = /^\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]+\}|c[A-Za-z]|[pP]\{[^}]*\}|k<[^>]*>|\d+)/.exec(rest);
  return m ? m[0].length : Math.min(2, source.length - i);
}

/** Length of the character class at `i`, to its unescaped `]`. */
function classWidth(source: string, i: number): number {
  let j = source[i + 1] === '^' ? i + 2 : i + 1;
  while (j < source.length && source[j] !== ']') {
    j += source[j] === '\\' ? 2 : 1;
  }
  return j + 1 - i;
}
