/** The most of a capture a rendered message shows: a match can span megabytes of a minified line. */
export const MAX_INSERTED_CHARS = 200;

export interface TemplateOptions {
  /** Longest inserted value; longer ones are cut, ending in an ellipsis (Infinity for fix edits). */
  maxChars?: number;
  /** Rewrites each inserted capture (e.g. masks a secret) before the length cap. */
  insert?: (value: string) => string;
  /** Extra `$name` tokens with fixed values (e.g. `$masked`). */
  named?: Readonly<Record<string, string>>;
}

/**
 * The one message-template grammar: expands `$1`…, `$<name>`, `$&` and `$$` from the match, as
 * String.prototype.replace does, plus any `named` tokens.
 */
export function expandTemplate(template: string, m: RegExpExecArray, options: TemplateOptions = {}): string {
  const maxChars = options.maxChars ?? MAX_INSERTED_CHARS;
  const insert = options.insert ?? ((v: string): string => v);
  const cap = (value: string | undefined): string => {
    const v = value === undefined || value === '' ? '' : insert(value);
    return v.length <= maxChars ? v : `${v.slice(0, maxChars - 1)}…`;
  };
  return template.replace(/\$(\d+|<[A-Za-z_][A-Za-z0-9_]*>|&|\$|[A-Za-z]+\b)/g, (whole, g: string) => {
    if (g === '$') {
      return '$';
    }
    if (g === '&') {
      return cap(m[0]);
    }
    if (g.startsWith('<')) {
      return cap(m.groups?.[g.slice(1, -1)]);
    }
    if (/^\d/.test(g)) {
      const n = Number(g);
      return n < m.length ? cap(m[n]) : whole;
    }
    return options.named?.[g] ?? whole;
  });
}
