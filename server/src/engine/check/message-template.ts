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

/** A token of the grammar: `$1`…, `$<name>`, `$&`, `$$`, or a word the caller may define (`$masked`). */
const TOKEN = /\$(\d+|<[A-Za-z_][A-Za-z0-9_]*>|&|\$|[A-Za-z]+\b)/g;

/** The named token secret patterns use for the masked value (see secret-mask.ts). */
const DESCRIBED_NAMES: ReadonlySet<string> = new Set(['masked']);

/**
 * A template read without a match, for descriptions and guidance: every insertion (`$1`, `$<name>`, `$&`,
 * `$masked`) becomes `…`, `$$` a dollar, and any other `$word` stays as the rendered message shows it.
 */
export function describeTemplate(template: string): string {
  return template.replace(TOKEN, (whole, g: string) => (g === '$' ? '$' : /^[A-Za-z]/.test(g) && !DESCRIBED_NAMES.has(g) ? whole : '…'));
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
  return template.replace(TOKEN, (whole, g: string) => {
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
