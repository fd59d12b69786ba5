import * as assert from 'node:assert/strict';
import * as path from 'path';
import { globContains } from '../../../server/src/engine/ai-policy';
import { aiBrief, check, daysAgo, describe as describeProblems, fileWithBlock, loadRules, policyOf, removeWorkspaces } from './helpers';

/** A rule file whose text puts every key on a known line (1-based line numbers in the comments). */
function lined(...rows: string[]): string {
  return rows.join('\n') + '\n';
}

/** [1-based line, severity, message fragment] of each problem. */
function at(problems: { range: { start: { line: number } }; severity: string; message: string }[]): [number, string, string][] {
  return problems.map((p) => [p.range.start.line + 1, p.severity, p.message]);
}

describe('ai-policy: rule-file validation', () => {
  after(removeWorkspaces);

  const CASES: { name: string; ai: string[]; line: number; message: RegExp }[] = [
    { name: 'unknown key in ai', ai: ['"ai": {', '  "useCase": {}', '}'], line: 3, message: /Unknown key "useCase" at ai/ },
    { name: 'unknown key in a use case', ai: ['"ai": { "useCases": {', '  "tests": {', '    "paths": ["**"],', '    "maxLine": 3', '  }', '} }'], line: 5, message: /Unknown key "maxLine" at ai\.useCases\.tests/ },
    { name: 'use case without paths', ai: ['"ai": { "useCases": {', '  "tests": { "maxLines": 3 }', '} }'], line: 3, message: /at ai\.useCases\.tests\.paths/ },
    { name: 'empty paths', ai: ['"ai": { "useCases": {', '  "tests": {', '    "paths": []', '  }', '} }'], line: 4, message: /at ai\.useCases\.tests\.paths/ },
    { name: 'maxLines not a positive integer', ai: ['"ai": { "useCases": {', '  "tests": {', '    "paths": ["**"],', '    "maxLines": -2', '  }', '} }'], line: 5, message: /at ai\.useCases\.tests\.maxLines/ },
    { name: 'use-case name with a space', ai: ['"ai": { "useCases": {', '  "unit tests": { "paths": ["**"] }', '} }'], line: 3, message: /Use-case name "unit tests" must be letters/ },
    { name: 'reserved use-case name', ai: ['"ai": { "useCases": {', '  "unclassified": { "paths": ["**"] }', '} }'], line: 3, message: /"unclassified" is reserved/ },
    { name: 'forbidden without reason', ai: ['"ai": {', '  "forbidden": [', '    { "paths": ["auth/**"] }', '  ]', '}'], line: 4, message: /at ai\.forbidden\[0\]\.reason/ },
    { name: 'forbidden with an empty glob', ai: ['"ai": {', '  "forbidden": [', '    { "paths": [""], "reason": "r" }', '  ]', '}'], line: 4, message: /at ai\.forbidden\[0\]\.paths\[0\]/ },
    { name: 'review.required of the wrong type', ai: ['"ai": {', '  "review": {', '    "required": "yes"', '  }', '}'], line: 4, message: /at ai\.review\.required/ },
    { name: 'review.required paths object with an unknown key', ai: ['"ai": {', '  "review": {', '    "required": { "path": ["src/**"] }', '  }', '}'], line: 4, message: /at ai\.review\.required/ },
    { name: 'maxUnreviewedDays zero', ai: ['"ai": {', '  "review": {', '    "maxUnreviewedDays": 0', '  }', '}'], line: 4, message: /at ai\.review\.maxUnreviewedDays/ },
    { name: 'unclassified not allow/forbid', ai: ['"ai": {', '  "unclassified": "maybe"', '}'], line: 3, message: /at ai\.unclassified/ },
    { name: 'excluded not a list', ai: ['"ai": {', '  "excluded": "secrets/**"', '}'], line: 3, message: /at ai\.excluded/ },
    { name: 'aiOnly not a boolean', ai: ['"rules": {', '  "ai/unreviewed": { "severity": "warning", "aiOnly": "yes" }', '}'], line: 3, message: /aiOnly|rules\.ai\/unreviewed/ },
  ];

  for (const c of CASES) {
    it(c.name, () => {
      const loaded = loadRules(lined('{', ...c.ai, '}'));
      assert.equal(loaded.policy, undefined);
      assert.equal(loaded.problems.length, 1, describeProblems(loaded.problems));
      const [p] = loaded.problems;
      assert.equal(p.severity, 'error');
      assert.equal(p.range.start.line + 1, c.line, describeProblems(loaded.problems));
      assert.match(p.message, c.message);
      assert.equal(p.file, path.join(loaded.ws.root, '.conductor', 'rules.jsonc'));
    });
  }

  it('a complete ai section loads without problems', () => {
    const loaded = loadRules({
      extends: ['conductor:recommended'],
      ai: {
        useCases: { tests: { paths: ['**/*.test.ts'], maxLines: 200, description: 'unit tests' }, boilerplate: { paths: ['src/**'], requiresTest: true } },
        forbidden: [{ paths: ['src/auth/**'], reason: 'auth needs a human author' }],
        review: { required: { paths: ['src/**'] }, allowSelfReview: false, maxUnreviewedDays: 14 },
        excluded: ['secrets/**'],
        unclassified: 'forbid',
      },
    });
    // The only problem: boilerplate's src/** contains the forbidden src/auth/** (info).
    assert.deepEqual(loaded.problems.map((p) => p.severity), ['info']);
    assert.ok(loaded.policy);
  });
});

