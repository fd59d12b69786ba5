// Use-case inference for blocks whose marker names none, and the test-file lookup of `requiresTest`.
import * as path from 'path';
import { globMatcher } from '../text/globs';
import { spanAt, type Spans } from '../text/lexer';
import type { LineIndex } from '../text/positions';
import type { AiRegion } from '../provenance';

/** Files that are tests themselves: their blocks are inferred as `tests`. */
export const TEST_FILE_GLOBS: readonly string[] = [
  '**/*.test.*',
  '**/*.spec.*',
  '**/test/**',
  '**/tests/**',
  '**/__tests__/**',
  '**/test_*.py',
  '**/*_test.py',
  '**/*_test.go',
];

/** Documentation files: their blocks are inferred as `docs`, like comment-only blocks in code. */
export const DOCS_FILE_GLOBS: readonly string[] = ['**/*.md', '**/*.mdx', '**/*.rst', '**/*.adoc', '**/*.txt'];

export const isTestFile = globMatcher(TEST_FILE_GLOBS);
const isDocsFile = globMatcher(DOCS_FILE_GLOBS);

/**
 * The use case a block without `use=` most likely has: `tests` in a test file, `docs` in a
 * documentation file or when every content line is blank or comment (at least one comment line;
 * docstrings are strings, so they do not count), else undefined (unclassified).
 */
export function inferUseCase(relPath: string, region: AiRegion, lines: LineIndex, spans: () => Spans): 'tests' | 'docs' | undefined {
  if (isTestFile(relPath)) {
    return 'tests';
  }
  if (isDocsFile(relPath) || onlyComments(region, lines, spans())) {
    return 'docs';
  }
  return undefined;
}

function onlyComments(region: AiRegion, lines: LineIndex, spans: Spans): boolean {
  const text = lines.text;
  let comments = 0;
  for (let line = region.beginLine + 1; line < region.endLine; line++) {
    const end = lines.lineEnd(line);
    let pos = skipBlanks(text, lines.lineStart(line), end);
    if (pos < end) {
      comments++;
    }
    while (pos < end) {
      const k = spanAt(spans, pos);
      if (k === -1 || spans.kinds[k] !== 'comment') {
        return false;
      }
      pos = skipBlanks(text, spans.ends[k], end);
    }
  }
  return comments > 0;
}

function skipBlanks(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 13)) {
    i++;
  }
  return i;
}

const TS = ['ts', 'tsx', 'mts', 'cts'];
const JS = ['js', 'jsx', 'mjs', 'cjs'];
/** Test extensions tried for a TS or JS source besides its own. */
const TS_TESTS = ['ts', 'tsx'];
const JS_TESTS = ['js', 'jsx'];
const TEST_ROOTS = ['test', 'tests'];

/**
 * Where a test for a source file may live, most conventional first. `fileExists` can only answer
 * exact paths, so the lookup is this fixed list rather than a search:
 *   Go       dir/x_test.go
 *   Python   dir/test_x.py, dir/x_test.py, dir/tests/test_x.py, then test_x.py under
 *            test/ and tests/ mirroring dir (with and without its first segment) and at their top
 *   others   dir/x.test.E, dir/x.spec.E, dir/__tests__/x.E, dir/__tests__/x.test.E, then
 *            x.test.E and x.spec.E under test/ and tests/ mirroring dir (with and without its first
 *            segment, e.g. src/a/x.ts → test/a/x.test.ts and test/src/a/x.test.ts) and at their top,
 *            where E is the source's extension or, for TS/JS, also ts/tsx or js/jsx (x.tsx → x.test.ts).
 */
export function testFileCandidates(relPath: string): string[] {
  const dir = path.posix.dirname(relPath);
  const ext = path.posix.extname(relPath).slice(1);
  const name = path.posix.basename(relPath, ext ? `.${ext}` : '');
  const join = (...parts: string[]): string => path.posix.join(...parts.filter((p) => p !== '' && p !== '.'));
  const inner = dir.includes('/') ? dir.slice(dir.indexOf('/') + 1) : '';
  const mirrors = TEST_ROOTS.flatMap((root) => [join(root, inner), join(root, dir), root]);
  const out: string[] = [];
  if (ext === 'go') {
    out.push(join(dir, `${name}_test.go`));
  } else if (ext === 'py') {
    out.push(join(dir, `test_${name}.py`), join(dir, `${name}_test.py`), join(dir, 'tests', `test_${name}.py`));
    out.push(...mirrors.map((m) => join(m, `test_${name}.py`)));
  } else {
    const exts = [...new Set([ext, ...(TS.includes(ext) ? TS_TESTS : JS.includes(ext) ? JS_TESTS : [])])];
    const file = (suffix: string): string[] => exts.map((e) => (e ? `${name}${suffix}.${e}` : `${name}${suffix}`));
    out.push(...file('.test').map((f) => join(dir, f)), ...file('.spec').map((f) => join(dir, f)));
    out.push(...file('').map((f) => join(dir, '__tests__', f)), ...file('.test').map((f) => join(dir, '__tests__', f)));
    for (const m of mirrors) {
      out.push(...file('.test').map((f) => join(m, f)), ...file('.spec').map((f) => join(m, f)));
    }
  }
  return [...new Set(out)];
}
