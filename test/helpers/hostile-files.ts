/**
 * A one-line file shaped like a bundler's source map of about `size` characters: sources embedded as
 * JSON strings (so their newlines are `\n` escapes), full of comments, suppression directives and
 * provenance markers, then the VLQ mappings. Generated, so no megabytes are committed.
 */
export function sourceMapShaped(size: number): string {
  const source = [
    '// conductor-disable-next-line security/no-eval -- parses a trusted config',
    'const value = eval(text);',
    '/* @ai-generated begin id=a1b2 tool=assistant */',
    'export function add(a, b) { return a + b; } // conductor-disable-next-line',
    '// @ai-generated end id=a1b2',
    '',
  ].join('\\n');
  const half = Math.floor(size / 2);
  const sources = source.repeat(Math.ceil(half / source.length)).slice(0, half);
  const mappings = 'AAAA,SAASA,CAAC;AACD,IAAI,GAAG;'.repeat(Math.ceil(half / 30)).slice(0, half);
  return `{"version":3,"sources":["src/a.ts"],"sourcesContent":["${sources}"],"mappings":"${mappings}"}`;
}
