// Conservative literal extraction for a prefilter experiment: the strings one of which every match of
// a regex must contain (one per top-level alternative, the longest plain run in it), or undefined
// when there is no such set of useful literals. Only used by the scan profile's what-if.
const MIN_LENGTH = 3;

export function requiredLiterals(source, flags = '') {
  if (flags.includes('i')) {
    return undefined; // would need a lower-cased copy of every text
  }
  const alternatives = [];
  let runs = [];
  let run = '';
  const endRun = () => {
    if (run) {
      runs.push(run);
    }
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    const next = source[i + 1];
    // a quantifier that makes the previous character optional removes it from the run
    const optionalNext = next === '?' || next === '*' || (next === '{' && /^\{0[,}]/.test(source.slice(i + 1)));
    const repeatNext = next === '+' || next === '{';
    if (c === '\\') {
      const e = source[i + 1];
      let lit;
      if (e === 'n') {
        lit = '\n';
      } else if (e === 't') {
        lit = '\t';
      } else if (/[^A-Za-z0-9]/.test(e)) {
        lit = e;
      }
      i++;
      if (e === 'x') {
        i += 2;
      } else if (e === 'u') {
        i += source[i + 1] === '{' ? source.indexOf('}', i) - i : 4;
      } else if (e === 'c') {
        i++;
      }
      const q = source[i + 1];
      if (lit === undefined || q === '?' || q === '*' || q === '{') {
        endRun();
      } else {
        run += lit;
        if (q === '+') {
          endRun();
        }
      }
      continue;
    }
    if (c === '(' || c === '[') {
      endRun();
      i = skipGroupOrClass(source, i);
      continue;
    }
    if (c === '|') {
      endRun();
      alternatives.push(runs);
      runs = [];
      continue;
    }
    if ('.^$*+?{}'.includes(c)) {
      if (c === '{') {
        i = source.indexOf('}', i);
      }
      endRun();
      continue;
    }
    if (optionalNext) {
      endRun();
      continue;
    }
    run += c;
    if (repeatNext) {
      endRun();
    }
  }
  endRun();
  alternatives.push(runs);
  const picked = alternatives.map((rs) => rs.sort((a, b) => b.length - a.length)[0]);
  return picked.every((l) => l && l.length >= MIN_LENGTH) ? picked : undefined;
}

/** Index of the `)` or `]` closing the group or class opened at i (escapes and nested classes aware). */
function skipGroupOrClass(source, i) {
  if (source[i] === '[') {
    for (let j = i + 1; j < source.length; j++) {
      if (source[j] === '\\') {
        j++;
      } else if (source[j] === ']' && j > i + 1) {
        return skipQuantifier(source, j);
      }
    }
    return source.length;
  }
  let depth = 0;
  for (let j = i; j < source.length; j++) {
    const c = source[j];
    if (c === '\\') {
      j++;
    } else if (c === '[') {
      j = skipGroupOrClass(source, j);
    } else if (c === '(') {
      depth++;
    } else if (c === ')' && --depth === 0) {
      return skipQuantifier(source, j);
    }
  }
  return source.length;
}

function skipQuantifier(source, j) {
  const q = source[j + 1];
  if (q === '{') {
    j = source.indexOf('}', j + 1);
  } else if (q === '*' || q === '+' || q === '?') {
    j++;
  }
  return source[j + 1] === '?' ? j + 1 : j;
}
