import * as assert from 'node:assert/strict';
import { compileRuleRegex, linearTwin } from '../../../server/src/engine/regex/linear-regex';
import type { Finding } from '../../../server/src/engine/types';
import { RULE_FILE, brief, check, patternRuleFile, policyOf, problemsOf } from '../../helpers/engine';

describe('engine: rule-file regexes', () => {
  describe('compileRuleRegex', () => {
    const rejected: { source: string; flags?: string; message: RegExp }[] = [
      // V8's linear engine has no lookahead, no `i` for non-ASCII letters, no `u` and no large counted group repeats.
      { source: '(a+)+(?=b)', message: /Lookahead is not allowed/ },
      { source: '(x*)*(?!y)', flags: 'i', message: /Lookahead is not allowed/ },
      { source: '(é+)+$', flags: 'i', message: /must be ASCII/ },
      { source: '(?:ab){20}', message: /cannot run on the linear-time engine/ },
      { source: '\\p{L}+', flags: 'u', message: /cannot run on the linear-time engine/ },
      { source: 'a{2000}', message: /cannot run on the linear-time engine/ },
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

    const accepted: { source: string; flags?: string; matches: string; rejects: string }[] = [
      // Nested quantifiers: V8 re-runs a runaway exec on the linear engine.
      { source: '(a+)+$', matches: 'baaa', rejects: 'AAA' },
      // …and with i: ASCII patterns are case-folded into classes.
      { source: '(a+)+$', flags: 'i', matches: 'bAaA', rejects: 'ab' },
      { source: '\\beval\\s*\\(', matches: 'x = eval (s)', rejects: 'EVAL(s)' },
      { source: 'password\\s*=', flags: 'i', matches: 'PassWord =', rejects: 'pass word=' },
      // Counted repeats above 16 are split into ones the linear engine takes.
      { source: '\\bghp_[A-Za-z0-9]{36}\\b', matches: `x ghp_${'a'.repeat(36)} y`, rejects: `ghp_${'a'.repeat(35)} y` },
      { source: 'key=[a-f]{20,40}$', flags: 'm', matches: `key=${'a'.repeat(40)}`, rejects: `key=${'a'.repeat(41)}` },
    ];
    for (const a of accepted) {
      it(`accepts /${a.source}/${a.flags ?? ''} with a linear twin, both keeping its meaning`, () => {
        const result = compileRuleRegex(a.source, a.flags);
        assert.ok('regex' in result, 'error' in result ? result.error : '');
        const twin = linearTwin(result.regex);
        assert.ok(twin.flags.includes('l'), 'the twin runs on the linear engine');
        for (const re of [result.regex, twin]) {
          assert.ok(re.global, 'compiled regexes are global');
          re.lastIndex = 0;
          assert.ok(re.test(a.matches), `should match ${a.matches}`);
          re.lastIndex = 0;
          assert.ok(!re.test(a.rejects), `should not match ${a.rejects}`);
        }
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

    it('(a+)+(?=b) is refused with a message at the regex', () => {
      const problems = problemsOf('{\n  "patterns": [\n    { "id": "team/redos", "regex": "(a+)+(?=b)", "message": "m" }\n  ]\n}\n');
      assert.equal(problems.length, 1);
      assert.equal(problems[0].range.start.line, 2);
      assert.equal(problems[0].range.start.character, 35);
      assert.match(problems[0].message, /Lookahead.*\(a\+\)\+\(\?=b\)/);
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
        // Catastrophic backtracking would take far longer than the test timeout; the linear engine finishes.
        // (An info notice may say the file went over its backtracking budget, depending on the machine.)
        const errors = (text: string): Finding[] => check(policy, 'x.txt', text).filter((f) => f.severity === 'error');
        assert.deepEqual(errors(evil + '\n'), []);
        // And the rule still works: a line that ends in a's matches from its start.
        assert.deepEqual(brief(errors('b' + a.repeat(50_000))), [['team/redos', 0, 1, 50_001]]);
      });
    }
  });
});
