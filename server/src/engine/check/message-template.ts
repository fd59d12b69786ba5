/** The most of a capture a rendered message shows: a match can span megabytes of a minified line. */
export const MAX_INSERTED_CHARS = 200;

/**
 * Expands `$1`…, `$<name>`, `$&` and `$$` from the match, as String.prototype.replace does; each
 * inserted value longer than `maxChars` is cut to that many characters, ending in an ellipsis.
 */
export function expandTemplate(template: string, m: RegExpExecArray, maxChars = MAX_INSERTED_CHARS): string {
  const cap = (value: string | undefined): string => (value === undefined || value.length <= maxChars ? (value ?? '') : `${value.slice(0, maxChars - 1)}…`);
  return template.replace(/\$(\d+|<[A-Za-z_][A-Za-z0-9_]*>|&|\$)/g, (whole, g: string) => {
    if (g === '$') {
      return '$';
    }
    if (g === '&') {
      return cap(m[0]);
    }
    if (g.startsWith('<')) {
      return cap(m.groups?.[g.slice(1, -1)]);
    }
    const n = Number(g);
    return n < m.length ? cap(m[n]) : whole;
  });
}
