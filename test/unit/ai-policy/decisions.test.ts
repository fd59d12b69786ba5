import * as assert from 'node:assert/strict';
import type { Finding, Policy } from '../../../server/src/engine';
import { AI_RULES, UNREVIEWED_CI_SEVERITY, ciSeverityOf, type AiAction } from '../../../server/src/engine/ai-policy';
import { codeRule } from '../../../server/src/engine/registry/registry';
import { DOCS, aiBrief, check, daysAgo, fileWithBlock, policyOf, removeWorkspaces, type BlockSpec } from './helpers';

const REASON = 'security-critical code needs a human author';

/** A policy exercising every key; its globs do not overlap, so it loads without problems. */
const POLICY = {
  ai: {
    useCases: {
      tests: { paths: ['**/*.test.ts', 'test/**'], description: 'unit tests' },
      boilerplate: { paths: ['src/**'], maxLines: 5, requiresTest: true },
      docs: { paths: ['src/**', 'lib/**', 'docs/**'] },
      refactor: { paths: ['src/**', 'lib/**'], maxLines: 50 },
      migration: { paths: ['db/migrations/**'] },
    },
    forbidden: [{ paths: ['payments/**', 'auth/**'], reason: REASON }],
    review: { required: { paths: ['src/**', 'db/**'] }, maxUnreviewedDays: 7 },
    excluded: ['secrets/**', '**/*.pem'],
  },
};

