import * as assert from 'node:assert/strict';
import { DocumentContext, suppressionEdit, type Finding, type Policy } from '../../../server/src/engine';
import { applyEdits } from '../../../server/src/engine';
import { applyFix, lines } from '../../helpers/edits';
import { brief, check, policyOf } from '../../helpers/engine';

const policy = policyOf({
  patterns: [
    { id: 'test/bad', regex: '\\bbad\\(', message: 'no bad()' },
    { id: 'test/worse', regex: '\\bworse\\(', message: 'no worse()' },
  ],
});

const ids = (findings: Finding[]): string[] => findings.map((f) => `${f.range.start.line}:${f.ruleId}`);

describe('engine: suppressions', () => {
  it('a suppression with a reason removes the finding on the next line only', () => {
    const text = lines('\n', '// conductor-disable-next-line test/bad -- legacy API, removed in v3', 'bad();', 'bad();');
    assert.deepEqual(ids(check(policy, 'a.ts', text)), ['2:test/bad']);
  });

  it('works in block comments, Python, SQL and HTML comments', () => {
    const cases: [string, string][] = [
      ['a.ts', lines('\n', '/* conductor-disable-next-line test/bad -- ok */', 'bad();')],
      ['a.py', lines('\n', '    # conductor-disable-next-line test/bad -- ok', '    bad()')],
      ['a.sql', lines('\n', '-- conductor-disable-next-line test/bad -- ok', 'SELECT bad();')],
      ['a.html', lines('\n', '<!-- conductor-disable-next-line test/bad -- ok -->', '<p>bad()</p>')],
    ];
    for (const [p, text] of cases) {
      assert.deepEqual(ids(check(policy, p, text)), [], p);
    }
  });

  it('a directive outside a comment (in a string) is not a suppression', () => {
    const text = lines('\n', 'const s = "conductor-disable-next-line test/bad -- x";', 'bad();');
    assert.deepEqual(ids(check(policy, 'a.ts', text)), ['1:test/bad']);
  });

  describe('without a reason', () => {
    for (const [name, directive] of [
      ['no "--" at all', '// conductor-disable-next-line test/bad'],
      ['an empty reason', '// conductor-disable-next-line test/bad --'],
      ['the <reason> placeholder', '// conductor-disable-next-line test/bad -- <reason>'],
    ] as const) {
      it(`${name}: the finding stays and the directive is reported`, () => {
        const findings = check(policy, 'a.ts', lines('\n', directive, 'bad();'));
        assert.deepEqual(ids(findings), ['0:conductor/suppression-missing-reason', '1:test/bad']);
        const [missing] = findings;
        assert.equal(missing.severity, 'warning');
        assert.match(missing.message, /needs a reason: conductor-disable-next-line test\/bad -- /);
        assert.deepEqual(missing.range, { start: { line: 0, character: 3 }, end: { line: 0, character: 39 } });
      });
    }
  });

  it('an unused suppression is reported with a safe fix that removes exactly the comment line', () => {
    const text = lines('\n', 'function f() {', '  // conductor-disable-next-line test/bad -- was needed once', '  good();', '}');
    const findings = check(policy, 'a.ts', text);
    assert.deepEqual(ids(findings), ['1:conductor/unused-suppression']);
    const [unused] = findings;
    assert.match(unused.message, /Unused suppression: "test\/bad"/);
    assert.equal(unused.fixes.length, 1);
    assert.equal(unused.fixes[0].safe, true);
    assert.deepEqual(unused.fixes[0].edits, [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, newText: '' }]);
    assert.equal(applyFix(text, unused), lines('\n', 'function f() {', '  good();', '}'));
  });

  it('removing an unused suppression keeps CRLF line ends intact', () => {
    const text = lines('\r\n', 'a();', '# conductor-disable-next-line test/bad -- x', 'b()');
    const [unused] = check(policy, 'a.py', text);
    assert.equal(applyFix(text, unused), lines('\r\n', 'a();', 'b()'));
  });

  it('removing an unused suppression that trails code keeps the code', () => {
    const text = lines('\n', 'x = 1;  // conductor-disable-next-line test/bad -- y', 'ok();');
    const [unused] = check(policy, 'a.ts', text);
    assert.equal(unused.ruleId, 'conductor/unused-suppression');
    assert.equal(applyFix(text, unused), lines('\n', 'x = 1;', 'ok();'));
  });

  describe('removing an unused suppression in a block comment removes the whole comment', () => {
    const cases: [string, string, string, string][] = [
      ['on its own line', 'a.ts', 'x();\n/* conductor-disable-next-line test/bad -- r */\ny();\n', 'x();\ny();\n'],
      ['after code', 'a.ts', 'y(); /* conductor-disable-next-line test/bad -- r */\nz();\n', 'y();\nz();\n'],
      ['HTML', 'a.html', '<p>x</p>\n  <!-- conductor-disable-next-line test/bad -- r -->\n<p>y</p>\n', '<p>x</p>\n<p>y</p>\n'],
    ];
    for (const [name, relPath, text, expected] of cases) {
      it(name, () => {
        const [unused] = check(policy, relPath, text);
        assert.equal(unused.ruleId, 'conductor/unused-suppression');
        assert.equal(applyFix(text, unused), expected);
      });
    }
  });

  it('an unknown rule id is reported', () => {
    const findings = check(policy, 'a.ts', lines('\n', '// conductor-disable-next-line test/nope -- reason', 'bad();'));
    assert.deepEqual(ids(findings), ['0:conductor/suppression-unknown-rule', '1:test/bad']);
    assert.match(findings[0].message, /unknown rule "test\/nope"/);
  });

  it('a directive with a reason but no rule id is reported', () => {
    const findings = check(policy, 'a.ts', lines('\n', '// conductor-disable-next-line -- why', 'bad();'));
    assert.deepEqual(ids(findings), ['0:conductor/unused-suppression', '1:test/bad']);
    assert.match(findings[0].message, /names no rule id/);
  });

  describe('multiple ids', () => {
    it('suppresses every listed rule on the next line', () => {
      const text = lines('\n', '// conductor-disable-next-line test/bad, test/worse -- both known', 'bad(); worse();');
      assert.deepEqual(ids(check(policy, 'a.ts', text)), []);
    });
    it('space-separated ids work too', () => {
      const text = lines('\n', '// conductor-disable-next-line test/bad test/worse -- both known', 'bad(); worse();');
      assert.deepEqual(ids(check(policy, 'a.ts', text)), []);
    });
    it('an unused id among several is reported, and its fix removes only that id', () => {
      const text = lines('\n', '// conductor-disable-next-line test/bad, test/worse -- only one is used', 'bad();');
      const findings = check(policy, 'a.ts', text);
      assert.deepEqual(ids(findings), ['0:conductor/unused-suppression']);
      assert.match(findings[0].message, /"test\/worse"/);
      assert.equal(applyFix(text, findings[0]), lines('\n', '// conductor-disable-next-line test/bad -- only one is used', 'bad();'));
    });
  });

  it('suppression findings obey the rule settings (off silences them)', () => {
    const quiet = policyOf({ ...{ patterns: [{ id: 'test/bad', regex: 'bad\\(', message: 'm' }] }, rules: { 'conductor/suppression-missing-reason': 'off' } });
    assert.deepEqual(ids(check(quiet, 'a.ts', lines('\n', '// conductor-disable-next-line test/bad', 'bad();'))), ['1:test/bad']);
  });

  describe('suppressionEdit ("Suppress on this line with a reason")', () => {
    function suppress(p: Policy, relPath: string, text: string, ruleId: string, reason: string): string {
      const finding = check(p, relPath, text).find((f) => f.ruleId === ruleId);
      assert.ok(finding, `no ${ruleId} finding in ${relPath}`);
      const ctx = new DocumentContext({ relPath, text }, p);
      return applyEdits(text, [suppressionEdit(ctx, finding, reason)]);
    }

    it('inserts a comment line above with the same indentation, and the result suppresses the finding', () => {
      const text = lines('\n', 'function f() {', '\t  bad();', '}');
      const out = suppress(policy, 'a.ts', text, 'test/bad', '  needed for the demo ');
      assert.equal(out, lines('\n', 'function f() {', '\t  // conductor-disable-next-line test/bad -- needed for the demo', '\t  bad();', '}'));
      assert.deepEqual(ids(check(policy, 'a.ts', out)), []);
    });

    it('preserves CRLF line ends', () => {
      const text = lines('\r\n', 'def f():', '    bad()', '    return 1');
      const out = suppress(policy, 'a.py', text, 'test/bad', 'why');
      assert.equal(out, lines('\r\n', 'def f():', '    # conductor-disable-next-line test/bad -- why', '    bad()', '    return 1'));
      assert.deepEqual(ids(check(policy, 'a.py', out)), []);
    });

    it('uses the language comment syntax (HTML block comment)', () => {
      const out = suppress(policy, 'a.html', lines('\n', '<p>bad()</p>'), 'test/bad', 'copy text');
      assert.equal(out, lines('\n', '<!-- conductor-disable-next-line test/bad -- copy text -->', '<p>bad()</p>'));
      assert.deepEqual(ids(check(policy, 'a.html', out)), []);
    });

    it('an empty reason inserts the <reason> placeholder, which does not suppress', () => {
      const out = suppress(policy, 'a.ts', lines('\n', 'bad();'), 'test/bad', '   ');
      assert.equal(out, lines('\n', '// conductor-disable-next-line test/bad -- <reason>', 'bad();'));
      assert.deepEqual(ids(check(policy, 'a.ts', out)), ['0:conductor/suppression-missing-reason', '1:test/bad']);
    });

    it('adds the id to an existing directive directly above', () => {
      const text = lines('\n', '  // conductor-disable-next-line test/bad -- legacy', '  bad(); worse();');
      assert.deepEqual(ids(check(policy, 'a.ts', text)), ['1:test/worse']);
      const out = suppress(policy, 'a.ts', text, 'test/worse', 'also legacy');
      assert.equal(out, lines('\n', '  // conductor-disable-next-line test/bad, test/worse -- legacy', '  bad(); worse();'));
      assert.deepEqual(ids(check(policy, 'a.ts', out)), []);
    });

    it('adding to a directive above that has no reason gives it the new reason, so both ids take effect', () => {
      const text = lines('\n', '// conductor-disable-next-line test/bad', 'bad(); worse();');
      const out = suppress(policy, 'a.ts', text, 'test/worse', 'my reason');
      assert.equal(out, lines('\n', '// conductor-disable-next-line test/bad, test/worse -- my reason', 'bad(); worse();'));
      assert.deepEqual(ids(check(policy, 'a.ts', out)), []);
    });

    it('the finding positions are unchanged by the engine: brief view stays stable', () => {
      assert.deepEqual(brief(check(policy, 'a.ts', 'bad();')), [['test/bad', 0, 0, 4]]);
    });
  });
});