describe('ai-policy: contradictions', () => {
  after(removeWorkspaces);

  it('identical, contained and carve-out globs are reported at the use-case glob', () => {
    const text = lined(
      '{', //                                                   1
      '  "ai": {', //                                           2
      '    "useCases": {', //                                   3
      '      "refactor": {', //                                 4
      '        "paths": [', //                                  5
      '          "src/**",', //                                 6  carve-out of src/auth/** (info)
      '          "pay/**",', //                                 7  identical to forbidden (warning)
      '          "src/auth/login.ts",', //                      8  literal inside forbidden (warning)
      '          "src/auth/*.ts",', //                          9  glob inside forbidden prefix (warning)
      '          "**/*.ts",', //                               10  undecidable: not reported
      '          "./vault/**/"', //                           11  same as excluded after normalizing (warning)
      '        ]', //                                          12
      '      }', //                                            13
      '    },', //                                             14
      '    "forbidden": [{ "paths": ["src/auth/**", "pay/**"], "reason": "security" }],', // 15
      '    "excluded": ["vault/**"]', //                        16
      '  }', //                                                17
      '}',
    );
    const loaded = loadRules(text);
    assert.ok(loaded.policy, 'warnings and infos do not block the policy');
    assert.deepEqual(
      at(loaded.problems).map(([line, severity, message]) => [line, severity, message.replace(/,.*$/, '')]),
      [
        [6, 'info', 'Use case "refactor" allows "src/**"'],
        [7, 'warning', 'Use case "refactor" allows "pay/**"'],
        [8, 'warning', 'Use case "refactor" allows "src/auth/login.ts"'],
        [9, 'warning', 'Use case "refactor" allows "src/auth/*.ts"'],
        [11, 'warning', 'Use case "refactor" allows "./vault/**/"'],
      ],
    );
    assert.match(loaded.problems[0].message, /but forbidden "src\/auth\/\*\*" \(security; .*rules\.jsonc\) lies inside it: AI code stays forbidden there/);
    assert.match(loaded.problems[1].message, /lies entirely within forbidden "pay\/\*\*" .*this glob allows nothing/);
    assert.match(loaded.problems[4].message, /within excluded "vault\/\*\*"/);
    // Whatever is or is not reported, the stricter rule wins at check time.
    assert.deepEqual(aiBrief(check(loaded.policy, 'src/auth/x.ts', fileWithBlock({ use: 'refactor' }))), [['ai/forbidden-path', 'error']]);
    assert.deepEqual(aiBrief(check(loaded.policy, 'vault/x.ts', fileWithBlock({ use: 'refactor' }))), [['ai/excluded-path', 'error']]);
  });

  it('a contradiction across files is reported in the file of the use case', () => {
    const loaded = loadRules(lined('{', '  "extends": ["./base.jsonc"],', '  "ai": { "useCases": {', '    "docs": { "paths": ["auth/**"] }', '  } }', '}'), {
      '.conductor/base.jsonc': JSON.stringify({ ai: { forbidden: [{ paths: ['auth/**'], reason: 'auth' }] } }),
    });
    assert.deepEqual(at(loaded.problems).map(([l, s]) => [l, s]), [[4, 'warning']]);
    assert.match(loaded.problems[0].message, /base\.jsonc/);
    assert.equal(loaded.problems[0].file, path.join(loaded.ws.root, '.conductor', 'rules.jsonc'));
  });

  const CONTAINS: [string, string, boolean][] = [
    ['src/**', 'src/**', true],
    ['./src/**', 'src/**/', true],
    ['**', 'anything/*.ts', true],
    ['**/*', '*.pem', true],
    ['src/auth/**', 'src/auth/login.ts', true],
    ['src/auth/*.ts', 'src/auth/login.ts', true],
    ['src/auth/*.ts', 'src/auth/deep/login.ts', false],
    ['**/*.pem', 'config/key.pem', true],
    ['src/**', 'src/auth/**', true],
    ['src/**', 'src/**/*.ts', true],
    ['src/auth/**', 'src/**', false],
    ['src/**', 'srcs/x.ts', false],
    ['src/**', '*.ts', false], // matchBase: any *.ts anywhere
    ['**/*.ts', 'src/auth/**', false], // undecidable here: not claimed
    ['src/{a,b}/**', 'src/a/x/**', false], // magic prefix: not claimed
  ];
  for (const [outer, inner, expected] of CONTAINS) {
    it(`globContains(${outer}, ${inner}) = ${expected}`, () => {
      assert.equal(globContains(outer, inner), expected);
    });
  }
});

