import { Minimatch } from 'minimatch';

// Path globs as every rule-file section writes them: minimatch, dot files included, and a glob
// without `/` matches a base name anywhere (`*.ts`). A leaf: config, ai-policy and boundaries use it.

export type PathMatcher = (relPath: string) => boolean;

export function globMatcher(globs: readonly string[]): PathMatcher {
  if (globs.length === 0) {
    return () => false;
  }
  const mms = globs.map((g) => new Minimatch(g, { dot: true, matchBase: !g.includes('/') }));
  return (p) => mms.some((m) => m.match(p));
}

const MAGIC = /[*?[\]{}()!+@]/;

/**
 * Whether every path `inner` matches is certainly matched by `outer`. Decides only what is
 * decidable by looking at the text: identical globs, `**` (everything), a literal path tested
 * against `outer`, and `outer` = `literal/prefix/**` against an `inner` that starts with that
 * prefix. Anything else answers false (unknown), never a wrong true.
 */
export function globContains(outer: string, inner: string): boolean {
  const o = normalize(outer);
  const i = normalize(inner);
  if (o === i || o === '**' || o === '**/*') {
    return true;
  }
  if (!MAGIC.test(i) && i.includes('/')) {
    return globMatcher([o])(i);
  }
  if (o.endsWith('/**')) {
    const prefix = o.slice(0, -3);
    return !MAGIC.test(prefix) && i.startsWith(prefix + '/');
  }
  return false;
}

function normalize(glob: string): string {
  return glob.replace(/^\.\//, '').replace(/\/+$/, '');
}