const reviewed = { acceptedBy: 'alice', reviewedBy: 'bob', reviewedAt: daysAgo(1), at: daysAgo(2) };
const hasTest = (p: string): boolean => p === 'src/util.test.ts';
const lines = (n: number): string[] => Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`);

interface Case {
  name: string;
  path: string;
  block: BlockSpec;
  policy?: object;
  fileExists?: (relPath: string) => boolean;
  expect: [string, string][];
  /** Substrings every AI finding's message must contain. */
  message?: string[];
}

const CASES: Case[] = [
  // Forbidden and excluded paths.
  { name: 'forbidden path', path: 'payments/charge.ts', block: { use: 'refactor', ...reviewed }, expect: [['ai/forbidden-path', 'error']], message: [REASON, 'payments/**', 'No AI use case is allowed here'] },
  { name: 'forbidden path, second glob', path: 'auth/login.ts', block: { ...reviewed }, expect: [['ai/forbidden-path', 'error']], message: ['auth/**'] },
  { name: 'excluded path', path: 'secrets/keys.ts', block: { use: 'refactor', ...reviewed }, expect: [['ai/excluded-path', 'error']], message: ['excluded from AI assistants', 'secrets/**'] },
  { name: 'excluded by a basename glob', path: 'config/server.pem', block: { comment: '#', ...reviewed }, expect: [['ai/excluded-path', 'error']], message: ['**/*.pem'] },
  // Use cases.
  { name: 'approved use case, reviewed, tested, small', path: 'src/util.ts', block: { use: 'boilerplate', ...reviewed }, fileExists: hasTest, expect: [] },
  { name: 'use case not approved for the path', path: 'src/util.ts', block: { use: 'migration', ...reviewed }, expect: [['ai/use-case-not-approved', 'error']], message: ['"migration"', 'db/migrations/**', 'Approved here: boilerplate, docs, refactor.'] },
  { name: 'no use case approved for the path', path: 'tools/x.ts', block: { use: 'refactor', ...reviewed }, expect: [['ai/use-case-not-approved', 'error']], message: ['No use case is approved for this file.'] },
  { name: 'unknown use case', path: 'src/util.ts', block: { use: 'magic', ...reviewed }, expect: [['ai/unknown-use-case', 'warning']], message: ['"magic"', 'defined: tests, boilerplate, docs, refactor, migration', 'Approved here: boilerplate, docs, refactor.'] },
  { name: 'block within maxLines', path: 'src/util.ts', block: { use: 'boilerplate', ...reviewed, body: lines(5) }, fileExists: hasTest, expect: [] },
  { name: 'block over maxLines', path: 'src/util.ts', block: { use: 'boilerplate', ...reviewed, body: lines(6) }, fileExists: hasTest, expect: [['ai/block-too-large', 'warning']], message: ['6 lines', 'at most 5'] },
  { name: 'missing test', path: 'src/util.ts', block: { use: 'boilerplate', ...reviewed }, fileExists: () => false, expect: [['ai/missing-test', 'warning']], message: ['looked for src/util.test.ts, src/util.test.tsx, src/util.spec.ts and ', 'Add a test.'] },
  { name: 'test in a mirrored test/ tree', path: 'src/util.ts', block: { use: 'boilerplate', ...reviewed }, fileExists: (p) => p === 'test/util.spec.ts', expect: [] },
  { name: 'missing test not checked without fileExists', path: 'src/util.ts', block: { use: 'boilerplate', ...reviewed }, expect: [] },
  { name: 'use case without requiresTest', path: 'src/util.ts', block: { use: 'refactor', ...reviewed }, fileExists: () => false, expect: [] },
  // Review.
  { name: 'unreviewed, young: warning', path: 'src/util.ts', block: { use: 'refactor', at: daysAgo(3) }, expect: [['ai/unreviewed', 'warning']], message: ['not been reviewed', 'in src/**, db/**', '3 day(s) ago (limit: 7)'] },
  { name: 'unreviewed, exactly at the limit: warning', path: 'src/util.ts', block: { use: 'refactor', at: daysAgo(7) }, expect: [['ai/unreviewed', 'warning']] },
  { name: 'unreviewed, older than maxUnreviewedDays: error', path: 'src/util.ts', block: { use: 'refactor', at: daysAgo(8) }, expect: [['ai/unreviewed', 'error']], message: ['8 day(s) ago (limit: 7)'] },
  { name: 'unreviewed without at=: warning (age unknown)', path: 'src/util.ts', block: { use: 'refactor' }, expect: [['ai/unreviewed', 'warning']] },
  { name: 'unreviewed where review is not required', path: 'lib/util.ts', block: { use: 'refactor', at: daysAgo(30) }, expect: [] },
  { name: 'self-review', path: 'src/util.ts', block: { use: 'refactor', at: daysAgo(2), acceptedBy: 'alice', reviewedBy: 'Alice', reviewedAt: daysAgo(1) }, expect: [['ai/self-review', 'error']], message: ['Alice', 'second person'] },
  {
    name: 'self-review allowed',
    path: 'src/util.ts',
    policy: { ai: { ...POLICY.ai, review: { ...POLICY.ai.review, allowSelfReview: true } } },
    block: { use: 'refactor', at: daysAgo(2), acceptedBy: 'alice', reviewedBy: 'alice', reviewedAt: daysAgo(1) },
    expect: [],
  },
  { name: 'review by someone else, acceptor unknown', path: 'src/util.ts', block: { use: 'refactor', at: daysAgo(2), reviewedBy: 'bob', reviewedAt: daysAgo(1) }, expect: [] },
  { name: 'reviewed-by without reviewed-at', path: 'src/util.ts', block: { use: 'refactor', at: daysAgo(2), reviewedBy: 'bob' }, expect: [['ai/malformed-review', 'warning']], message: ['has no reviewed-at'] },
  { name: 'reviewed-at not a date', path: 'src/util.ts', block: { use: 'refactor', at: daysAgo(2), reviewedBy: 'bob', raw: 'reviewed-at=2026-13-45T10:00Z' }, expect: [['ai/malformed-review', 'warning']], message: ['"2026-13-45T10:00Z" is not a valid'] },
  { name: 'reviewed-at without reviewed-by', path: 'lib/util.ts', block: { use: 'refactor', reviewedAt: daysAgo(1) }, expect: [['ai/malformed-review', 'warning']], message: ['who reviewed it?'] },
  { name: 'reviewed before generated', path: 'src/util.ts', block: { use: 'refactor', at: daysAgo(1), reviewedBy: 'bob', reviewedAt: daysAgo(2) }, expect: [['ai/malformed-review', 'warning']], message: ['before the block was generated'] },
  { name: 'reviewed in the same minute as generated', path: 'src/util.ts', block: { use: 'refactor', at: '2026-11-30T10:31:40Z', reviewedBy: 'bob', reviewedAt: '2026-11-30T10:31Z' }, expect: [] },
  { name: 'reviewed in the future', path: 'src/util.ts', block: { use: 'refactor', at: daysAgo(1), reviewedBy: 'bob', reviewedAt: daysAgo(-1) }, expect: [['ai/malformed-review', 'warning']], message: ['in the future'] },
  // Inference.
  { name: 'inferred tests in a test file', path: 'src/util.test.ts', block: { ...reviewed }, expect: [] },
  { name: 'inferred tests under test/', path: 'test/util.ts', block: { ...reviewed }, expect: [] },
  { name: 'inferred tests outside the tests paths', path: 'src/util.spec.ts', block: { ...reviewed }, expect: [['ai/use-case-not-approved', 'error']], message: ['"tests" (inferred)', '**/*.test.ts, test/**'] },
  { name: 'inferred docs: comment-only block', path: 'src/util.ts', block: { ...reviewed, body: ['/**', ' * Adds numbers.', ' */', '', '// more'] }, expect: [] },
  {
    name: 'inferred docs in a use case whose paths exclude it',
    path: 'tools/util.ts',
    block: { ...reviewed, body: ['// just a comment'] },
    expect: [['ai/use-case-not-approved', 'error']],
    message: ['"docs" (inferred)'],
  },
  { name: 'code is unclassified: allowed by default', path: 'src/util.ts', block: { ...reviewed }, expect: [] },
  {
    name: 'unclassified: forbid',
    path: 'src/util.ts',
    policy: { ai: { ...POLICY.ai, unclassified: 'forbid' } },
    block: { ...reviewed, body: ['const a = 1; // trailing comment'] },
    expect: [['ai/use-case-not-approved', 'error']],
    message: ['has no use case', 'ai.unclassified', 'Approved here: boilerplate, docs, refactor.'],
  },
  {
    name: 'unclassified: forbid, inferred use case not defined by the policy',
    path: 'src/util.ts',
    policy: { ai: { useCases: { refactor: { paths: ['src/**'] } }, unclassified: 'forbid' } },
    block: { body: ['// a comment only'] },
    expect: [['ai/use-case-not-approved', 'error']],
  },
  {
    name: 'use cases not governed: any use= passes, unclassified still forbidden',
    path: 'src/util.ts',
    policy: { ai: { unclassified: 'forbid' } },
    block: { use: 'anything' },
    expect: [],
  },
  { name: 'use cases not governed, unclassified forbid, no use=', path: 'src/util.ts', policy: { ai: { unclassified: 'forbid' } }, block: {}, expect: [['ai/use-case-not-approved', 'error']] },
  { name: 'use cases not governed: inferred tests are classified', path: 'a.test.ts', policy: { ai: { unclassified: 'forbid' } }, block: {}, expect: [] },
  // Several findings on one block.
  {
    name: 'too large, untested and unreviewed at once',
    path: 'src/util.ts',
    block: { use: 'boilerplate', at: daysAgo(9), body: lines(8) },
    fileExists: () => false,
    expect: [['ai/block-too-large', 'warning'], ['ai/missing-test', 'warning'], ['ai/unreviewed', 'error']],
  },
  // No ai section: defaults.
  { name: 'no ai section: unreviewed is fine', path: 'src/util.ts', policy: {}, block: { use: 'x' }, expect: [] },
  { name: 'no ai section: self-review is still reported', path: 'src/util.ts', policy: {}, block: { acceptedBy: 'alice', reviewedBy: 'alice', reviewedAt: daysAgo(1) }, expect: [['ai/self-review', 'error']] },
  { name: 'review: {} requires review everywhere', path: 'lib/util.ts', policy: { ai: { review: {} } }, block: {}, expect: [['ai/unreviewed', 'warning']] },
  { name: 'review.required: true without maxUnreviewedDays never escalates', path: 'x.ts', policy: { ai: { review: { required: true } } }, block: { at: daysAgo(400) }, expect: [['ai/unreviewed', 'warning']] },
  // Rule settings apply to AI rules like to any rule.
  { name: 'rule turned off', path: 'src/util.ts', policy: { ...POLICY, rules: { 'ai/unreviewed': 'off' } }, block: { use: 'refactor' }, expect: [] },
  {
    name: 'rule severity from an override',
    path: 'src/legacy/util.ts',
    policy: { ...POLICY, overrides: [{ files: ['src/legacy/**'], rules: { 'ai/unreviewed': 'info' } }] },
    block: { use: 'refactor', at: daysAgo(1) },
    expect: [['ai/unreviewed', 'info']],
  },
  {
    name: 'stale escalates a configured info to error',
    path: 'src/legacy/util.ts',
    policy: { ...POLICY, overrides: [{ files: ['src/legacy/**'], rules: { 'ai/unreviewed': 'info' } }] },
    block: { use: 'refactor', at: daysAgo(10) },
    expect: [['ai/unreviewed', 'error']],
  },
];

describe('ai-policy: decisions', () => {
  after(removeWorkspaces);
  const policies = new Map<string, Policy>();
  const policyFor = (p: object): Policy => {
    const key = JSON.stringify(p);
    let policy = policies.get(key);
    if (!policy) {
      policy = policyOf(p);
      policies.set(key, policy);
    }
    return policy;
  };

  for (const c of CASES) {
    it(c.name, () => {
      const findings = check(policyFor(c.policy ?? POLICY), c.path, fileWithBlock(c.block), { fileExists: c.fileExists });
      assert.deepEqual(aiBrief(findings), c.expect);
      for (const f of findings.filter((x) => x.ruleId.startsWith('ai/'))) {
        for (const s of c.message ?? []) {
          assert.ok(f.message.includes(s), `message of ${f.ruleId} lacks ${JSON.stringify(s)}:\n${f.message}`);
        }
      }
    });
  }

  it('the bad reviewed-at is reported by the marker parser too', () => {
    const findings = check(policyFor(POLICY), 'src/util.ts', fileWithBlock({ use: 'refactor', reviewedBy: 'bob', raw: 'reviewed-at=yesterday' }));
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['ai/malformed-review', 'provenance/invalid-marker']);
  });

  it('findings sit on the begin marker and carry properties.ai and aiActions', () => {
    const text = fileWithBlock({ id: 'c0ffee', use: 'migration', at: daysAgo(1) });
    const findings = check(policyFor(POLICY), 'src/util.ts', text);
    const marker = { start: { line: 1, character: 0 }, end: { line: 1, character: text.split('\n')[1].length } };
    const byRule = new Map(findings.map((f) => [f.ruleId, f]));
    const notApproved = byRule.get('ai/use-case-not-approved') as Finding;
    assert.deepEqual(notApproved.range, marker);
    assert.equal(notApproved.docsUrl, DOCS('ai/use-case-not-approved'));
    assert.equal(notApproved.origin, 'built-in');
    assert.deepEqual(notApproved.fixes, []);
    assert.deepEqual(notApproved.properties?.ai, {
      blockId: 'c0ffee',
      tool: 'copilot',
      useCase: 'migration',
      reviewed: false,
      effectiveUseCase: 'migration',
      useCaseSource: 'marker',
    });
    assert.deepEqual(notApproved.properties?.aiActions, [
      { kind: 'setUseCase', regionId: 'c0ffee', choices: ['boilerplate', 'docs', 'refactor'] },
      { kind: 'takeOwnership', regionId: 'c0ffee' },
      { kind: 'explain', docsUrl: DOCS('ai/use-case-not-approved') },
    ] satisfies AiAction[]);
    assert.deepEqual((byRule.get('ai/unreviewed') as Finding).properties?.aiActions, [
      { kind: 'markReviewed', regionId: 'c0ffee' },
      { kind: 'explain', docsUrl: DOCS('ai/unreviewed') },
    ]);
  });

  it('aiActions per rule', () => {
    const policy = policyFor(POLICY);
    const actions = (path: string, block: BlockSpec, fileExists?: (p: string) => boolean): Record<string, string[]> =>
      Object.fromEntries(
        check(policy, path, fileWithBlock(block), { fileExists, docsUrl: () => undefined })
          .filter((f) => f.ruleId.startsWith('ai/'))
          .map((f) => [f.ruleId, (f.properties?.aiActions as AiAction[]).map((a) => (a.kind === 'setUseCase' ? `setUseCase:${a.choices.join('|')}` : a.kind === 'createTest' ? `createTest:${a.path}` : a.kind))]),
      );
    assert.deepEqual(actions('payments/x.ts', {}), { 'ai/forbidden-path': ['takeOwnership'] });
    assert.deepEqual(actions('secrets/x.ts', {}), { 'ai/excluded-path': [] });
    assert.deepEqual(actions('src/x.ts', { use: 'nope', ...reviewed }), { 'ai/unknown-use-case': ['setUseCase:boilerplate|docs|refactor'] });
    assert.deepEqual(actions('src/x.ts', { use: 'boilerplate', ...reviewed, body: lines(9) }, () => false), {
      'ai/block-too-large': ['setUseCase:docs|refactor', 'takeOwnership'],
      'ai/missing-test': ['createTest:src/x.test.ts'],
    });
    assert.deepEqual(actions('src/x.ts', { use: 'refactor', acceptedBy: 'a', reviewedBy: 'a', reviewedAt: daysAgo(1) }), { 'ai/self-review': ['markReviewed'] });
    assert.deepEqual(actions('src/x.ts', { use: 'refactor', reviewedBy: 'b' }), { 'ai/malformed-review': ['markReviewed'] });
  });

  it('inferred use cases are visible in properties.ai', () => {
    const [f] = check(policyFor(POLICY), 'src/util.spec.ts', fileWithBlock({ ...reviewed })).filter((x) => x.ruleId.startsWith('ai/'));
    assert.deepEqual(f.properties?.ai, { blockId: 'a1b2', tool: 'copilot', useCase: null, reviewed: true, effectiveUseCase: 'tests', useCaseSource: 'inferred' });
    const [g] = check(policyFor({ ai: { unclassified: 'forbid' } }), 'src/util.ts', fileWithBlock({})).filter((x) => x.ruleId.startsWith('ai/'));
    assert.equal((g.properties?.ai as { effectiveUseCase: string }).effectiveUseCase, 'unclassified');
    assert.equal((g.properties?.ai as { useCaseSource: string }).useCaseSource, 'none');
  });

  it('every block of a file is judged on its own', () => {
    const text = [
      '// @ai-generated begin id=aaaa tool=copilot use=refactor',
      'a();',
      '// @ai-generated end id=aaaa',
      '// @ai-generated begin id=bbbb tool=claude use=migration reviewed-by=bob reviewed-at=2026-11-30T10:00Z',
      'b();',
      '// @ai-generated end id=bbbb',
      '',
    ].join('\n');
    const findings = check(policyFor(POLICY), 'src/util.ts', text).filter((f) => f.ruleId.startsWith('ai/'));
    assert.deepEqual(findings.map((f) => [f.ruleId, f.range.start.line, (f.properties?.ai as { blockId: string }).blockId]), [
      ['ai/unreviewed', 0, 'aaaa'],
      ['ai/use-case-not-approved', 3, 'bbbb'],
    ]);
  });

  it('a suppression comment before the marker suppresses an AI finding (with its reason)', () => {
    const text = '// conductor-disable-next-line ai/unreviewed -- reviewed in PR #12\n' + fileWithBlock({ use: 'refactor' }).split('\n').slice(1).join('\n');
    assert.deepEqual(aiBrief(check(policyFor(POLICY), 'src/util.ts', text)), []);
  });

  it('files without AI regions get no AI findings', () => {
    assert.deepEqual(check(policyFor(POLICY), 'payments/x.ts', 'const x = 1;\n'), []);
  });

  it('rule metadata: ids, defaults, registration and the CI severity of ai/unreviewed', () => {
    assert.deepEqual(
      AI_RULES.map((r) => [r.id, r.defaultSeverity]),
      [
        ['ai/forbidden-path', 'error'],
        ['ai/use-case-not-approved', 'error'],
        ['ai/unknown-use-case', 'warning'],
        ['ai/block-too-large', 'warning'],
        ['ai/missing-test', 'warning'],
        ['ai/unreviewed', 'warning'],
        ['ai/self-review', 'error'],
        ['ai/malformed-review', 'warning'],
        ['ai/excluded-path', 'error'],
        ['ai/attribution-removed', 'error'],
      ],
    );
    for (const r of AI_RULES) {
      assert.equal(codeRule(r.id), r, `${r.id} is registered`);
    }
    assert.equal(UNREVIEWED_CI_SEVERITY, 'error');
    assert.equal(ciSeverityOf('ai/unreviewed'), 'error');
    assert.equal(ciSeverityOf('ai/missing-test'), undefined);
  });
});
