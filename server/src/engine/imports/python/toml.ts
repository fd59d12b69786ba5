// The small part of TOML that pyproject.toml's dependency lists need: comments, multi-line values, strings.

/**
 * Visits the characters of a TOML line that are outside its strings ("…" with escapes, '…' literal);
 * stops at the first character for which `visit` returns true and returns its index, else -1.
 */
function outsideStrings(text: string, visit: (c: string) => boolean): number {
  let q: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '\\' && q === '"') {
        i++;
      } else if (c === q) {
        q = undefined;
      }
    } else if (c === '"' || c === "'") {
      q = c;
    } else if (visit(c)) {
      return i;
    }
  }
  return -1;
}

/** A line without its `#` comment. */
export function stripTomlComment(line: string): string {
  const hash = outsideStrings(line, (c) => c === '#');
  return hash === -1 ? line : line.slice(0, hash);
}

/** Whether a value opens more `[`/`{` than it closes, so it continues on the next line. */
export function unbalanced(v: string): boolean {
  let depth = 0;
  outsideStrings(v, (c) => {
    depth += c === '[' || c === '{' ? 1 : c === ']' || c === '}' ? -1 : 0;
    return false;
  });
  return depth > 0;
}

/** The string values of a value (a string or an array of strings). */
export function tomlStrings(v: string): string[] {
  // Inline tables (`{ include-group = "dev" }` in dependency groups) carry no package names.
  const bare = v.replace(/\{[^{}]*\}/g, '');
  return [...bare.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2]);
}
