import * as assert from 'node:assert/strict';
import { MAX_INSERTED_CHARS } from '../../../server/src/engine/check/message-template';
import { REGEX_BUDGET_MS, REGEX_LIMIT_MS } from '../../../server/src/engine/regex/regex-budget';
import { check, patternRuleFile, policyOf } from '../../helpers/engine';
import { sourceMapShaped } from '../../helpers/hostile-files';

// Text crafted so that every exec of a regex backtracks just under V8's per-exec fallback threshold:
// on the backtracking engine alone each of these takes tens of seconds. Assertions are on outcomes.
describe('engine: hostile input against the regex path', function () {
  this.timeout(60_000);

  const cases = [
    { regex: '^(\\w+\\s?)+$', flags: 'm', text: ('a'.repeat(16) + '!\nok\n').repeat(15_000), lines: 15_000 },
    { regex: '(?:a|a|a)*x|y', text: 'aaaaaaaaaay\n'.repeat(40_000), lines: 40_000 },
  ];
  for (const c of cases) {
    it(`/${c.regex}/${c.flags ?? ''} finishes on ${Math.round(c.text.length / 1000)} KB, with every finding and a linear-engine notice`, () => {
      const policy = policyOf(patternRuleFile(c.regex, { severity: 'error', ...(c.flags ? { flags: c.flags } : {}) }, 'team/hostile'));
      const findings = check(policy, 'hostile.txt', c.text);
      const notices = findings.filter((f) => f.severity === 'info');
      assert.equal(notices.length, 1);
      assert.match(notices[0].message, new RegExp(`${REGEX_BUDGET_MS} ms backtracking budget at team/hostile; team/hostile ran on the linear-time engine`));
      const errors = findings.filter((f) => f.severity === 'error');
      // One finding per line (the pattern's 500-per-file cap plus its summary).
      assert.equal(errors.length, 501);
      assert.match(errors[500].message, new RegExp(`^${c.lines - 500} more match`));
    });
  }

  it('a pattern quadratic on any engine (a*b|a on one long line) stops at the hard limit with an error', () => {
    const policy = policyOf(patternRuleFile('a*b|a', { severity: 'warning' }, 'team/quadratic'));
    const findings = check(policy, 'a.txt', 'a'.repeat(300_000));
    const errors = findings.filter((f) => f.severity === 'error');
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, new RegExp(`^Checking stopped: rule regexes ran for over ${REGEX_LIMIT_MS / 1000} s on this file, at team/quadratic`));
  });

  it('a 3.6 MB one-line source map with suppression directives and markers in it is checked', () => {
    const policy = policyOf(patternRuleFile('\\beval\\s*\\(', { severity: 'warning' }, 'team/eval'));
    const findings = check(policy, 'dist/cli.js.map', sourceMapShaped(3_600_000));
    assert.ok(findings.some((f) => f.ruleId === 'team/eval'));
  });

  it('caps each value a message inserts, so a huge capture does not end up in the output', () => {
    const policy = policyOf(patternRuleFile('TODO\\((\\w+)\\)', { message: 'Owner $1 left $&' }, 'team/todo'));
    const owner = 'x'.repeat(1_000_000);
    const [f] = check(policy, 'a.txt', `TODO(${owner})`);
    assert.equal(f.message, `Owner ${'x'.repeat(MAX_INSERTED_CHARS - 1)}… left TODO(${'x'.repeat(MAX_INSERTED_CHARS - 6)}…`);
  });

  it('keeps the whole capture in a fix, which must replace the text exactly', () => {
    const policy = policyOf(patternRuleFile('old\\((\\w+)\\)', { fix: 'renamed($1)' }, 'team/rename'));
    const arg = 'y'.repeat(5_000);
    const [f] = check(policy, 'a.txt', `old(${arg})`);
    assert.equal(f.fixes[0].edits[0].newText, `renamed(${arg})`);
    assert.ok(f.fixes[0].title.length < MAX_INSERTED_CHARS + 40);
  });
});
