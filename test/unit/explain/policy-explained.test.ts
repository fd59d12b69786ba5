// The policy-explained model: what applies to a path, why (origin, lock, override, category), and what is allowed instead.
import * as assert from 'node:assert/strict';
import { explainPolicy, ruleDefinition } from '../../../server/src/engine/explain';
import { policyOf, problemsOf } from '../../helpers/engine';

const RULES = {
  name: 'team-x',
  extends: ['conductor:recommended'],
  rules: { 'quality/no-debugger': { severity: 'warning', aiSeverity: 'error' }, 'security/no-eval': 'off' },
  patterns: [
    { id: 'team/acme-token', regex: 'acme_[a-z0-9]{8}', message: 'Token $masked', severity: 'error', secret: true, category: 'secrets/api-key/acme' },
    { id: 'team/vault-token', regex: 'vault_[a-z0-9]{8}', message: 'Vault token $masked', severity: 'error', secret: true },
    { id: 'team/no-print', regex: 'print\\(', message: 'No print($1)', severity: 'info' },
  ],
  overrides: [{ files: ['test/**'], rules: { 'team/no-print': 'off' } }],
  ai: {
    useCases: { tests: { paths: ['test/**'], maxLines: 50 }, ui: { paths: ['src/ui/**'] } },
    forbidden: [{ paths: ['src/auth/**'], reason: 'security-critical' }],
    excluded: ['secrets/**'],
    review: { required: { paths: ['src/**'] } },
  },
  boundaries: {
    layers: { ui: { paths: ['src/ui/**'] }, domain: { paths: ['src/domain/**'], public: ['src/domain/index.ts'] }, infra: { paths: ['src/infra/**'] } },
    allow: { ui: ['domain'] },
    deny: [{ from: 'ui', to: 'infra', reason: 'through domain services' }],
    packages: { deny: [{ name: 'moment', reason: 'Use date-fns.' }] },
  },
};

describe('policy explained', () => {
  const policy = policyOf(RULES);

  it('lists the rules in force with severity, origin and category, and the rest as off', () => {
    const x = explainPolicy(policy, 'src/ui/a.ts');
    const byId = new Map(x.rules.map((r) => [r.id, r]));
    assert.deepEqual(
      [byId.get('quality/no-debugger')?.severity, byId.get('quality/no-debugger')?.aiSeverity, byId.get('quality/no-debugger')?.category],
      ['warning', 'error', { family: 'quality' }],
    );
    assert.match(byId.get('quality/no-debugger')!.origin, /rules\.jsonc$/, 'set by the team file');
    assert.deepEqual(byId.get('team/acme-token')?.category, { family: 'secrets', kind: 'api-key', provider: 'acme' });
    assert.deepEqual(byId.get('team/vault-token')?.category, { family: 'secrets' }, 'a secret pattern without a category');
    assert.equal(byId.get('team/no-print')?.category, undefined);
    assert.equal(byId.get('team/no-print')?.description, 'No print($1)');
    assert.ok(x.rules.every((r) => !r.locked), 'no org ruleset, nothing locked');
    assert.ok(x.off.includes('security/no-eval'), 'turned off in `rules`');
    assert.ok(!x.off.some((id) => byId.has(id)), 'a rule is either in force or off');
    assert.ok(explainPolicy(policy, 'test/a.test.ts').off.includes('team/no-print'), 'turned off by the override');
  });

  it('says which AI rules apply to the path and which use cases are approved there', () => {
    const ui = explainPolicy(policy, 'src/ui/a.ts').ai;
    assert.deepEqual(
      ui.useCases?.map((u) => [u.name, u.approvedHere]),
      [
        ['tests', false],
        ['ui', true],
      ],
    );
    assert.equal(ui.review.requiredHere, true);
    assert.deepEqual(ui.review.required, ['src/**']);
    const auth = explainPolicy(policy, 'src/auth/login.ts').ai;
    assert.equal(auth.forbidden[0].matching, 'src/auth/**');
    assert.deepEqual(auth.useCases?.filter((u) => u.approvedHere), [], 'nothing is approved where AI code is forbidden');
    const secret = explainPolicy(policy, 'secrets/prod.env').ai;
    assert.deepEqual(secret.excluded.map((e) => [e.glob, e.appliesHere]), [['secrets/**', true]]);
    assert.equal(secret.review.requiredHere, false);
    assert.deepEqual(secret.enforced, { forbidden: true, excluded: true, useCases: true, review: true });
  });

  it('gives each layer its decisions, with the deny reason where one is written, and the path its layer', () => {
    const i = explainPolicy(policy, 'src/ui/a.ts').imports!;
    assert.equal(i.layer, 'ui');
    assert.deepEqual(i.layers.find((l) => l.name === 'ui')!.imports, [
      { layer: 'domain', allowed: true },
      { layer: 'infra', allowed: false, reason: 'through domain services' },
    ]);
    assert.deepEqual(i.layers.find((l) => l.name === 'domain')!.imports, [
      { layer: 'ui', allowed: false },
      { layer: 'infra', allowed: false },
    ]);
    assert.deepEqual(i.packages.deny, [{ name: 'moment', reason: 'Use date-fns.' }]);
    assert.equal(explainPolicy(policy, 'README.md').imports!.layer, undefined);
    assert.equal(explainPolicy(policyOf({ extends: ['conductor:recommended'] }), 'a.ts').imports, undefined);
  });

  it('defines rules whether or not they are in force', () => {
    assert.deepEqual(ruleDefinition(policy, 'team/no-print'), {
      id: 'team/no-print',
      kind: 'pattern',
      description: 'No print($1)',
      defaultSeverity: 'info',
      fixable: false,
      origin: policy.resolved.patterns.get('team/no-print')!.origin,
    });
    assert.equal(ruleDefinition(policy, 'ai/forbidden-path')?.kind, 'code');
    assert.equal(ruleDefinition(policy, 'team/nothing'), undefined);
  });
});

describe('rule categories', () => {
  it('accepts a family, a secrets kind, and an API key with its provider', () => {
    for (const category of ['security', 'data', 'quality', 'secrets', 'secrets/private-key', 'secrets/api-key/new-relic']) {
      assert.deepEqual(problemsOf({ patterns: [{ id: 'team/x', regex: 'x', message: 'm', category }] }), [], category);
    }
  });

  it('refuses an unknown family or kind, an API key without a provider, and a kind outside secrets, at its line', () => {
    for (const category of ['style', 'secrets/keys', 'secrets/api-key', 'security/sql', 'Secrets']) {
      const text = JSON.stringify({ patterns: [{ id: 'team/x', regex: 'x', message: 'm', category }] }, null, 2);
      const problems = problemsOf(text);
      assert.equal(problems.length, 1, category);
      assert.equal(problems[0].range.start.line, text.split('\n').findIndex((l) => l.includes('"category"')), category);
      assert.match(problems[0].message, /a category is one of secrets, security, data, quality/);
    }
  });

  it('every pattern of the built-in rulesets has one', () => {
    for (const name of ['recommended', 'security', 'secrets', 'data']) {
      const p = policyOf({ extends: [`conductor:${name}`] });
      const missing = [...p.resolved.patterns.values()].filter((r) => r.category === undefined).map((r) => r.id);
      assert.deepEqual(missing, [], name);
    }
  });
});
