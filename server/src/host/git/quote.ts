// Git's quoting of unusual paths in diff headers, back to the paths.

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Git's C-style quoting of unusual paths ("a/t\303\244st \"x\""), back to the path. */
export function unquote(s: string): string {
  const t = s.replace(/\t$/, ''); // `--- a/file\t` when the name has spaces in old gits
  if (!t.startsWith('"') || !t.endsWith('"') || t.length < 2) {
    return t;
  }
  const bytes: number[] = [];
  const body = t.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const n = body[++i];
    if (/[0-7]/.test(n)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else {
      bytes.push(ESCAPES[n] ?? n.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * The two paths of `diff --git a/X b/Y` (`rest` is what follows `diff --git `), unquoted, prefixes
 * kept. Unquoted names with spaces are split where both halves agree (X = Y), else at the first
 * ` b/`; the `rename`/`---`/`+++` lines that follow are exact and win over this.
 */
export function diffHeaderPaths(rest: string): [string | undefined, string | undefined] {
  if (rest.startsWith('"')) {
    let i = 1;
    while (i < rest.length && rest[i] !== '"') {
      i += rest[i] === '\\' ? 2 : 1;
    }
    return [unquote(rest.slice(0, i + 1)), unquote(rest.slice(i + 2))];
  }
  const q = rest.indexOf(' "');
  if (q !== -1) {
    return [rest.slice(0, q), unquote(rest.slice(q + 1))];
  }
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest.slice(2, half) === rest.slice(half + 3)) {
    return [rest.slice(0, half), rest.slice(half + 1)];
  }
  const b = rest.indexOf(' b/');
  return b === -1 ? [undefined, undefined] : [rest.slice(0, b), rest.slice(b + 1)];
}

/** A header path without its `a/` or `b/` prefix; undefined for `/dev/null`. */
export function stripPrefix(p: string | undefined, prefix: string): string | undefined {
  if (p === undefined || p === '/dev/null') {
    return undefined;
  }
  return p.startsWith(prefix) ? p.slice(prefix.length) : p;
}
