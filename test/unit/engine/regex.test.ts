import * as assert from 'node:assert/strict';
import { compileRuleRegex } from '../../../server/src/engine/regex/linear-regex';
import { RULE_FILE, brief, check, patternRuleFile, policyOf, problemsOf } from '../../helpers/engine';

describe('engine: rule-file regexes', () => {
  describe('compileRuleRegex', () => {
    const rejected: { source: string; flags?: string; message: RegExp }[] = [
      // Lookahead keeps these off V8's linear engine, so the static check decides: nested quantifiers fail it.
      { source: '(a+)+(?=b)', message: /exponential time/ },
      { source: '(x*)*(?=y)', flags: 'i', message: /exponential time/ },
      // Non-ASCII letters cannot be case-folded into classes, so /i keeps them off the linear engine.
      { source: '(é+)+$', flags: 'i', message: /exponential time/ },
      { source: '(a)\\1', message: /Backreferences and lookbehind/ },
      { source: '(?<q>[\'"]).*\\k<q>', message: /Backreferences and lookbehind/ },
      { source: '(?<=secret)=', message: /Backreferences and lookbehind/ },
      { source: '(?<!x)y', message: /Backreferences and lookbehind/ },
      { source: '[a-', message: /does not compile/ },
      { source: '(unclosed', message: /does not compile/ },
      { source: 'a**', message: /does not compile/ },
    ];
    for (const r of rejected) {
      it(`rejects /${r.source}/${r.flags ?? ''}`, () => {
        const result = compileRuleRegex(r.source, r.flags);
        assert.ok('error' in result, `expected /${r.source}/${r.flags ?? ''} to be rejected`);
        assert.match(result.error, r.message);
      });
    }

    const accepted: { source: string; flags?: string; guard: 'linear-fallback' | 'static-check'; matches: string; rejects: string }[] = [
      // Nested quantifiers without flags: the linear engine can run it, so V8's fallback protects it.
      { source: '(a+)+$', guard: 'linear-fallback', matches: 'baaa', rejects: 'AAA' },
      // …and with i: ASCII patterns are case-folded into classes, so the same guard applies.
      { source: '(a+)+$', flags: 'i', guard: 'linear-fallback', matches: 'bAaA', rejects: 'ab' },
      { source: '\\beval\\s*\\(', guard: 'linear-fallback', matches: 'x = eval (s)', rejects: 'EVAL(s)' },
      { source: 'password\\s*=', flags: 'i', guard: 'linear-fallback', matches: 'PassWord =', rejects: 'pass word=' },
      // Not foldable (non-ASCII) but star height 1: passes the static check.
      { source: 'café\\s*\\w+', flags: 'i', guard: 'static-check', matches: 'CAFÉ latte', rejects: 'cafe latte' },
    ];
    for (const a of accepted) {
      it(`accepts /${a.source}/${a.flags ?? ''} (${a.guard}), keeping its meaning`, () => {
        const result = compileRuleRegex(a.source, a.flags);
        assert.ok('regex' in result, 'error' in result ? result.error : '');
        assert.equal(result.guard, a.guard);
        assert.ok(result.regex.global, 'compiled regexes are global');
        result.regex.lastIndex = 0;
        assert.ok(result.regex.test(a.matches), `should match ${a.matches}`);
        result.regex.lastIndex = 0;
        assert.ok(!result.regex.test(a.rejects), `should not match ${a.rejects}`);
      });
    }
  });

  describe('in a rule file', () => {
    it('a regex that does not compile is reported at its "regex" value', () => {
      const problems = problemsOf('{\n  "patterns": [\n    {\n      "id": "team/x",\n      "regex": "([a-z]",\n      "message": "m"\n    }\n  ]\n}\n');
      assert.equal(problems.length, 1);
      assert.equal(problems[0].file, RULE_FILE);
      assert.deepEqual(problems[0].range, { start: { line: 4, character: 15 }, end: { line: 4, character: 23 } });
      assert.match(problems[0].message, /does not compile/);
    });

    it('(a+)+(?=b) is rejected with a message at the regex', () => {
      const problems = problemsOf('{\n  "patterns": [\n    { "id": "team/redos", "regex": "(a+)+(?=b)", "message": "m" }\n  ]\n}\n');
      assert.equal(problems.length, 1);
      assert.equal(problems[0].range.start.line, 2);
      assert.equal(problems[0].range.start.character, 35);
      assert.match(problems[0].message, /exponential time.*\(a\+\)\+\(\?=b\)/);
    });

    it('a backreference is rejected', () => {
      const problems = problemsOf(patternRuleFile('(["\'])x\\1'));
      assert.equal(problems.length, 1);
      assert.match(problems[0].message, /Backreferences/);
    });

    for (const flags of ['', 'i']) {
      it(`(a+)+$${flags ? ' with the i flag' : ' without flags'} is accepted, and a 50,000-char line of a…ab does not hang the check`, () => {
        const policy = policyOf(patternRuleFile('(a+)+$', { severity: 'error', ...(flags ? { flags } : {}) }, 'team/redos'));
        const a = flags ? 'A' : 'a';
        const evil = a.repeat(50_000) + 'b';
        // Catastrophic backtracking would take far longer than the test timeout; the linear fallback finishes.
        assert.deepEqual(check(policy, 'evil.txt', evil + '\n'), []);
        // And the rule still works: a line that ends in a's matches from its start.
        assert.deepEqual(brief(check(policy, 'ok.txt', 'b' + a.repeat(50_000))), [['team/redos', 0, 1, 50_001]]);
      });
    }
  });
});
