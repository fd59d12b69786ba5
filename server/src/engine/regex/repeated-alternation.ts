// safe-regex2 only measures star height, so `(a|a)*` or `(\w|\d)+` pass it although they backtrack
// exponentially when what follows fails. For patterns without the linear-engine guard, a repeated
// group whose alternatives can start with the same character is refused: the other classic shape of
// ReDoS. Alternatives with disjoint first characters (`(?:\s|\\n|["'])*`) choose deterministically.

/** True when a group repeated by `*`, `+` or `{n,}`/`{n,m}` (m > 1) has alternatives that may overlap. */
export function hasRepeatedAlternation(source: string, flags = ''): boolean {
  const stack: { start: number; ambiguous: boolean }[] = [];
  for (const [c, i] of structural(source)) {
    if (c === '(') {
      stack.push({ start: i + 1, ambiguous: false });
    } else if (c === ')') {
      const group = stack.pop();
      if (!group) {
        continue;
      }
      const ambiguous = group.ambiguous || overlappingAlternatives(groupBody(source, group.start, i), flags);
      if (ambiguous && repeats(source, i + 1)) {
        return true;
      }
      if (ambiguous && stack.length > 0) {
        stack[stack.length - 1].ambiguous = true; // an outer repeat would repeat this one too
      }
    }
  }
  return false;
}

/** The characters that give a regex its structure, with their index: not escaped, not in a character class. */
function* structural(source: string): Generator<[string, number]> {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
    } else if (inClass) {
      inClass = c !== ']';
    } else if (c === '[') {
      inClass = true;
    } else {
      yield [c, i];
    }
  }
}

/** The group's body without a `?:`, `?<name>` or lookaround prefix. */
function groupBody(source: string, start: number, end: number): string {
  const body = source.slice(start, end);
  const prefix = /^\?(?::|<[A-Za-z_$][\w$]*>|[=!]|<[=!])/.exec(body);
  return prefix ? body.slice(prefix[0].length) : body;
}

function overlappingAlternatives(body: string, flags: string): boolean {
  const alternatives = splitTopLevel(body);
  if (alternatives.length < 2) {
    return false;
  }
  const firsts: (Set<number> | undefined)[] = alternatives.map((a) => firstChars(a, flags));
  if (firsts.some((f) => f === undefined)) {
    return true; // cannot tell what an alternative starts with: assume the worst
  }
  const seen = new Set<number>();
  for (const set of firsts as Set<number>[]) {
    for (const code of set) {
      if (seen.has(code)) {
        return true;
      }
    }
    set.forEach((code) => seen.add(code));
  }
  return false;
}

function splitTopLevel(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (const [c, i] of structural(body)) {
    if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
    } else if (c === '|' && depth === 0) {
      out.push(body.slice(from, i));
      from = i + 1;
    }
  }
  out.push(body.slice(from));
  return out;
}

// Characters an atom is tested against: ASCII plus a few non-ASCII representatives.
const PROBES = [...Array.from({ length: 128 }, (_, i) => i), 0xe9, 0x430, 0x4e00, 0x2028, 0xa0];

/** The probe characters the alternative's first atom matches, or undefined when it may match nothing. */
function firstChars(alternative: string, flags: string): Set<number> | undefined {
  const atom = /^(\\u\{[0-9a-fA-F]+\}|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|\\c[A-Za-z]|\\[pP]\{[^}]*\}|\\.|\[(?:\\.|[^\]\\])*\]|[^()|*+?{\\[])/.exec(alternative);
  if (!atom) {
    return undefined; // empty, a group, or an anchor-only alternative
  }
  const rest = alternative.slice(atom[0].length);
  if (/^(\*|\?|\{0[,}])/.test(rest) || /^\\[bB]$/.test(atom[0])) {
    return undefined; // the atom may be skipped, so the next one decides
  }
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${atom[0]})`, flags.replace(/[gy]/g, ''));
  } catch {
    return undefined;
  }
  return new Set(PROBES.filter((code) => re.test(String.fromCharCode(code))));
}

function repeats(source: string, at: number): boolean {
  const q = source[at];
  if (q === '*' || q === '+') {
    return true;
  }
  const m = q === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at)) : null;
  return m !== null && m[2] !== undefined && (m[3] === '' || Number(m[3]) > 1);
}