describe('ai-policy: merging along extends', () => {
  after(removeWorkspaces);

  const BASE = {
    ai: {
      useCases: {
        tests: { paths: ['**/*.test.ts'], maxLines: 10 },
        migration: { paths: ['db/**'] },
        boilerplate: { paths: ['src/**'] },
      },
      forbidden: [{ paths: ['auth/**'], reason: 'base: auth' }],
      excluded: ['secrets/**'],
      review: { required: true, maxUnreviewedDays: 3 },
      unclassified: 'forbid',
    },
  };

  it('use cases are replaced as a whole or removed by null; lists concatenate; review merges per key; later scalars win', () => {
    const policy = policyOf(
      {
        extends: ['./base.jsonc'],
        ai: {
          useCases: { tests: { paths: ['test/**'] }, migration: null, docs: { paths: ['**'] } },
          forbidden: [{ paths: ['pay/**'], reason: 'team: payments' }],
          excluded: ['customers/**'],
          review: { maxUnreviewedDays: 30 },
          unclassified: 'allow',
        },
      },
      { '.conductor/base.jsonc': JSON.stringify(BASE) },
    );
    const ai = policy.resolved.ai;
    assert.ok(ai);
    assert.deepEqual([...(ai.useCases?.keys() ?? [])], ['tests', 'boilerplate', 'docs']);
    assert.deepEqual(ai.useCases?.get('tests'), { name: 'tests', paths: ['test/**'], origin: '.conductor/rules.jsonc' }); // maxLines not inherited
    assert.equal(ai.useCases?.get('boilerplate')?.origin, '.conductor/base.jsonc');
    assert.deepEqual(ai.forbidden.map((f) => f.reason), ['base: auth', 'team: payments']);
    assert.deepEqual(ai.excluded.map((e) => e.glob), ['secrets/**', 'customers/**']);
    assert.deepEqual(ai.review, { required: true, maxUnreviewedDays: 30 });
    assert.equal(ai.unclassified, 'allow');
    // And the checks follow: the base's forbidden still applies, the new one too, migration is gone.
    assert.deepEqual(aiBrief(check(policy, 'auth/x.ts', fileWithBlock({}))), [['ai/forbidden-path', 'error']]);
    assert.deepEqual(aiBrief(check(policy, 'pay/x.ts', fileWithBlock({}))), [['ai/forbidden-path', 'error']]);
    assert.deepEqual(aiBrief(check(policy, 'customers/x.ts', fileWithBlock({}))), [['ai/excluded-path', 'error']]);
    assert.deepEqual(aiBrief(check(policy, 'db/x.ts', fileWithBlock({ use: 'migration', reviewedBy: 'b', reviewedAt: daysAgo(1) }))), [['ai/unknown-use-case', 'warning']]);
    assert.deepEqual(aiBrief(check(policy, 'src/x.ts', fileWithBlock({ at: daysAgo(10) }))), [['ai/unreviewed', 'warning']]); // 10 < 30 days, unclassified allowed
  });

  it('a file without an ai section inherits the extended one unchanged', () => {
    const policy = policyOf({ extends: ['./base.jsonc'] }, { '.conductor/base.jsonc': JSON.stringify(BASE) });
    assert.deepEqual(aiBrief(check(policy, 'src/x.ts', fileWithBlock({ at: daysAgo(10) }))), [['ai/unreviewed', 'error'], ['ai/use-case-not-approved', 'error']]);
  });

  it('no ai section anywhere: ResolvedConfig.ai is undefined', () => {
    assert.equal(policyOf({ extends: ['conductor:recommended'] }).resolved.ai, undefined);
  });

  it('null for a use case nobody defined, and maxUnreviewedDays without required review, are warnings at their key', () => {
    const loaded = loadRules(lined('{', '  "ai": {', '    "useCases": { "x": null },', '    "review": {', '      "required": false,', '      "maxUnreviewedDays": 5', '    }', '  }', '}'));
    assert.ok(loaded.policy);
    assert.deepEqual(at(loaded.problems).map(([l, s]) => [l, s]), [[3, 'warning'], [6, 'warning']]);
    assert.match(loaded.problems[0].message, /no extended ruleset defines "x"/);
    assert.match(loaded.problems[1].message, /maxUnreviewedDays has no effect/);
  });
});

