import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatMarkerTime, parseMarkers, removeMarkers, wrapInMarkers, type MarkerFields } from '../../../server/src/engine/provenance';
import { syntaxFor } from '../../../server/src/engine/text/languages';
import { applyEdits, textOf } from './apply-edits';

// Single-line snippets that open and close their own strings and comments, some with marker look-alikes.
const SNIPPETS: Record<string, string[]> = {
  'a.ts': [
    'const s = "// @ai-generated begin id=abcd tool=x";',
    'const t = `// @ai-generated end id=abcd ${x}`;',
    "let u = 'it\\'s';",
    '/* block */ y();',
    '// a comment',
  ],
  'a.py': ["s = '# @ai-generated end id=abcd'", 'd = """# @ai-generated begin id=abcd tool=x"""', '# comment', 'x = {"a": 1}'],
  'q.sql': ["SELECT '-- @ai-generated end id=abcd';", '-- comment', '/* c */ SELECT 1;'],
  'i.html': ['<p class="x">-- @ai-generated end id=abcd</p>', '<!-- note -->', '<br/>'],
};
const SAFE = fc.constantFrom(...'abcxyz019 \t=();.,+{}:'.split(''));
const closers = ['*/', '-->', '-}', ']]'];

const codeLine = (path: string): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom('', '  ', '\t'), fc.oneof(fc.constantFrom(...SNIPPETS[path]), fc.string({ unit: SAFE, maxLength: 30 }))).map(([indent, code]) => indent + code);

const value = fc
  .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 16 })
  .filter((v) => !closers.some((c) => v.includes(c)));
const knownKeys = new Set(['id', 'tool', 'use', 'at', 'accepted-by', 'reviewed-by', 'reviewed-at']);

const fields: fc.Arbitrary<MarkerFields> = fc.record(
  {
    id: fc.stringMatching(/^[0-9a-f]{4,12}$/),
    tool: fc.constantFrom('copilot', 'copilot-chat', 'codeium', 'claude', 'cursor', 'unknown', 'manual'),
    useCase: fc.oneof(fc.stringMatching(/^[a-z][a-z-]{0,10}$/), value),
    at: fc.date({ min: new Date('2000-01-01T00:00Z'), max: new Date('2099-12-31T23:59Z'), noInvalidDate: true }).map(formatMarkerTime),
    acceptedBy: value,
    reviewedBy: value,
    extra: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/).filter((k) => !knownKeys.has(k)), value, { maxKeys: 2 }),
  },
  { requiredKeys: ['id', 'tool'] },
);

const file = fc.constantFrom(...Object.keys(SNIPPETS)).chain((path) =>
  fc.record({
    path: fc.constant(path),
    lines: fc.array(codeLine(path), { minLength: 1, maxLength: 12 }),
    eol: fc.constantFrom('\n', '\r\n'),
    finalEol: fc.boolean(),
    a: fc.nat(),
    b: fc.nat(),
    fields,
  }),
);

describe('provenance markers: round trip (property)', () => {
  it('wrapping a block and parsing gives back exactly that block, and removing the markers restores the file', function () {
    this.timeout(20_000);
    fc.assert(
      fc.property(file, ({ path, lines, eol, finalEol, a, b, fields }) => {
        const text = lines.join(eol) + (finalEol ? eol : '');
        // Lines as an editor counts them: a text ending in a line break has no extra empty line to wrap.
        const all = text.split(eol);
        const real = text.endsWith(eol) ? all.slice(0, -1) : all;
        const first = Math.min(a, b) % real.length;
        const last = Math.max(first, Math.max(a, b) % real.length);
        const end = last + 1 < all.length ? { line: last + 1, character: 0 } : { line: last, character: real[last].length };
        const syntax = syntaxFor(undefined, path);
        const range = { start: { line: first, character: 0 }, end };
        const wrapped = applyEdits(text, wrapInMarkers(text, range, fields, syntax));

        const { regions, problems } = parseMarkers(wrapped, syntax);
        assert.deepEqual(problems.filter((p) => p.kind !== 'unknown-key'), []);
        assert.equal(regions.length, 1);
        const r = regions[0];
        assert.deepEqual(
          { id: r.id, tool: r.tool, useCase: r.useCase, at: r.at, acceptedBy: r.acceptedBy, reviewedBy: r.reviewedBy, extra: r.extra },
          { id: fields.id, tool: fields.tool, useCase: fields.useCase, at: fields.at, acceptedBy: fields.acceptedBy, reviewedBy: fields.reviewedBy, extra: { ...fields.extra } },
        );
        // A text without line breaks gets `\n`, the writers' default.
        const docEol = text.includes('\n') ? eol : '\n';
        const block = real.slice(first, last + 1).map((l) => l + docEol).join('');
        assert.equal(textOf(wrapped, r.contentRange), block);
        assert.equal(applyEdits(wrapped, removeMarkers(wrapped, r)), text);
      }),
      { numRuns: 300 },
    );
  });

  it('parses any mix of markers, code and strings without throwing, with consistent results', function () {
    this.timeout(20_000);
    const piece = fc.constantFrom(
      '// @ai-generated begin id=aaaa tool=copilot',
      '// @ai-generated begin id=bbbb tool=copilot use="x y"',
      '// @ai-generated end id=aaaa',
      '// @ai-generated end id=bbbb',
      '// @ai-generated end id=cccc',
      '// @ai-generated begin id=aaaa at=nope junk',
      '// @ai-generated',
      '/* @ai-generated begin id=dddd tool=x */',
      '/* @ai-generated end id=dddd',
      'x(); // @ai-generated end id=aaaa',
      'const s = "@ai-generated begin id=aaaa";',
      '`',
      '"',
      'code();',
      '',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.constantFrom('\n', '\r\n'), (parts, eol) => {
        const text = parts.join(eol);
        const { regions, problems } = parseMarkers(text, syntaxFor(undefined, 'a.ts'));
        for (let i = 0; i < regions.length; i++) {
          const r = regions[i];
          assert.ok(r.beginLine < r.endLine);
          assert.deepEqual(r.contentRange, { start: { line: r.beginLine + 1, character: 0 }, end: { line: r.endLine, character: 0 } });
          assert.ok(i === 0 || regions[i - 1].beginLine <= r.beginLine);
        }
        for (const p of problems) {
          applyEdits(text, p.fix?.edits ?? []);
        }
      }),
      { numRuns: 300 },
    );
  });
});
