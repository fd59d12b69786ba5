import * as assert from 'node:assert/strict';
import { MAX_FINDINGS_PER_RULE } from '../../../server/src/engine/check/pattern-check';
import { applyFix, lines } from '../../helpers/edits';
import { brief, check, patternRuleFile, policyOf } from '../../helpers/engine';

/** Lines (0-based) where MARK is reported for each `in:` setting. */
function reportedLines(relPath: string, text: string, where: 'code' | 'comments' | 'strings' | 'any', languageId?: string): number[] {
  const policy = policyOf(patternRuleFile('MARK', { in: where }));
  return check(policy, relPath, text, languageId).map((f) => f.range.start.line);
}

describe('engine: pattern rules', () => {
  describe('in: code | comments | strings, per language', () => {
    const cases: { lang: string; path: string; languageId?: string; text: string; code: number[]; comments: number[]; strings: number[] }[] = [
      {
        lang: 'TypeScript',
        path: 'src/a.ts',
        text: lines('\n',
          'MARK();',                   // 0 code
          '// MARK',                   // 1 comment
          'x(); /* MARK */ y();',      // 2 comment
          'const s = "MARK";',         // 3 string
          "const q = 'it\\'s MARK';",  // 4 string with an escaped quote
          'const t = `a',              // 5 template literal…
          'MARK`; MARK;',              // 6 …spanning lines, then code
          '/*',                        // 7
          ' * MARK',                   // 8 multi-line block comment
          ' */',
        ),
        code: [0, 6],
        comments: [1, 2, 8],
        strings: [3, 4, 6],
      },
      {
        lang: 'Python',
        path: 'tool/a.py',
        text: lines('\n',
          'MARK()',                    // 0 code
          '# MARK',                    // 1 comment
          's = "MARK"  # trailing',    // 2 string
          'd = """',                   // 3
          'MARK',                      // 4 triple-quoted string
          '"""',
          "e = '''MARK'''",            // 6 triple-quoted, single quotes
          'f = "#" + MARK',            // 7 a # inside a string is not a comment
        ),
        code: [0, 7],
        comments: [1],
        strings: [2, 4, 6],
      },
      {
        lang: 'SQL',
        path: 'db/q.sql',
        text: lines('\n',
          'SELECT MARK FROM t;',       // 0 code
          '-- MARK',                   // 1 comment
          "SELECT 'MARK';",            // 2 string
          '/* MARK */',                // 3 comment
          "SELECT 'it''s' || MARK;",   // 4 code after a doubled-quote string
        ),
        code: [0, 4],
        comments: [1, 3],
        strings: [2],
      },
      {
        lang: 'HTML',
        path: 'web/index.html',
        text: lines('\n',
          '<div>MARK</div>',           // 0 code (markup)
          '<!-- MARK -->',             // 1 comment
          '<!--',
          '  MARK',                    // 3 multi-line comment
          '-->',
          '<a title="MARK">',          // 5 attribute values are markup for this lexer
        ),
        code: [0, 5],
        comments: [1, 3],
        strings: [],
      },
      {
        lang: 'the editor language id over the extension (python in a .txt)',
        path: 'notes.txt',
        languageId: 'python',
        text: lines('\n', '# MARK', '"MARK"', 'MARK'),
        code: [2],
        comments: [0],
        strings: [1],
      },
    ];
    for (const c of cases) {
      describe(c.lang, () => {
        for (const where of ['code', 'comments', 'strings'] as const) {
          it(`in: ${where}`, () => {
            assert.deepEqual(reportedLines(c.path, c.text, where, c.languageId), c[where]);
          });
        }
        it('in: any (the default) reports all of them', () => {
          const all = [...c.code, ...c.comments, ...c.strings].sort((a, b) => a - b);
          assert.deepEqual(reportedLines(c.path, c.text, 'any', c.languageId), all);
        });
      });
    }
  });

  describe('paths and exclude select files', () => {
    const policy = policyOf(patternRuleFile('MARK', { paths: ['src/**'], exclude: ['src/vendor/**'] }));
    for (const [p, expected] of [['src/a.ts', 1], ['src/vendor/a.ts', 0], ['test/a.ts', 0]] as const) {
      it(`${p}: ${expected} finding(s)`, () => {
        assert.equal(check(policy, p, 'MARK\n').length, expected);
      });
    }
  });

  describe('messages and fixes', () => {
    const policy = policyOf({
      patterns: [
        {
          id: 'test/focused',
          regex: '\\b(describe|it)\\.only\\(',
          message: 'Focused $1 ($&) costs $$5',
          fix: '$1(',
        },
        { id: 'test/named', regex: 'let (?<name>\\w+) = var', message: 'rename $<name>; $9 stays', fix: 'const $<name> = var', fixSafe: false },
      ],
    });

    it('expands $1, $& and $$ in messages and $1 in the fix, and the fix edits exactly the match', () => {
      const text = 'describe("x", () => {\n  it.only("y", () => {});\n});\n';
      const [f] = check(policy, 'a.test.ts', text);
      assert.equal(f.message, 'Focused it (it.only() costs $5');
      assert.deepEqual(f.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 10 } });
      assert.equal(f.fixes.length, 1);
      assert.equal(f.fixes[0].safe, true);
      assert.equal(f.fixes[0].title, 'Fix: replace with "it("');
      assert.equal(applyFix(text, f), 'describe("x", () => {\n  it("y", () => {});\n});\n');
    });

    it('expands named groups; an unknown group number is left as written; fixSafe: false makes the fix unsafe', () => {
      const [f] = check(policy, 'a.ts', 'let total = var;\n');
      assert.equal(f.message, 'rename total; $9 stays');
      assert.equal(f.fixes[0].safe, false);
      assert.equal(applyFix('let total = var;\n', f), 'const total = var;\n');
    });

    it('a pattern without fix offers none', () => {
      const [f] = check(policyOf(patternRuleFile('MARK')), 'a.ts', 'MARK');
      assert.deepEqual(f.fixes, []);
    });

    it('fix "" deletes the match', () => {
      const policy = policyOf(patternRuleFile('[ \\t]*debugger;\\n', { fix: '' }));
      const text = 'function f() {\n  debugger;\n  return 1;\n}\n';
      const found = check(policy, 'a.ts', text);
      assert.equal(found.length, 1);
      assert.equal(applyFix(text, found[0]), 'function f() {\n  return 1;\n}\n');
    });

    it('severity, origin and message come from the effective rule', () => {
      const [f] = check(policyOf({ ...patternRuleFile('MARK'), rules: { 'test/mark': 'error' } }), 'a.ts', 'MARK');
      assert.equal(f.severity, 'error');
      assert.equal(f.message, 'found MARK');
    });
  });

  describe('zero-length matches', () => {
    const table: [string, string, [string, number, number, number][]][] = [
      ['^', 'abc\ndef\n', []],
      ['x*', 'ab x xx\n', [['test/mark', 0, 3, 4], ['test/mark', 0, 5, 7]]],
      ['a*?', 'aaa', []],
      ['\\b', 'a b', []],
    ];
    for (const [regex, text, expected] of table) {
      it(`/${regex}/ terminates and reports only non-empty matches`, () => {
        const policy = policyOf(patternRuleFile(regex, { flags: 'm' }));
        assert.deepEqual(brief(check(policy, 'a.txt', text)), expected);
      });
    }
    it('a u-flag pattern is refused: Node 20\'s linear-time engine cannot run it', () => {
      assert.throws(() => policyOf(patternRuleFile('😀*', { flags: 'u' })), /cannot run on the linear-time engine/);
    });
  });

  it(`caps findings per rule and file at MAX_FINDINGS_PER_RULE (${MAX_FINDINGS_PER_RULE})`, () => {
    const policy = policyOf({ patterns: [{ id: 'test/x', regex: 'x', message: 'x' }, { id: 'test/y', regex: 'y', message: 'y' }] });
    const text = 'x '.repeat(MAX_FINDINGS_PER_RULE + 100) + '\n' + 'y\n'.repeat(3);
    const findings = check(policy, 'a.txt', text);
    const xs = findings.filter((f) => f.ruleId === 'test/x');
    assert.equal(xs.length, MAX_FINDINGS_PER_RULE + 1, 'the listed findings and one summary');
    assert.equal(xs.filter((f) => f.message === 'x').length, MAX_FINDINGS_PER_RULE);
    assert.ok(xs.some((f) => f.message === `100 more match(es) of test/x in this file are not listed (only the first ${MAX_FINDINGS_PER_RULE} are).`));
    assert.equal(findings.filter((f) => f.ruleId === 'test/y').length, 3, 'the cap is per rule');
  });

  it('findings are sorted by position then rule id', () => {
    const policy = policyOf({ patterns: [{ id: 'test/z', regex: 'ab', message: 'z' }, { id: 'test/a', regex: 'a', message: 'a' }, { id: 'test/b', regex: 'b', message: 'b' }] });
    assert.deepEqual(brief(check(policy, 'a.txt', 'b\nab')), [
      ['test/b', 0, 0, 1],
      ['test/a', 1, 0, 1],
      ['test/z', 1, 0, 2],
      ['test/b', 1, 1, 2],
    ]);
  });

  it('positions are UTF-16 based and CRLF line ends are not part of any line', () => {
    const policy = policyOf(patternRuleFile('MARK$', { flags: 'm' }));
    assert.deepEqual(brief(check(policy, 'a.txt', '😀 MARK\r\n😀 MARK\n')), [
      ['test/mark', 0, 3, 7],
      ['test/mark', 1, 3, 7],
    ]);
  });
});
