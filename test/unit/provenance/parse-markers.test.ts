import * as assert from 'node:assert/strict';
import { markerProvenance, parseMarkers, type MarkerProblem, type ParsedProvenance } from '../../../server/src/engine/provenance';
import { syntaxFor } from '../../../server/src/engine/text/languages';
import { applyEdits, textOf } from './apply-edits';

const parse = (relPath: string, text: string, languageId?: string): ParsedProvenance => markerProvenance.regionsFor(relPath, text, languageId);
const kinds = (problems: MarkerProblem[]): string[] => problems.map((p) => p.kind);
const fixOf = (p: MarkerProblem | undefined): NonNullable<MarkerProblem['fix']> => {
  assert.ok(p?.fix, 'expected a fix');
  return p.fix;
};

describe('provenance markers: parsing', () => {
  describe('languages', () => {
    const cases: Array<[string, string, string, string?]> = [
      ['typescript', 'src/a.ts', '// @ai-generated begin id=7f3a tool=copilot use=tests at=2026-11-24T10:31Z\nconst x = 1;\n// @ai-generated end id=7f3a\n'],
      ['typescriptreact by language id', 'src/a.tsx', '// @ai-generated begin id=7f3a tool=copilot use=tests at=2026-11-24T10:31Z\nconst x = 1;\n// @ai-generated end id=7f3a\n', 'typescriptreact'],
      ['python', 'a.py', '# @ai-generated begin id=7f3a tool=copilot use=tests at=2026-11-24T10:31Z\nx = 1\n# @ai-generated end id=7f3a\n'],
      ['sql', 'q.sql', '-- @ai-generated begin id=7f3a tool=copilot use=tests at=2026-11-24T10:31Z\nSELECT 1;\n-- @ai-generated end id=7f3a\n'],
      ['html', 'i.html', '<!-- @ai-generated begin id=7f3a tool=copilot use=tests at=2026-11-24T10:31Z -->\n<p>x</p>\n<!-- @ai-generated end id=7f3a -->\n'],
      ['css', 's.css', '/* @ai-generated begin id=7f3a tool=copilot use=tests at=2026-11-24T10:31Z */\na { color: red; }\n/* @ai-generated end id=7f3a */\n'],
      ['go', 'm.go', '// @ai-generated begin id=7f3a tool=copilot use=tests at=2026-11-24T10:31Z\nx := 1\n// @ai-generated end id=7f3a\n'],
      ['lua', 'm.lua', '-- @ai-generated begin id=7f3a tool=copilot use=tests at=2026-11-24T10:31Z\nlocal x = 1\n-- @ai-generated end id=7f3a\n'],
      ['ini', 'c.ini', '; @ai-generated begin id=7f3a tool=copilot use=tests at=2026-11-24T10:31Z\nx=1\n; @ai-generated end id=7f3a\n'],
      ['unknown extension falls back to #', 'notes.xyz', '# @ai-generated begin id=7f3a tool=copilot use=tests at=2026-11-24T10:31Z\nx = 1\n# @ai-generated end id=7f3a\n'],
    ];
    for (const [name, path, text, languageId] of cases) {
      it(name, () => {
        const { regions, problems } = parse(path, text, languageId);
        assert.deepEqual(problems, []);
        assert.equal(regions.length, 1);
        const r = regions[0];
        assert.deepEqual(
          { id: r.id, tool: r.tool, useCase: r.useCase, at: r.at, beginLine: r.beginLine, endLine: r.endLine },
          { id: '7f3a', tool: 'copilot', useCase: 'tests', at: '2026-11-24T10:31Z', beginLine: 0, endLine: 2 },
        );
        assert.equal(textOf(text, r.contentRange), text.split('\n')[1] + '\n');
        assert.equal(textOf(text, r.beginRange), text.split('\n')[0]);
        assert.equal(textOf(text, r.endRange), text.split('\n')[2]);
      });
    }

    it('ignores markers written in another language’s comment syntax', () => {
      const text = '// @ai-generated begin id=7f3a tool=copilot\nx = 1\n// @ai-generated end id=7f3a\n';
      assert.deepEqual(parse('a.py', text), { regions: [], problems: [] });
    });
  });

  describe('only comments hold markers', () => {
    it('ignores markers in string literals', () => {
      const text = [
        'const a = "// @ai-generated begin id=abcd tool=copilot";',
        "const b = '// @ai-generated end id=abcd';",
      ].join('\n');
      assert.deepEqual(parse('a.ts', text), { regions: [], problems: [] });
    });

    it('ignores markers in template literals', () => {
      const text = ['const t = `', '// @ai-generated begin id=abcd tool=copilot', 'x', '// @ai-generated end id=abcd', '`;'].join('\n');
      assert.deepEqual(parse('a.ts', text), { regions: [], problems: [] });
    });

    it('ignores markers in Python triple-quoted strings', () => {
      const text = ['doc = """', '# @ai-generated begin id=abcd tool=copilot', 'x', '# @ai-generated end id=abcd', '"""', "s = '''", '# @ai-generated end id=abcd', "'''"].join('\n');
      assert.deepEqual(parse('a.py', text), { regions: [], problems: [] });
    });

    it('needs the directive at the start of the comment body', () => {
      const text = ['// see @ai-generated begin id=abcd tool=copilot', '/** @ai-generated end id=abcd */', '// @ai-generated-by copilot'].join('\n');
      assert.deepEqual(parse('a.ts', text), { regions: [], problems: [] });
    });

    it('does not lex a text that never mentions the directive', () => {
      const lexNever = (): never => assert.fail('lexed');
      assert.deepEqual(parseMarkers('const x = 1;\n', syntaxFor(undefined, 'a.ts'), lexNever), { regions: [], problems: [] });
    });
  });

  describe('fields', () => {
    it('reads review, acceptance, quoted values and unknown keys', () => {
      const text = [
        '  // @ai-generated begin id=7F3A tool=claude use="data migration" at=2026-11-24T10:31:05Z accepted-by=dev@example.com reviewed-by="Jane \\"JD\\" Doe" reviewed-at=2026-11-25T09:00Z risk=low',
        '  x();',
        '  // @ai-generated end id=7f3a',
      ].join('\n');
      const { regions, problems } = parse('a.ts', text);
      assert.deepEqual(kinds(problems), ['unknown-key']);
      assert.equal(problems[0].fix, undefined);
      assert.equal(textOf(text, problems[0].range), 'risk=low');
      const r = regions[0];
      assert.deepEqual(
        { id: r.id, tool: r.tool, useCase: r.useCase, at: r.at, acceptedBy: r.acceptedBy, reviewedBy: r.reviewedBy, reviewedAt: r.reviewedAt, extra: r.extra },
        {
          id: '7f3a',
          tool: 'claude',
          useCase: 'data migration',
          at: '2026-11-24T10:31:05Z',
          acceptedBy: 'dev@example.com',
          reviewedBy: 'Jane "JD" Doe',
          reviewedAt: '2026-11-25T09:00Z',
          extra: { risk: 'low' },
        },
      );
      assert.deepEqual(r.beginRange.start, { line: 0, character: 2 });
    });

    it('keeps a block with a bad time but drops the time', () => {
      const text = '# @ai-generated begin id=abcd tool=copilot at=2026-02-30T10:00Z\nx\n# @ai-generated end id=abcd\n';
      const { regions, problems } = parse('a.py', text);
      assert.deepEqual(kinds(problems), ['malformed']);
      assert.equal(regions[0].at, undefined);
      assert.equal(applyEdits(text, fixOf(problems[0]).edits), text.replace(' at=2026-02-30T10:00Z', ''));
    });

    it('reports junk tokens, repeated keys and keys on end markers', () => {
      const text = '// @ai-generated begin id=abcd tool=copilot oops use=a use=b\nx\n// @ai-generated end id=abcd tool=copilot\n';
      const { regions, problems } = parse('a.ts', text);
      assert.deepEqual(kinds(problems), ['malformed', 'malformed', 'unknown-key']);
      assert.equal(regions[0].useCase, 'a');
      assert.equal(applyEdits(text, fixOf(problems[1]).edits), text.replace(' use=b', ''));
      assert.equal(applyEdits(text, fixOf(problems[0]).edits), text.replace(' oops', ''));
    });

    it('counts a begin without a tool as unknown and offers to add it', () => {
      const text = '// @ai-generated begin id=abcd\nx\n// @ai-generated end id=abcd\n';
      const { regions, problems } = parse('a.ts', text);
      assert.deepEqual(kinds(problems), ['malformed']);
      assert.equal(regions[0].tool, 'unknown');
      const fixed = applyEdits(text, fixOf(problems[0]).edits);
      assert.equal(fixed.split('\n')[0], '// @ai-generated begin id=abcd tool=unknown');
      assert.deepEqual(parse('a.ts', fixed).problems, []);
    });

    for (const [name, line] of [
      ['a missing id', '// @ai-generated begin tool=copilot'],
      ['a short id', '// @ai-generated begin id=abc tool=copilot'],
      ['a non-hex id', '// @ai-generated begin id=zzzz tool=copilot'],
      ['a missing begin/end keyword', '// @ai-generated id=abcd tool=copilot'],
      ['an unknown keyword', '// @ai-generated start id=abcd tool=copilot'],
    ]) {
      it(`rejects a marker with ${name} and offers to remove its line`, () => {
        const text = `a();\n${line}\nb();\n`;
        const { regions, problems } = parse('a.ts', text);
        assert.deepEqual(regions, []);
        assert.deepEqual(kinds(problems), ['malformed']);
        assert.equal(applyEdits(text, fixOf(problems[0]).edits), 'a();\nb();\n');
      });
    }

    it('rejects a marker that shares its line with code, removing only the comment', () => {
      const text = 'x(); // @ai-generated begin id=abcd tool=copilot\ny();\n';
      const { regions, problems } = parse('a.ts', text);
      assert.deepEqual(regions, []);
      assert.deepEqual(kinds(problems), ['malformed']);
      assert.equal(applyEdits(text, fixOf(problems[0]).edits), 'x();\ny();\n');
    });

    it('rejects a block comment marker that spans lines', () => {
      const text = 'a {}\n/* @ai-generated begin id=abcd tool=copilot\n*/\nb {}\n';
      const { regions, problems } = parse('s.css', text);
      assert.deepEqual(regions, []);
      assert.deepEqual(kinds(problems), ['malformed']);
      assert.equal(applyEdits(text, fixOf(problems[0]).edits), 'a {}\nb {}\n');
    });
  });

  describe('pairing', () => {
    it('reports an unclosed block and closes it at the end of the file', () => {
      const text = 'a();\n    // @ai-generated begin id=abcd tool=copilot\n    b();';
      const { regions, problems } = parse('a.ts', text);
      assert.deepEqual(regions, []);
      assert.deepEqual(kinds(problems), ['unclosed']);
      const fixed = applyEdits(text, fixOf(problems[0]).edits);
      assert.equal(fixed, `${text}\n    // @ai-generated end id=abcd`);
      const again = parse('a.ts', fixed);
      assert.deepEqual(again.problems, []);
      assert.equal(textOf(fixed, again.regions[0].contentRange), '    b();\n');
    });

    it('closes an unclosed block before the next begin', () => {
      const text = [
        '// @ai-generated begin id=aaaa tool=copilot',
        'a();',
        '// @ai-generated begin id=bbbb tool=copilot',
        'b();',
        '// @ai-generated end id=bbbb',
        '',
      ].join('\n');
      const { regions, problems } = parse('a.ts', text);
      assert.deepEqual(kinds(problems), ['unclosed']);
      assert.deepEqual(regions.map((r) => r.id), ['bbbb']);
      const fixed = applyEdits(text, fixOf(problems[0]).edits);
      const again = parse('a.ts', fixed);
      assert.deepEqual(again.problems, []);
      assert.deepEqual(again.regions.map((r) => [r.id, textOf(fixed, r.contentRange)]), [['aaaa', 'a();\n'], ['bbbb', 'b();\n']]);
    });

    it('reports nested blocks and keeps both', () => {
      const text = [
        '// @ai-generated begin id=aaaa tool=copilot',
        '// @ai-generated begin id=bbbb tool=cursor',
        'b();',
        '// @ai-generated end id=bbbb',
        '// @ai-generated end id=aaaa',
      ].join('\n');
      const { regions, problems } = parse('a.ts', text);
      assert.deepEqual(kinds(problems), ['nested']);
      assert.equal(problems[0].range.start.line, 1);
      assert.deepEqual(regions.map((r) => [r.id, r.beginLine, r.endLine]), [['aaaa', 0, 4], ['bbbb', 1, 3]]);
    });

    it('closes an inner block that has no end before its outer block ends', () => {
      const text = [
        '// @ai-generated begin id=aaaa tool=copilot',
        '// @ai-generated begin id=bbbb tool=cursor',
        'b();',
        '// @ai-generated end id=aaaa',
      ].join('\n');
      const { regions, problems } = parse('a.ts', text);
      assert.deepEqual(kinds(problems), ['nested', 'unclosed']);
      assert.deepEqual(regions.map((r) => r.id), ['aaaa']);
      assert.equal(applyEdits(text, fixOf(problems[1]).edits).split('\n')[3], '// @ai-generated end id=bbbb');
    });

    it('reports a duplicate id and keeps both blocks', () => {
      const block = '// @ai-generated begin id=abcd tool=copilot\nx();\n// @ai-generated end id=abcd\n';
      const { regions, problems } = parse('a.ts', block + block);
      assert.deepEqual(kinds(problems), ['duplicate-id']);
      assert.equal(problems[0].range.start.line, 3);
      assert.equal(problems[0].fix, undefined);
      assert.deepEqual(regions.map((r) => [r.beginLine, r.endLine]), [[0, 2], [3, 5]]);
    });

    it('reports a stray end and removes its whole line', () => {
      const text = 'a();\n  // @ai-generated end id=abcd\nb();\n';
      const { regions, problems } = parse('a.ts', text);
      assert.deepEqual(regions, []);
      assert.deepEqual(kinds(problems), ['stray-end']);
      assert.equal(applyEdits(text, fixOf(problems[0]).edits), 'a();\nb();\n');
    });

    it('reports a second end of a closed block as stray', () => {
      const text = '// @ai-generated begin id=abcd tool=copilot\nx();\n// @ai-generated end id=abcd\n// @ai-generated end id=abcd';
      const { regions, problems } = parse('a.ts', text);
      assert.equal(regions.length, 1);
      assert.deepEqual(kinds(problems), ['stray-end']);
      assert.equal(applyEdits(text, fixOf(problems[0]).edits), text.slice(0, text.lastIndexOf('\n')));
    });

    it('pairs a mismatched end with the open block and offers to correct its id', () => {
      const text = '// @ai-generated begin id=aaaa tool=copilot\nx();\n// @ai-generated end id=bbbb\n';
      const { regions, problems } = parse('a.ts', text);
      assert.deepEqual(kinds(problems), ['mismatched-end']);
      assert.deepEqual(regions.map((r) => [r.id, r.endLine]), [['aaaa', 2]]);
      const fixed = applyEdits(text, fixOf(problems[0]).edits);
      assert.equal(fixed, text.replace('id=bbbb', 'id=aaaa'));
      assert.deepEqual(parse('a.ts', fixed).problems, []);
    });

    it('treats an end for another open block as stray when the open one closes later', () => {
      const text = '// @ai-generated begin id=aaaa tool=copilot\n// @ai-generated end id=bbbb\n// @ai-generated end id=aaaa\n';
      const { regions, problems } = parse('a.ts', text);
      assert.deepEqual(kinds(problems), ['stray-end']);
      assert.deepEqual(regions.map((r) => r.id), ['aaaa']);
    });
  });

  describe('line endings', () => {
    it('handles CRLF in ranges, values and fixes', () => {
      const text = ['x();', '// @ai-generated begin id=abcd tool=copilot use=tests', 'y();', '// @ai-generated end id=abcd', '// @ai-generated begin id=beef tool=copilot'].join('\r\n') + '\r\n';
      const { regions, problems } = parse('a.ts', text);
      assert.equal(regions[0].useCase, 'tests');
      assert.equal(textOf(text, regions[0].contentRange), 'y();\r\n');
      assert.equal(textOf(text, regions[0].endRange), '// @ai-generated end id=abcd');
      assert.deepEqual(kinds(problems), ['unclosed']);
      const fixed = applyEdits(text, fixOf(problems[0]).edits);
      assert.ok(fixed.endsWith('// @ai-generated begin id=beef tool=copilot\r\n// @ai-generated end id=beef\r\n'));
      assert.deepEqual(parse('a.ts', fixed).problems, []);
    });

    it('removes a CRLF stray end line completely', () => {
      const text = 'a();\r\n// @ai-generated end id=abcd\r\nb();';
      const { problems } = parse('a.ts', text);
      assert.equal(applyEdits(text, fixOf(problems[0]).edits), 'a();\r\nb();');
    });
  });

  describe('large inputs (timing is measured in npm run bench, not here)', () => {
    it('parses 10k blocks in one file, markers in strings ignored', function () {
      this.timeout(20_000);
      const parts: string[] = [];
      for (let i = 0; i < 10_000; i++) {
        const id = (0x100000 + i).toString(16);
        parts.push(`  // @ai-generated begin id=${id} tool=copilot use=tests at=2026-11-24T10:31Z`, `  const s${i} = "// @ai-generated end id=${id}";`, `  // @ai-generated end id=${id}`);
      }
      const text = parts.join('\n');
      const { regions, problems } = parse('big.ts', text);
      assert.equal(regions.length, 10_000);
      assert.deepEqual(problems, []);
    });

    it('reports each of 10k blocks left open', function () {
      this.timeout(20_000);
      const text = Array.from({ length: 10_000 }, (_, i) => `# @ai-generated begin id=${(0x100000 + i).toString(16)} tool=copilot`).join('\n');
      const { problems } = parse('a.py', text);
      assert.equal(problems.filter((p) => p.kind === 'unclosed').length, 10_000);
    });
  });
});
