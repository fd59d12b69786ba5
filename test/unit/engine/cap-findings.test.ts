import * as assert from 'node:assert/strict';
import { MAX_FINDINGS_PER_FILE } from '../../../server/src/engine/check/cap-findings';
import { check, patternRuleFile, policyOf } from '../../helpers/engine';

describe('engine: findings are capped per file', () => {
  const policy = policyOf(patternRuleFile('FORBIDDEN', { severity: 'error' }));

  it('lists the first findings by position and one summary with the count and the worst severity left out', () => {
    // 5,000 stray end markers (one marker problem each), then one pattern error after all of them.
    const text = Array.from({ length: 5000 }, (_, i) => `// @ai-generated end id=m${i}`).join('\n') + '\nFORBIDDEN\n';
    const findings = check(policy, 'src/a.ts', text);
    assert.equal(findings.length, MAX_FINDINGS_PER_FILE + 1);
    assert.ok(findings.slice(0, MAX_FINDINGS_PER_FILE).every((f, i) => f.range.start.line === i && f.ruleId !== 'test/mark'));
    const summary = findings[MAX_FINDINGS_PER_FILE];
    assert.equal(summary.ruleId, 'test/mark');
    assert.equal(summary.severity, 'error');
    assert.equal(summary.range.start.line, 5000);
    assert.match(summary.message, /^4001 more finding\(s\) in this file are not listed \(only the first 1000 are\)/);
    assert.deepEqual(summary.fixes, []);
  });

  it('leaves a file at the cap untouched', () => {
    const text = Array.from({ length: MAX_FINDINGS_PER_FILE }, (_, i) => `// @ai-generated end id=m${i}`).join('\n');
    const findings = check(policy, 'src/a.ts', text);
    assert.equal(findings.length, MAX_FINDINGS_PER_FILE);
    assert.ok(findings.every((f) => !f.message.includes('not listed')));
  });
});
