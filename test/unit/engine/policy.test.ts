import * as assert from 'node:assert/strict';
import type { EffectiveRule } from '../../../server/src/engine';
import { load, policyOf } from '../../helpers/engine';
import { NO_RULE_OPTIONS } from '../../../server/src/engine/config/rule-schemas';

const P = (id: string, extra: object = {}): object => ({ id, regex: id.split('/')[1], message: id, ...extra });

function view(rule: EffectiveRule | undefined): object | undefined {
  return rule && { severity: rule.severity, aiSeverity: rule.aiSeverity };
}

describe('engine: Policy (effective rules per path)', () => {
  describe('severity forms', () => {
    const policy = policyOf({
      patterns: [P('t/plain'), P('t/object'), P('t/off'), P('t/ai', { aiSeverity: 'error' })],
      rules: {
        't/plain': 'error',
        't/object': { severity: 'hint', aiSeverity: 'warning' },
        't/off': 'off',
        't/ai': 'info',
      },
    });
    const rules = policy.rulesFor('src/a.ts');
    const table: [string, object | undefined][] = [
      ['t/plain', { severity: 'error', aiSeverity: undefined }],
      ['t/object', { severity: 'hint', aiSeverity: 'warning' }],
      ['t/off', undefined],
      // aiSeverity from the pattern is carried when a later setting only changes the severity.
      ['t/ai', { severity: 'info', aiSeverity: 'error' }],
    ];
    for (const [id, expected] of table) {
      it(`${id} → ${JSON.stringify(expected)}`, () => {
        assert.deepEqual(view(rules.get(id)), expected);
      });
    }
    it('origin names the file that configured the rule', () => {
      assert.equal(rules.get('t/plain')?.origin, '.conductor/rules.jsonc');
    });
    it('code rules are on by default with their built-in origin', () => {
      assert.equal(rules.get('conductor/unused-suppression')?.severity, 'warning');
      assert.equal(rules.get('conductor/unused-suppression')?.origin, 'built-in');
    });
    it('a rules entry can set aiSeverity on a rule inherited from conductor:recommended, and it is carried by later severity changes', () => {
      const p = policyOf({ extends: ['conductor:recommended'], rules: { 'security/no-eval': 'info', 'quality/no-debugger': { severity: 'warning', aiSeverity: 'error' } } });
      const r = p.rulesFor('a.ts');
      assert.deepEqual(view(r.get('security/no-eval')), { severity: 'info', aiSeverity: 'error' });
      assert.deepEqual(view(r.get('quality/no-debugger')), { severity: 'warning', aiSeverity: 'error' });
    });
    it('rule options (`[severity, options]` or an `options` key) are refused with the reason, at the setting', () => {
      const text = '{\n  "patterns": [{ "id": "t/a", "regex": "a", "message": "a" }],\n  "rules": {\n    "t/a": ["info", { "max": 3 }]\n  },\n  "overrides": [{ "files": ["x"], "rules": { "t/a": { "severity": "hint", "options": {} } } }]\n}';
      const loaded = load({ '.conductor/rules.jsonc': text });
      assert.equal(loaded.policy, undefined);
      assert.deepEqual(
        loaded.problems.map((p) => [p.range.start.line, p.message]),
        [
          [3, `${NO_RULE_OPTIONS} at rules.t/a.`],
          [5, `${NO_RULE_OPTIONS} at overrides[0].rules.t/a.`],
        ],
      );
    });
  });

  describe('overrides', () => {
    const policy = policyOf({
      patterns: [P('t/a', { severity: 'warning' }), P('t/b', { severity: 'warning' })],
      overrides: [
        { files: ['src/legacy/**'], excludedFiles: ['src/legacy/keep/**'], rules: { 't/a': 'off' } },
        { files: ['**/*.test.ts'], rules: { 't/b': 'error' } },
        { files: ['src/legacy/**/*.test.ts'], rules: { 't/b': 'info' } },
        { files: ['*.md'], rules: { 't/a': 'hint' } },
      ],
    });
    const cases: [string, string | undefined, string | undefined][] = [
      // path, severity of t/a, severity of t/b
      ['src/app.ts', 'warning', 'warning'],
      ['src/legacy/old.ts', undefined, 'warning'],
      ['src/legacy/keep/kept.ts', 'warning', 'warning'], // excludedFiles
      ['src/app.test.ts', 'warning', 'error'],
      ['src/legacy/old.test.ts', undefined, 'info'], // the later override wins
      ['src/legacy/keep/k.test.ts', 'warning', 'info'],
      ['docs/deep/readme.md', 'hint', 'warning'], // a glob without "/" matches the basename at any depth
    ];
    for (const [p, a, b] of cases) {
      it(`${p}: t/a=${a ?? 'off'}, t/b=${b ?? 'off'}`, () => {
        const rules = policy.rulesFor(p);
        assert.equal(rules.get('t/a')?.severity, a);
        assert.equal(rules.get('t/b')?.severity, b);
      });
    }
    it('answers for the same set of overrides are shared (cached), and differ otherwise', () => {
      assert.equal(policy.rulesFor('src/one.ts'), policy.rulesFor('lib/two.ts'));
      assert.notEqual(policy.rulesFor('src/one.ts'), policy.rulesFor('src/legacy/x.ts'));
    });
  });

  describe('pattern paths and exclude', () => {
    const policy = policyOf({
      patterns: [
        P('t/src', { paths: ['src/**'], exclude: ['src/generated/**', '**/*.d.ts'] }),
        P('t/py', { paths: ['*.py'] }),
        P('t/all'),
      ],
    });
    const cases: [string, string[]][] = [
      ['src/a.ts', ['t/all', 't/src']],
      ['src/generated/a.ts', ['t/all']],
      ['src/types.d.ts', ['t/all']],
      ['lib/a.ts', ['t/all']],
      ['tools/deep/x.py', ['t/all', 't/py']],
      ['.github/x.py', ['t/all', 't/py']], // dot folders match too
    ];
    for (const [p, ids] of cases) {
      it(`${p} → ${ids.join(', ')}`, () => {
        assert.deepEqual(policy.patternsFor(p).map((x) => x.id).sort(), ids);
      });
    }
  });
});