describe('ai-policy: aiOnly rules', () => {
  after(removeWorkspaces);

  const text = ['todo(1);', '// @ai-generated begin id=a1b2 tool=copilot', 'todo(2);', '// @ai-generated end id=a1b2', 'todo(3);', ''].join('\n');
  const pattern = { id: 'team/no-todo', regex: 'todo\\(', message: 'todo call' };
  const lines = (policy: ReturnType<typeof policyOf>, t = text): number[] =>
    check(policy, 'lib/a.ts', t).filter((f) => f.ruleId === 'team/no-todo').map((f) => f.range.start.line);

  it('a pattern without aiOnly reports everywhere', () => {
    assert.deepEqual(lines(policyOf({ patterns: [pattern] })), [0, 2, 4]);
  });

  it('aiOnly on the pattern reports only inside AI regions', () => {
    assert.deepEqual(lines(policyOf({ patterns: [{ ...pattern, aiOnly: true }] })), [2]);
  });

  it('aiOnly in a rule setting object (and in an override) works the same', () => {
    assert.deepEqual(lines(policyOf({ patterns: [pattern], rules: { 'team/no-todo': { severity: 'warning', aiOnly: true } } })), [2]);
    const policy = policyOf({ patterns: [{ ...pattern, aiOnly: true }], overrides: [{ files: ['lib/**'], rules: { 'team/no-todo': { severity: 'error', aiOnly: false } } }] });
    assert.deepEqual(lines(policy), [0, 2, 4]);
    assert.equal(policy.rulesFor('other.ts').get('team/no-todo')?.aiOnly, true);
  });

  it('a file without AI regions gets no aiOnly findings', () => {
    assert.deepEqual(lines(policyOf({ patterns: [{ ...pattern, aiOnly: true }] }), 'todo(1);\n'), []);
  });
});
